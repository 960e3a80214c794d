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
  // Breadth first, in `out` itself: the children of out[i] are appended after everything found so
  // far, which is the level-by-level order without a collection per level.
  const std::size_t start = out.size();
  for (const Value& item : focus) ev.AllChildren(item, out);
  for (std::size_t i = start; i < out.size(); ++i) {
    if (out.size() >= kMaxCollectionSize) return ev.Fail("descendants() too large", call.position);
    const Value item = out[i];  // a copy: appending may move out's items
    ev.AllChildren(item, out);
  }
  if (key) ev.descendants_memo().emplace(*key, Collection(out.begin() + static_cast<std::ptrdiff_t>(start), out.end()));
  return true;
}

}  // namespace

void AddTreeFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {{"children", 0, 0, Children}, {"descendants", 0, 0, Descendants}});
}

}  // namespace pdex::fhirpath
