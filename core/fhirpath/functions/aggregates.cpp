// FHIRPath 2.1.0 aggregate functions (sum, min, max, avg); aggregate() itself is in utility.cpp.
// Supported because fhirpath.js and FHIR tooling accept them in R4 contexts.
#include "fhirpath/functions/common.h"

namespace pdex::fhirpath {
namespace {
using namespace fn;

// Converts the focus to System values; all must be numbers (`numeric`) or mutually comparable.
bool SystemItems(Evaluator& ev, const Collection& focus, const Expr& call, bool numeric, Collection& items) {
  for (const Value& v : focus) {
    auto s = ToSystem(v);
    if (!s || s->is_node()) return ev.Fail(call.name + "() expects primitive values", call.position);
    if (numeric && s->kind() != ValueKind::kInteger && s->kind() != ValueKind::kDecimal && s->kind() != ValueKind::kQuantity)
      return ev.Fail(call.name + "() expects numbers or quantities", call.position);
    items.push_back(std::move(*s));
  }
  return true;
}

PDEX_FHIRPATH_FN(Sum) {
  (void)scope;
  Collection items;
  if (!SystemItems(ev, focus, call, true, items)) return false;
  if (items.empty()) return true;
  bool all_integers = true;
  double total = 0;
  int scale = 0;
  std::int64_t integer_total = 0;
  for (const Value& v : items) {
    if (v.kind() == ValueKind::kQuantity) return ev.Fail("sum() of quantities is not supported", call.position);
    if (v.kind() == ValueKind::kInteger) {
      integer_total += v.integer();
      total += static_cast<double>(v.integer());
    } else {
      all_integers = false;
      total += v.decimal().value;
      scale = v.decimal().scale < 0 || scale < 0 ? -1 : std::max(scale, v.decimal().scale);
    }
  }
  out.push_back(all_integers ? Value::Integer(integer_total) : Value::MakeDecimal(total, scale));
  return true;
}

bool Extreme(Evaluator& ev, const Collection& focus, const Expr& call, bool want_max, Collection& out) {
  Collection items;
  if (!SystemItems(ev, focus, call, false, items)) return false;
  if (items.empty()) return true;
  std::size_t best = 0;
  for (std::size_t i = 1; i < items.size(); ++i) {
    std::string error;
    auto c = CompareValues(items[i], items[best], error);
    if (!error.empty()) return ev.Fail(call.name + "(): " + error, call.position);
    if (c && ((want_max && *c > 0) || (!want_max && *c < 0))) best = i;
  }
  out.push_back(focus[best]);  // the item itself (a FHIR node keeps its type and text)
  return true;
}

PDEX_FHIRPATH_FN(Min) { (void)scope; return Extreme(ev, focus, call, false, out); }
PDEX_FHIRPATH_FN(Max) { (void)scope; return Extreme(ev, focus, call, true, out); }

PDEX_FHIRPATH_FN(Avg) {
  (void)scope;
  Collection items;
  if (!SystemItems(ev, focus, call, true, items)) return false;
  if (items.empty()) return true;
  double total = 0;
  for (const Value& v : items) {
    if (v.kind() == ValueKind::kQuantity) return ev.Fail("avg() of quantities is not supported", call.position);
    total += v.kind() == ValueKind::kInteger ? static_cast<double>(v.integer()) : v.decimal().value;
  }
  out.push_back(Value::MakeDecimal(total / static_cast<double>(items.size()), -1));
  return true;
}

}  // namespace

void AddAggregateFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {{"sum", 0, 0, Sum}, {"min", 0, 0, Min}, {"max", 0, 0, Max}, {"avg", 0, 0, Avg}});
}

}  // namespace pdex::fhirpath
