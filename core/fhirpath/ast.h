// The FHIRPath syntax tree (internal to core/fhirpath). Built by the parser, immutable afterwards;
// function calls carry the FunctionDef they were bound to at compile time.
#pragma once

#include "fhirpath/value.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace pdex::fhirpath {

struct FunctionDef;

enum class ExprKind {
  kLiteral,     // literal (Boolean, String, Integer, Decimal, Date/DateTime/Time, Quantity)
  kEmpty,       // {}
  kMember,      // name, on `focus` or (focus == nullptr) on $this
  kFunction,    // name(args), on `focus` or $this
  kIndexer,     // args[0][args[1]]
  kUnary,       // op args[0]  (+ or -)
  kBinary,      // args[0] op args[1]
  kTypeOp,      // args[0] is/as type_name
  kThis,        // $this
  kIndex,       // $index
  kTotal,       // $total
  kVariable,    // %name
};

enum class BinaryOp {
  kNone, kMul, kDiv, kIntDiv, kMod, kAdd, kSub, kConcat, kUnion, kLt, kGt, kLe, kGe, kEq, kNe, kEquiv, kNotEquiv,
  kIn, kContains, kAnd, kOr, kXor, kImplies, kIs, kAs,
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  std::size_t position = 0;
  std::string name;       // member/function/variable name, operator text
  std::string type_name;  // kTypeOp and is()/as()/ofType(): "Quantity", "FHIR.Patient", "System.String"
  BinaryOp op = BinaryOp::kNone;
  bool negate = false;    // kUnary: '-'
  Value literal;
  std::unique_ptr<Expr> focus;
  std::vector<std::unique_ptr<Expr>> args;
  const FunctionDef* function = nullptr;
  int depth = 1;
  // The value does not depend on the focus, $this, $index or $total: literals, %resource and
  // %rootResource, and paths and functions on them (set by the parser).
  bool fixed = false;
  // A fixed subexpression under a parent that is not fixed, so evaluated once per item of an
  // iteration (the `%resource.descendants()...` union in R4's dom-3 `contained.where(...)`):
  // the evaluator computes it once per evaluation, or once per document (Environment::fixed_results).
  bool memoize = false;
};

}  // namespace pdex::fhirpath
