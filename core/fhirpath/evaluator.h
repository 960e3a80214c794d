// The tree-walking evaluator (internal to core/fhirpath; the public entry point is fhirpath.h).
// One Evaluator per Evaluate() call: it holds the environment, the first error and the clock
// reading, and exposes helpers to the function implementations in functions/.
#pragma once

#include "fhirpath/ast.h"
#include "fhirpath/fhirpath.h"
#include "fhirpath/value.h"

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

namespace pdex::fhirpath {

// The iteration context: $this (one item, or the whole input collection at the top level),
// $index and $total (aggregate()).
struct Scope {
  const Value* item = nullptr;            // $this when iterating
  const Collection* collection = nullptr; // $this at the top level (when item == nullptr)
  std::int64_t index = -1;                // $index; -1 outside iteration
  const Collection* total = nullptr;      // $total inside aggregate()
};

// A temporary Collection whose buffer comes from (and returns to) a small per-thread pool, so the
// operands of every operator, path step and function call do not each cost a heap allocation
// (allocation dominated evaluation profiles, especially under WebAssembly's malloc). Buffers
// larger than kMaxPooledCapacity are freed rather than kept.
class ScratchCollection {
 public:
  ScratchCollection();
  ~ScratchCollection();
  ScratchCollection(const ScratchCollection&) = delete;
  ScratchCollection& operator=(const ScratchCollection&) = delete;
  Collection& get() { return items_; }

 private:
  static constexpr std::size_t kMaxPooled = 64;
  static constexpr std::size_t kMaxPooledCapacity = 256;
  static std::vector<Collection>& Pool();
  Collection items_;
};

class Evaluator {
 public:
  Evaluator(const Environment& env, const Collection& context);

  bool Eval(const Expr& expr, const Scope& scope, Collection& out);
  // Evaluates `expr` with $this = item and $index = index.
  bool EvalOnItem(const Expr& expr, const Value& item, std::int64_t index, const Scope& outer, Collection& out);
  // Evaluates argument `i` of a call in the caller's scope.
  bool EvalArg(const Expr& call, std::size_t i, const Scope& scope, Collection& out) {
    return Eval(*call.args[i], scope, out);
  }

  // Records the first error; returns false so callers can `return ev.Fail(...)`.
  bool Fail(std::string message, std::size_t position, ErrorKind kind = ErrorKind::kExecution);
  bool failed() const { return failed_; }
  const Error& error() const { return error_; }
  const Environment& env() const { return env_; }
  const model::TypeModel* model() const { return env_.model; }

  // Singleton evaluation (§4.4): empty -> nullopt (ok stays true); more than one item -> error.
  // Nodes are converted to their System value; `ok` is false after an error.
  std::optional<Value> Singleton(const Collection& c, std::size_t position, bool& ok, const char* what);
  // A singleton argument of one primitive kind (empty -> nullopt); another kind is an error naming
  // type_name ("a String").
  std::optional<Value> TypedArg(const Expr& call, std::size_t i, const Scope& scope, bool& ok, ValueKind kind,
                                const char* type_name);
  // An argument that must be a single String / Integer (empty -> nullopt).
  std::optional<std::string> StringArg(const Expr& call, std::size_t i, const Scope& scope, bool& ok);
  std::optional<std::int64_t> IntegerArg(const Expr& call, std::size_t i, const Scope& scope, bool& ok);
  // The focus as one String (functions of §5.6): empty -> nullopt; non-string or many -> error.
  std::optional<std::string> FocusString(const Collection& focus, const Expr& call, bool& ok);

  // Navigation (navigation.cpp): children of `item` named `name` appended to out.
  bool Children(const Value& item, std::string_view name, std::size_t position, Collection& out);
  // All children (children() §5.7).
  void AllChildren(const Value& item, Collection& out);
  // Type tests (types.cpp): `item` is of `type_name` (qualified or not), with inheritance or exact.
  // Returns nullopt after recording an error for an unknown type name.
  std::optional<bool> IsType(const Value& item, std::string_view type_name, bool exact, std::size_t position);

  // descendants() of input nodes (not computed ones), kept for the rest of this evaluation: R4's dom-3
  // walks %resource.descendants() four times for every contained resource. Keyed by what AllChildren
  // reads (value, `_x` sibling, type-model entry).
  using NodeKey = std::tuple<const nlohmann::json*, const nlohmann::json*, const model::TypeInfo*>;
  std::map<NodeKey, Collection>& descendants_memo() { return descendants_memo_; }

  const DateTimeValue& Now();
  std::map<std::string, Collection, std::less<>>& defined_variables() { return defined_; }
  const Collection& context() const { return context_; }

  // Appends with the kMaxCollectionSize guard.
  bool Append(Collection& out, Value v, std::size_t position);

 private:
  bool StrictCheck(const Expr& expr);
  bool EvalNode(const Expr& expr, const Scope& scope, Collection& out);
  bool EvalMember(const Expr& expr, const Scope& scope, Collection& out);
  bool EvalFunction(const Expr& expr, const Scope& scope, Collection& out);
  bool EvalVariable(const Expr& expr, const Scope& scope, Collection& out);
  void ResourceVariable(const nlohmann::json* json, Collection& out);

  const Environment& env_;
  const Collection& context_;
  bool failed_ = false;
  Error error_;
  std::optional<DateTimeValue> now_;
  std::map<std::string, Collection, std::less<>> defined_;
  std::map<NodeKey, Collection> descendants_memo_;
  std::unordered_map<const Expr*, Collection> memo_;  // Expr::memoize results of this evaluation
};

// Operators (operators.cpp), shared with functions.
// Equality (§6.1.1): nullopt = empty result (incomparable precision etc.).
std::optional<bool> ValuesEqual(const Value& a, const Value& b);
bool ValuesEquivalent(const Value& a, const Value& b);
// Ordering (§6.2): <0, 0, >0; nullopt when incomparable (precision); `error` set for type mismatch.
std::optional<int> CompareValues(const Value& a, const Value& b, std::string& error);
bool EvalBinary(Evaluator& ev, const Expr& expr, const Scope& scope, Collection& out);
bool EvalUnary(Evaluator& ev, const Expr& expr, const Scope& scope, Collection& out);
// Collection membership by equality (union/distinct/in/contains semantics).
bool CollectionContains(const Collection& c, const Value& v);

// A collection without duplicates under FHIRPath equality, with hashed lookups so union(),
// distinct() and friends stay near-linear on large collections (descendants() of a Bundle).
class DistinctValues {
 public:
  bool Contains(const Value& v) const;
  bool Insert(const Value& v);  // false when an equal item is already present
  Collection& items() { return items_; }

 private:
  bool Contains(const Value& v, std::size_t hash) const;
  // Small sets (most union()/distinct() inputs) scan `hashes_` linearly; the hashed index is built
  // only past kIndexThreshold items, saving its node allocations on the common path.
  static constexpr std::size_t kIndexThreshold = 16;
  std::unordered_multimap<std::size_t, std::size_t> index_;
  std::vector<std::size_t> hashes_;  // parallel to items_
  Collection items_;
};
// Quantity + date arithmetic (operators_temporal.cpp).
std::optional<DateTimeValue> AddDuration(const DateTimeValue& base, const Quantity& q, int sign, std::string& error);
// UCUM (ucum.cpp): converts `value` in `from` to `to`; nullopt when not comparable.
std::optional<double> ConvertUnit(double value, std::string_view from, std::string_view to);
// Canonical form of a unit expression: factor to base units and dimension signature.
bool UnitsComparable(std::string_view a, std::string_view b);

}  // namespace pdex::fhirpath
