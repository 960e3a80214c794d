// The function table: every FHIRPath function by name, with its arity and implementation. Lookup
// happens once, at compile time; evaluation calls through the bound pointer. Implementations live
// in one file per chapter of the spec (existence.cpp, filtering.cpp, ...), each registering its own.
#pragma once

#include "fhirpath/ast.h"
#include "fhirpath/value.h"

#include <string_view>
#include <vector>

namespace pdex::fhirpath {

class Evaluator;
struct Scope;

// `focus` is the input collection; `call` gives access to the unevaluated arguments (so filtering
// functions can evaluate them per item). Returns false after recording an error on the evaluator.
using FunctionImpl = bool (*)(Evaluator& ev, const Collection& focus, const Expr& call, const Scope& scope, Collection& out);

struct FunctionDef {
  FunctionDef(std::string_view n, int min, int max, FunctionImpl f, bool type_arg = false)
      : name(n), min_args(min), max_args(max), impl(f), type_argument(type_arg) {}
  std::string_view name;
  int min_args = 0;
  int max_args = 0;
  FunctionImpl impl = nullptr;
  bool type_argument = false;  // is()/as()/ofType(): the argument is a type specifier
};

const FunctionDef* FindFunction(std::string_view name);

// Per-chapter tables (functions/<chapter>.cpp).
void AddExistenceFunctions(std::vector<FunctionDef>& table);
void AddFilteringFunctions(std::vector<FunctionDef>& table);
void AddSubsettingFunctions(std::vector<FunctionDef>& table);
void AddCombiningFunctions(std::vector<FunctionDef>& table);
void AddConversionFunctions(std::vector<FunctionDef>& table);
void AddStringFunctions(std::vector<FunctionDef>& table);
void AddMathFunctions(std::vector<FunctionDef>& table);
void AddTreeFunctions(std::vector<FunctionDef>& table);
void AddUtilityFunctions(std::vector<FunctionDef>& table);
void AddFhirFunctions(std::vector<FunctionDef>& table);
void AddAggregateFunctions(std::vector<FunctionDef>& table);

}  // namespace pdex::fhirpath
