// FHIRPath §5.8 Tree navigation: children(), descendants().
#include "fhirpath/functions/common.h"

namespace pdex::fhirpath {
namespace {
using namespace fn;

PDEX_FHIRPATH_FN(Children) {
  (void)call, (void)scope;
  for (const Value& item : focus) ev.AllChildren(item, out);
  return true;
}

// descendants() = repeat(children()); iterative, so depth costs no stack.
PDEX_FHIRPATH_FN(Descendants) {
  (void)scope;
  Collection level = focus;
  while (!level.empty()) {
    Collection next;
    for (const Value& item : level) ev.AllChildren(item, next);
    if (out.size() + next.size() > kMaxCollectionSize) return ev.Fail("descendants() too large", call.position);
    out.insert(out.end(), next.begin(), next.end());
    level = std::move(next);
  }
  return true;
}

}  // namespace

void AddTreeFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {{"children", 0, 0, Children}, {"descendants", 0, 0, Descendants}});
}

}  // namespace pdex::fhirpath
