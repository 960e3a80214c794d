// FHIRPath §5.2 Filtering and projection: where, select, repeat, ofType.
#include "fhirpath/functions/common.h"

namespace pdex::fhirpath {
namespace {
using namespace fn;

PDEX_FHIRPATH_FN(Where) {
  ScratchCollection scratch;  // one buffer for every item's criterion result
  Collection& r = scratch.get();
  for (std::size_t i = 0; i < focus.size(); ++i) {
    r.clear();
    if (!ev.EvalOnItem(*call.args[0], focus[i], static_cast<std::int64_t>(i), scope, r)) return false;
    if (IsTrue(r)) out.push_back(focus[i]);
  }
  return true;
}

PDEX_FHIRPATH_FN(Select) {
  for (std::size_t i = 0; i < focus.size(); ++i) {
    if (!ev.EvalOnItem(*call.args[0], focus[i], static_cast<std::int64_t>(i), scope, out)) return false;
    if (out.size() > kMaxCollectionSize) return ev.Fail("collection too large", call.position);
  }
  return true;
}

// repeat(projection): the transitive closure, each item once (§5.2.3).
PDEX_FHIRPATH_FN(Repeat) {
  DistinctValues result;
  Collection pending = focus;
  while (!pending.empty()) {
    Collection next;
    ScratchCollection scratch;
    Collection& r = scratch.get();
    for (std::size_t i = 0; i < pending.size(); ++i) {
      r.clear();
      if (!ev.EvalOnItem(*call.args[0], pending[i], static_cast<std::int64_t>(i), scope, r)) return false;
      for (Value& v : r) {
        if (result.items().size() >= kMaxCollectionSize) return ev.Fail("repeat(): collection too large", call.position);
        if (!result.Insert(v)) continue;
        next.push_back(std::move(v));
      }
    }
    pending = std::move(next);
  }
  out.insert(out.end(), result.items().begin(), result.items().end());
  return true;
}

PDEX_FHIRPATH_FN(OfType) {
  (void)scope;
  for (const Value& v : focus) {
    auto is = ev.IsType(v, call.type_name, true, call.position);
    if (!is) return false;
    if (*is) out.push_back(v);
  }
  return true;
}

}  // namespace

void AddFilteringFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {
                                {"where", 1, 1, Where},
                                {"select", 1, 1, Select},
                                {"repeat", 1, 1, Repeat},
                                {"ofType", 1, 1, OfType, true},
                            });
}

}  // namespace pdex::fhirpath
