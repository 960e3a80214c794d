// FHIRPath §5.3 Subsetting: single, first, last, tail, skip, take, intersect, exclude.
#include "fhirpath/functions/common.h"

namespace pdex::fhirpath {
namespace {
using namespace fn;

PDEX_FHIRPATH_FN(Single) {
  (void)scope;
  if (focus.size() > 1) return ev.Fail("single() on a collection of " + std::to_string(focus.size()) + " items", call.position);
  out.insert(out.end(), focus.begin(), focus.end());
  return true;
}

PDEX_FHIRPATH_FN(First) {
  (void)ev, (void)call, (void)scope;
  if (!focus.empty()) out.push_back(focus.front());
  return true;
}

PDEX_FHIRPATH_FN(Last) {
  (void)ev, (void)call, (void)scope;
  if (!focus.empty()) out.push_back(focus.back());
  return true;
}

PDEX_FHIRPATH_FN(Tail) {
  (void)ev, (void)call, (void)scope;
  if (focus.size() > 1) out.insert(out.end(), focus.begin() + 1, focus.end());
  return true;
}

PDEX_FHIRPATH_FN(Skip) {
  bool ok = true;
  auto n = ev.IntegerArg(call, 0, scope, ok);
  if (!ok) return false;
  if (!n) return true;
  std::size_t start = *n <= 0 ? 0 : static_cast<std::size_t>(*n);
  if (start < focus.size()) out.insert(out.end(), focus.begin() + static_cast<long>(start), focus.end());
  return true;
}

PDEX_FHIRPATH_FN(Take) {
  bool ok = true;
  auto n = ev.IntegerArg(call, 0, scope, ok);
  if (!ok) return false;
  if (!n || *n <= 0) return true;
  std::size_t count = std::min(focus.size(), static_cast<std::size_t>(*n));
  out.insert(out.end(), focus.begin(), focus.begin() + static_cast<long>(count));
  return true;
}

PDEX_FHIRPATH_FN(Intersect) {
  Collection other;
  if (!ev.EvalArg(call, 0, scope, other)) return false;
  DistinctValues lookup, result;
  for (const Value& v : other) lookup.Insert(v);
  for (const Value& v : focus) {
    if (lookup.Contains(v)) result.Insert(v);
  }
  out.insert(out.end(), result.items().begin(), result.items().end());
  return true;
}

PDEX_FHIRPATH_FN(Exclude) {
  Collection other;
  if (!ev.EvalArg(call, 0, scope, other)) return false;
  DistinctValues lookup;
  for (const Value& v : other) lookup.Insert(v);
  for (const Value& v : focus) {
    if (!lookup.Contains(v)) out.push_back(v);
  }
  return true;
}

}  // namespace

void AddSubsettingFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {
                                {"single", 0, 0, Single},       {"first", 0, 0, First},
                                {"last", 0, 0, Last},           {"tail", 0, 0, Tail},
                                {"skip", 1, 1, Skip},           {"take", 1, 1, Take},
                                {"intersect", 1, 1, Intersect}, {"exclude", 1, 1, Exclude},
                            });
}

}  // namespace pdex::fhirpath
