// FHIRPath §5.1 Existence: empty, exists, all, allTrue, anyTrue, allFalse, anyFalse, subsetOf,
// supersetOf, count, distinct, isDistinct.
#include "fhirpath/functions/common.h"

namespace pdex::fhirpath {
namespace {
using namespace fn;

PDEX_FHIRPATH_FN(Empty) {
  (void)ev, (void)call, (void)scope;
  out.push_back(Value::Boolean(focus.empty()));
  return true;
}

PDEX_FHIRPATH_FN(Exists) {
  if (call.args.empty()) {
    out.push_back(Value::Boolean(!focus.empty()));
    return true;
  }
  ScratchCollection scratch;  // one buffer for every item's criterion result
  Collection& r = scratch.get();
  for (std::size_t i = 0; i < focus.size(); ++i) {
    r.clear();
    if (!ev.EvalOnItem(*call.args[0], focus[i], static_cast<std::int64_t>(i), scope, r)) return false;
    if (IsTrue(r)) {
      out.push_back(Value::Boolean(true));
      return true;
    }
  }
  out.push_back(Value::Boolean(false));
  return true;
}

PDEX_FHIRPATH_FN(All) {
  ScratchCollection scratch;  // one buffer for every item's criterion result
  Collection& r = scratch.get();
  for (std::size_t i = 0; i < focus.size(); ++i) {
    r.clear();
    if (!ev.EvalOnItem(*call.args[0], focus[i], static_cast<std::int64_t>(i), scope, r)) return false;
    if (!IsTrue(r)) {
      out.push_back(Value::Boolean(false));
      return true;
    }
  }
  out.push_back(Value::Boolean(true));
  return true;
}

// allTrue/anyTrue/allFalse/anyFalse: `want` is the value looked for, `all` whether every item must match.
bool BooleanAggregate(Evaluator& ev, const Collection& focus, const Expr& call, bool want, bool all, Collection& out) {
  bool result = all;
  for (const Value& item : focus) {
    auto v = ToSystem(item);
    if (!v || v->kind() != ValueKind::kBoolean) return ev.Fail(call.name + "() expects Booleans", call.position);
    if (all && v->boolean() != want) result = false;
    if (!all && v->boolean() == want) result = true;
  }
  out.push_back(Value::Boolean(result));
  return true;
}

PDEX_FHIRPATH_FN(AllTrue) { (void)scope; return BooleanAggregate(ev, focus, call, true, true, out); }
PDEX_FHIRPATH_FN(AnyTrue) { (void)scope; return BooleanAggregate(ev, focus, call, true, false, out); }
PDEX_FHIRPATH_FN(AllFalse) { (void)scope; return BooleanAggregate(ev, focus, call, false, true, out); }
PDEX_FHIRPATH_FN(AnyFalse) { (void)scope; return BooleanAggregate(ev, focus, call, false, false, out); }

bool Subset(const Collection& a, const Collection& b) {
  DistinctValues set;
  for (const Value& v : b) set.Insert(v);
  for (const Value& v : a) {
    if (!set.Contains(v)) return false;
  }
  return true;
}

PDEX_FHIRPATH_FN(SubsetOf) {
  Collection other;
  if (!ev.EvalArg(call, 0, scope, other)) return false;
  out.push_back(Value::Boolean(Subset(focus, other)));
  return true;
}

PDEX_FHIRPATH_FN(SupersetOf) {
  Collection other;
  if (!ev.EvalArg(call, 0, scope, other)) return false;
  out.push_back(Value::Boolean(Subset(other, focus)));
  return true;
}

PDEX_FHIRPATH_FN(Count) {
  (void)ev, (void)call, (void)scope;
  out.push_back(Value::Integer(static_cast<std::int64_t>(focus.size())));
  return true;
}

PDEX_FHIRPATH_FN(Distinct) {
  (void)ev, (void)call, (void)scope;
  DistinctValues result;
  for (const Value& v : focus) result.Insert(v);
  out.insert(out.end(), result.items().begin(), result.items().end());
  return true;
}

PDEX_FHIRPATH_FN(IsDistinct) {
  (void)ev, (void)call, (void)scope;
  DistinctValues seen;
  bool distinct = true;
  for (const Value& v : focus) distinct = seen.Insert(v) && distinct;
  out.push_back(Value::Boolean(distinct));
  return true;
}

}  // namespace

void AddExistenceFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {
                                {"empty", 0, 0, Empty},           {"exists", 0, 1, Exists},
                                {"all", 1, 1, All},               {"allTrue", 0, 0, AllTrue},
                                {"anyTrue", 0, 0, AnyTrue},       {"allFalse", 0, 0, AllFalse},
                                {"anyFalse", 0, 0, AnyFalse},     {"subsetOf", 1, 1, SubsetOf},
                                {"supersetOf", 1, 1, SupersetOf}, {"count", 0, 0, Count},
                                {"distinct", 0, 0, Distinct},     {"isDistinct", 0, 0, IsDistinct},
                            });
}

}  // namespace pdex::fhirpath
