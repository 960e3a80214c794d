// FHIRPath §5.4 Combining: union (duplicates removed), combine (duplicates kept).
#include "fhirpath/functions/common.h"

namespace pdex::fhirpath {
namespace {
using namespace fn;

PDEX_FHIRPATH_FN(Union) {
  Collection other;
  if (!ev.EvalArg(call, 0, scope, other)) return false;
  DistinctValues result;
  for (const Value& v : focus) result.Insert(v);
  for (const Value& v : other) result.Insert(v);
  out.insert(out.end(), result.items().begin(), result.items().end());
  return true;
}

PDEX_FHIRPATH_FN(Combine) {
  Collection other;
  if (!ev.EvalArg(call, 0, scope, other)) return false;
  out.insert(out.end(), focus.begin(), focus.end());
  out.insert(out.end(), other.begin(), other.end());
  return true;
}

}  // namespace

void AddCombiningFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {{"union", 1, 1, Union}, {"combine", 1, 1, Combine}});
}

}  // namespace pdex::fhirpath
