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
  // One input node (the common %resource.descendants()): answered from the evaluation's memo.
  std::optional<Evaluator::NodeKey> key;
  if (focus.size() == 1 && focus[0].is_node() && focus[0].node().owner == nullptr) {
    const Node& node = focus[0].node();
    key.emplace(node.value, node.ext, node.info);
    const auto found = ev.descendants_memo().find(*key);
    if (found != ev.descendants_memo().end()) {
      if (out.size() + found->second.size() > kMaxCollectionSize) return ev.Fail("descendants() too large", call.position);
      out.insert(out.end(), found->second.begin(), found->second.end());
      return true;
    }
  }
  const std::size_t start = out.size();
  Collection level = focus;
  while (!level.empty()) {
    Collection next;
    for (const Value& item : level) ev.AllChildren(item, next);
    if (out.size() + next.size() > kMaxCollectionSize) return ev.Fail("descendants() too large", call.position);
    out.insert(out.end(), next.begin(), next.end());
    level = std::move(next);
  }
  if (key) ev.descendants_memo().emplace(*key, Collection(out.begin() + static_cast<std::ptrdiff_t>(start), out.end()));
  return true;
}

}  // namespace

void AddTreeFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {{"children", 0, 0, Children}, {"descendants", 0, 0, Descendants}});
}

}  // namespace pdex::fhirpath
