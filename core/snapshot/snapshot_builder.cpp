#include "snapshot/snapshot_builder.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "snapshot/element_id.h"
#include "snapshot/element_merge.h"

namespace pdex::snapshot {
namespace {

const nlohmann::json* SnapshotElements(const nlohmann::json* definition) {
  if (definition == nullptr || !definition->is_object()) return nullptr;
  auto snapshot = definition->find("snapshot");
  if (snapshot == definition->end() || !snapshot->is_object()) return nullptr;
  auto elements = snapshot->find("element");
  if (elements == snapshot->end() || !elements->is_array() || elements->empty()) return nullptr;
  return &*elements;
}

// Rewrites id and path of a copied element from one subtree root to another.
nlohmann::json Rebase(const nlohmann::json& element, const std::string& old_id, const std::string& new_id,
                      const std::string& old_path, const std::string& new_path) {
  nlohmann::json copy = element;
  std::string id = StringMember(element, "id");
  std::string path = StringMember(element, "path");
  copy["id"] = ReplacePrefix(id, old_id, new_id);
  copy["path"] = ReplacePrefix(path, old_path, new_path);
  return copy;
}

}  // namespace

SnapshotBuilder::SnapshotBuilder(const nlohmann::json& base_elements, std::string profile_url,
                                 const StructureDefinitionLookup& lookup, Issues& issues)
    : profile_url_(std::move(profile_url)), lookup_(lookup), issues_(issues) {
  if (base_elements.is_array()) {
    for (const auto& element : base_elements) {
      if (!element.is_object()) continue;
      base_.push_back(&element);
      elements_.push_back(element);
    }
  }
  if (!base_.empty()) base_root_ = root_ = StringMember(Base(0), "id");
  Reindex(/*base_too=*/true);
}

void SnapshotBuilder::RenameRoot(const std::string& new_root) {
  if (new_root == root_ || root_.empty()) return;
  auto rename = [&](nlohmann::json& element) {
    element["id"] = ReplacePrefix(StringMember(element, "id"), root_, new_root);
    element["path"] = ReplacePrefix(StringMember(element, "path"), root_, new_root);
  };
  for (auto& element : elements_) rename(element);
  // The base is borrowed: renamed copies live in renamed_base_ (a deque, so pointers stay valid).
  for (auto& element : base_) {
    renamed_base_.push_back(*element);
    rename(renamed_base_.back());
    element = &renamed_base_.back();
  }
  root_ = new_root;
  Reindex(/*base_too=*/true);
}

void SnapshotBuilder::Reindex(bool base_too) {
  index_.clear();
  for (std::size_t i = 0; i < elements_.size(); ++i) index_[StringMember(elements_[i], "id")] = i;
  if (!base_too) return;
  base_index_.clear();
  for (std::size_t i = 0; i < base_.size(); ++i) base_index_[StringMember(Base(i), "id")] = i;
}

std::optional<std::size_t> SnapshotBuilder::Find(const std::string& id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

bool SnapshotBuilder::HasChildren(std::size_t index) const {
  if (index + 1 >= elements_.size()) return false;
  return IsChildOf(StringMember(elements_[index + 1], "id"), StringMember(elements_[index], "id"));
}

// Children and slices of an element follow it contiguously; the group ends at the first element
// outside it.
std::size_t SnapshotBuilder::GroupEnd(std::size_t index) const {
  std::string id = StringMember(elements_[index], "id");
  std::size_t end = index + 1;
  while (end < elements_.size() && IsWithin(StringMember(elements_[end], "id"), id)) ++end;
  return end;
}

bool SnapshotBuilder::Insert(std::size_t position, std::vector<nlohmann::json> elements) {
  if (elements_.size() + elements.size() > kMaxSnapshotElements) {
    AddIssue(Severity::kError, "snapshot.too-large",
             "the snapshot would exceed " + std::to_string(kMaxSnapshotElements) + " elements", root_);
    return false;
  }
  elements_.insert(elements_.begin() + static_cast<std::ptrdiff_t>(position), std::make_move_iterator(elements.begin()),
                   std::make_move_iterator(elements.end()));
  Reindex(/*base_too=*/false);
  return true;
}

void SnapshotBuilder::AddIssue(Severity severity, const char* issue_id, const std::string& text,
                               const std::string& location) {
  Issue issue;
  issue.severity = severity;
  issue.code = severity == Severity::kError ? "structure" : "informational";
  issue.id = issue_id;
  issue.diagnostics = text;
  issue.expression = location;
  issues_.push_back(std::move(issue));
}

bool SnapshotBuilder::Apply(const nlohmann::json& diff) {
  std::string id = StringMember(diff, "id");
  if (id.empty()) id = IdFromPath(diff);
  if (id.empty()) {
    AddIssue(Severity::kError, "snapshot.path-not-found", "differential element without id or path", profile_url_);
    return false;
  }
  std::optional<std::size_t> index = Resolve(id, diff);
  if (!index) return false;
  // Slicing applies to repeating elements, never to the root (R4 sdf-20; Java ProfileUtilities
  // refuses to generate such a snapshot).
  if (*index == 0 && diff.contains("slicing")) {
    AddIssue(Severity::kError, "snapshot.root-slicing",
             "The profile has slicing at the root ('" + root_ + "'), which is illegal", id);
    return false;
  }
  // The id placed the element; its path must name the same element (Java ProfileUtilities works
  // from paths, so a mismatch there is a differential it cannot process).
  const std::string path = StringMember(diff, "path");
  if (!path.empty() && !PathMatches(path, StringMember(elements_[*index], "path"))) {
    AddIssue(Severity::kError, "snapshot.path-mismatch",
             "the differential element's path '" + path + "' does not name the element its id '" + id + "' names ('" +
                 StringMember(elements_[*index], "path") + "')",
             id);
    return false;
  }
  MergeContext context{profile_url_, &lookup_, &issues_};
  MergeElement(elements_[*index], diff, context);
  touched_.push_back(StringMember(elements_[*index], "id"));
  return true;
}

// Whether the path segment `concrete` (valueQuantity, valueString) renames the choice segment
// `choice` (value[x]) to a type that the snapshot element(s) at `typed_path` allow.
bool SnapshotBuilder::RenamesChoice(std::string_view choice, std::string_view concrete, std::string_view typed_path) const {
  constexpr std::string_view kChoice = "[x]";
  if (choice.size() <= kChoice.size() || choice.substr(choice.size() - kChoice.size()) != kChoice) return false;
  const std::string_view stem = choice.substr(0, choice.size() - kChoice.size());
  if (concrete.size() <= stem.size() || concrete.substr(0, stem.size()) != stem) return false;
  const std::string_view type = concrete.substr(stem.size());  // "Quantity", "String"
  for (const nlohmann::json& element : elements_) {
    if (StringMember(element, "path") != typed_path) continue;
    const auto types = element.find("type");
    if (types == element.end() || !types->is_array()) continue;
    for (const nlohmann::json& candidate : *types) {
      const std::string code = StringMember(candidate, "code");
      if (code.size() == type.size() && std::toupper(static_cast<unsigned char>(code[0])) == type[0] &&
          std::string_view(code).substr(1) == type.substr(1)) {
        return true;
      }
    }
  }
  return false;
}

// Whether a differential path names the snapshot element at `element_path`: the same segments, where
// a choice segment may be written renamed to one of its types (value[x] / valueQuantity).
bool SnapshotBuilder::PathMatches(std::string_view path, std::string_view element_path) const {
  std::size_t a = 0;
  std::size_t b = 0;
  while (true) {
    const std::size_t a_end = std::min(path.find('.', a), path.size());
    const std::size_t b_end = std::min(element_path.find('.', b), element_path.size());
    const std::string_view segment = path.substr(a, a_end - a);
    const std::string_view expected = element_path.substr(b, b_end - b);
    const std::string_view typed_path = element_path.substr(0, b_end);
    if (segment != expected && !RenamesChoice(expected, segment, typed_path) &&
        !RenamesChoice(segment, expected, typed_path)) {
      return false;
    }
    if (a_end == path.size() || b_end == element_path.size()) return a_end == path.size() && b_end == element_path.size();
    a = a_end + 1;
    b = b_end + 1;
  }
}

// R4 differentials carry ids; older ones (and some test fixtures) give only path + sliceName, where
// an element belongs to the slice most recently declared at its path's prefix (the list is ordered).
std::string SnapshotBuilder::IdFromPath(const nlohmann::json& diff) {
  const std::string path = StringMember(diff, "path");
  const std::string slice = StringMember(diff, "sliceName");
  // A new element at `path` ends any slice context at or below it.
  for (auto it = slice_context_.begin(); it != slice_context_.end();) {
    if (it->first == path || IsChildOf(it->first, path)) {
      it = slice_context_.erase(it);
    } else {
      ++it;
    }
  }
  std::string id = path;
  std::size_t best = 0;
  for (const auto& [prefix, prefix_id] : slice_context_) {
    if (IsChildOf(path, prefix) && prefix.size() > best) {
      best = prefix.size();
      id = prefix_id + path.substr(prefix.size());
    }
  }
  if (!slice.empty()) {
    id += ":" + slice;
    slice_context_[path] = id;
  }
  return id;
}

std::optional<std::size_t> SnapshotBuilder::Resolve(const std::string& id, const nlohmann::json& diff) {
  std::vector<IdSegment> segments = SplitId(id);
  if (segments.size() > kMaxElementDepth) {
    AddIssue(Severity::kError, "snapshot.too-large",
             "element id deeper than " + std::to_string(kMaxElementDepth) + " segments", id.substr(0, 200));
    return std::nullopt;
  }
  if (segments.empty() || segments[0].name != root_ || !segments[0].slice.empty() || elements_.empty()) {
    AddIssue(Severity::kError, "snapshot.path-not-found", "'" + id + "' does not start with the root '" + root_ + "'",
             id);
    return std::nullopt;
  }
  std::string current = root_;
  std::size_t index = 0;
  for (std::size_t k = 1; k < segments.size(); ++k) {
    const IdSegment& segment = segments[k];
    const bool last = k + 1 == segments.size();
    std::string wanted = current + "." + segment.name;
    std::optional<std::size_t> found = Find(wanted);
    // In a specialization a new element may hang under an untyped (root) element: add, not unfold.
    const bool can_unfold =
        !specialization_ || elements_[index].contains("type") || elements_[index].contains("contentReference");
    if (!found && !HasChildren(index) && can_unfold) {
      if (!Unfold(index, id)) return std::nullopt;
      found = Find(wanted);
    }
    std::string slice = segment.slice;
    std::string choice_type;
    if (!found) {
      // valueQuantity constrains the Quantity choice of value[x] (R4 profiling.html#choice).
      found = FindRenamedChoice(current, segment.name, choice_type);
      if (found) {
        wanted = StringMember(elements_[*found], "id");
        nlohmann::json& choice = elements_[*found];
        if (current.find(':') != std::string::npos && !choice.contains("slicing") && slice.empty()) {
          // Inside a slice, Java ProfileUtilities narrows the choice element itself to the type.
          RestrictTypes(choice, {choice_type});
        } else if (slice.empty()) {
          // Elsewhere it becomes a type slice of the choice element (value[x]:valueQuantity).
          slice = segment.name;
        }
      }
    }
    if (!found && specialization_ && last) found = AddNewElement(current, wanted, diff);
    if (!found) {
      AddIssue(Severity::kError, "snapshot.path-not-found",
               "'" + wanted + "' (from differential '" + id + "') is not an element of the base", id);
      return std::nullopt;
    }
    index = *found;
    current = wanted;
    if (!slice.empty()) {
      // A re-slice "a/b" slices the slice "a".
      std::size_t slash = slice.rfind('/');
      if (slash != std::string::npos) {
        std::optional<std::size_t> parent = Find(current + ":" + slice.substr(0, slash));
        if (!parent) {
          AddIssue(Severity::kError, "snapshot.path-not-found", "re-slice of unknown slice in '" + id + "'", id);
          return std::nullopt;
        }
        index = *parent;
      }
      std::string slice_id = current + ":" + slice;
      const std::size_t sliced_index = index;
      std::optional<std::size_t> slice_index = Find(slice_id);
      if (!slice_index) slice_index = CreateSlice(index, slice, choice_type, id);
      if (!slice_index) return std::nullopt;
      if (last) NoteChoiceSlice(sliced_index, slice, diff);
      index = *slice_index;
      current = slice_id;
    }
  }
  return index;
}

void SnapshotBuilder::RestrictTypes(nlohmann::json& element, const std::set<std::string>& codes) {
  auto types = element.find("type");
  if (types == element.end() || !types->is_array()) return;
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& type : *types) {
    if (codes.count(StringMember(type, "code")) != 0) kept.push_back(type);
  }
  if (!kept.empty()) *types = std::move(kept);
}

// A required renamed choice (min >= 1: valueCodeableConcept 1..1) leaves no room for the other
// types: the choice element is narrowed to the renamed types and takes the min, and Finish() closes
// its slicing. An optional one only adds the type slice. (This is what current Java ProfileUtilities
// produces, e.g. US Core 6.1.0 pregnancystatus vs body-weight; releases before ~2021 always narrowed.)
void SnapshotBuilder::NoteChoiceRename(std::size_t choice, const nlohmann::json& diff, const std::string& type_code) {
  nlohmann::json& element = elements_[choice];
  const std::string id = StringMember(element, "id");
  auto min = diff.find("min");
  if (min == diff.end() || !min->is_number_integer() || min->get<long>() < 1) return;
  std::set<std::string>& codes = renamed_types_[id];
  codes.insert(type_code);
  RestrictTypes(element, codes);
  auto current = element.find("min");
  if (current == element.end() || !current->is_number_integer() || current->get<long>() < min->get<long>()) {
    element["min"] = *min;
  }
}

// A type slice of a choice element (value[x]:valueQuantity, written either way in the differential).
void SnapshotBuilder::NoteChoiceSlice(std::size_t choice, const std::string& slice, const nlohmann::json& diff) {
  const std::string id = StringMember(elements_[choice], "id");
  if (id.size() < 4 || id.compare(id.size() - 3, 3, "[x]") != 0) return;
  const std::string last = id.substr(id.rfind('.') + 1);
  const std::string stem = last.substr(0, last.size() - 3);
  auto types = elements_[choice].find("type");
  if (types == elements_[choice].end() || !types->is_array()) return;
  for (const auto& type : *types) {
    const std::string code = StringMember(type, "code");
    if (stem + ChoiceSuffix(code) == slice) {
      NoteChoiceRename(choice, diff, code);
      return;
    }
  }
}

std::optional<std::size_t> SnapshotBuilder::FindRenamedChoice(const std::string& parent_id, const std::string& name,
                                                              std::string& type_code) const {
  for (std::size_t split = 1; split < name.size(); ++split) {
    if (!std::isupper(static_cast<unsigned char>(name[split]))) continue;
    std::optional<std::size_t> choice = Find(parent_id + "." + name.substr(0, split) + "[x]");
    if (!choice) continue;
    std::string suffix = name.substr(split);
    auto types = elements_[*choice].find("type");
    if (types == elements_[*choice].end() || !types->is_array()) continue;
    for (const auto& type : *types) {
      std::string code = StringMember(type, "code");
      if (ChoiceSuffix(code) == suffix) {
        type_code = code;
        return choice;
      }
    }
  }
  return std::nullopt;
}

bool SnapshotBuilder::Unfold(std::size_t index, const std::string& location) {
  const nlohmann::json element = elements_[index];
  const std::string id = StringMember(element, "id");
  const std::string path = StringMember(element, "path");
  std::vector<nlohmann::json> children;

  std::string reference = StringMember(element, "contentReference");
  if (!reference.empty()) return UnfoldContentReference(index, reference, location);

  auto types = element.find("type");
  if (types == element.end() || !types->is_array() || types->empty()) {
    AddIssue(Severity::kError, "snapshot.path-not-found", "'" + id + "' has no type to take children from", location);
    return false;
  }
  if (types->size() != 1) {
    AddIssue(Severity::kError, "snapshot.ambiguous-type",
             "'" + id + "' has several types; constrain one (e.g. a renamed choice) before its children", location);
    return false;
  }
  const nlohmann::json& type = (*types)[0];
  const nlohmann::json* source = nullptr;
  auto profiles = type.find("profile");
  if (profiles != type.end() && profiles->is_array() && profiles->size() == 1 && (*profiles)[0].is_string()) {
    source = SnapshotElements(lookup_((*profiles)[0].get<std::string>()));
    if (source == nullptr) {
      AddIssue(Severity::kWarning, "snapshot.base-not-found",
               "type profile " + (*profiles)[0].get<std::string>() + " not found; unfolding the plain type", location);
    }
  }
  std::string code = StringMember(type, "code");
  if (source == nullptr) source = SnapshotElements(lookup_(TypeUrl(code)));
  if (source == nullptr) {
    AddIssue(Severity::kError, "snapshot.base-not-found", "no definition with a snapshot for type '" + code + "'",
             location);
    return false;
  }
  // A new element of a logical model takes the type root's invariants (ele-1) when Java
  // ProfileUtilities walks into its type; elements inherited from a base already carry theirs.
  auto root_constraints = (*source)[0].find("constraint");
  if (new_elements_.count(id) != 0 && root_constraints != (*source)[0].end() && root_constraints->is_array()) {
    nlohmann::json& list = elements_[index]["constraint"];
    if (!list.is_array()) list = nlohmann::json::array();
    for (const auto& constraint : *root_constraints) {
      bool present = false;
      for (const auto& existing : list)
        present = present || StringMember(existing, "key") == StringMember(constraint, "key");
      if (!present) list.push_back(constraint);
    }
  }
  const std::string source_id = StringMember((*source)[0], "id");
  const std::string source_path = StringMember((*source)[0], "path");
  for (std::size_t i = 1; i < source->size(); ++i) {
    const nlohmann::json& child = (*source)[i];
    if (!child.is_object()) continue;
    children.push_back(Rebase(child, source_id, id, source_path, path));
  }
  for (const auto& child : children) origin_[StringMember(child, "id")] = child;
  return Insert(index + 1, std::move(children));
}

// contentReference "[url]#Path": the children of that element, taken from the definition the url
// names (the core resource when the reference is local), as Java ProfileUtilities does; the element
// itself then takes the referenced element's type (BackboneElement) in place of the reference.
bool SnapshotBuilder::UnfoldContentReference(std::size_t index, const std::string& reference,
                                             const std::string& location) {
  const std::string id = StringMember(elements_[index], "id");
  const std::string path = StringMember(elements_[index], "path");
  const std::size_t hash = reference.find('#');
  const std::string target = hash == std::string::npos ? reference : reference.substr(hash + 1);
  std::string url = hash == std::string::npos ? std::string() : reference.substr(0, hash);
  if (url.empty()) url = TypeUrl(base_root_);
  const nlohmann::json* source = SnapshotElements(lookup_(url));
  std::vector<nlohmann::json> children;
  const nlohmann::json* target_element = nullptr;
  auto collect = [&](std::size_t size, const auto& at) {
    for (std::size_t i = 0; i < size; ++i) {
      if (StringMember(at(i), "id") != target) continue;
      target_element = &at(i);
      for (std::size_t j = i + 1; j < size && IsChildOf(StringMember(at(j), "id"), target); ++j) {
        children.push_back(Rebase(at(j), target, id, target, path));
      }
      break;
    }
  };
  if (source != nullptr) {
    collect(source->size(), [source](std::size_t i) -> const nlohmann::json& { return (*source)[i]; });
  } else {
    // The definition is not available: the base snapshot has the element too.
    collect(base_.size(), [this](std::size_t i) -> const nlohmann::json& { return Base(i); });
  }
  if (target_element == nullptr) {
    AddIssue(Severity::kError, "snapshot.path-not-found", "contentReference '" + reference + "' not found", location);
    return false;
  }
  if (target_element->contains("type")) elements_[index]["type"] = (*target_element)["type"];
  elements_[index].erase("contentReference");
  for (const auto& child : children) origin_[StringMember(child, "id")] = child;
  return Insert(index + 1, std::move(children));
}

std::optional<std::size_t> SnapshotBuilder::CreateSlice(std::size_t sliced, const std::string& name,
                                                        const std::string& choice_type, const std::string& location) {
  nlohmann::json& sliced_element = elements_[sliced];
  const std::string sliced_id = StringMember(sliced_element, "id");
  const std::string path = StringMember(sliced_element, "path");
  const bool reslice = name.find('/') != std::string::npos;
  if (!reslice && !sliced_element.contains("slicing")) {
    // Java ProfileUtilities supplies the implied slicing of extensions (by url) and of choice types
    // (by type); anything else must declare its slicing (R4 profiling.html#slicing).
    std::string last = path.substr(path.rfind('.') + 1);
    if (last == "extension" || last == "modifierExtension") {
      sliced_element["slicing"] = {
          {"discriminator", {{{"type", "value"}, {"path", "url"}}}}, {"ordered", false}, {"rules", "open"}};
    } else if (last.size() > 3 && last.substr(last.size() - 3) == "[x]") {
      sliced_element["slicing"] = {
          {"discriminator", {{{"type", "type"}, {"path", "$this"}}}}, {"ordered", false}, {"rules", "open"}};
    } else {
      AddIssue(Severity::kWarning, "snapshot.slicing-missing",
               "slice '" + name + "' of '" + sliced_id + "' which declares no slicing", location);
    }
  }
  // A slice starts from the inherited (base) definition of the sliced element, not from the
  // profile's constraints on it (R4 profiling.html#slicing); its children likewise.
  nlohmann::json slice;
  std::vector<nlohmann::json> inserted;
  auto base_it = reslice ? base_index_.end() : base_index_.find(sliced_id);
  std::string template_id = sliced_id;
  if (base_it != base_index_.end()) {
    slice = Base(base_it->second);
  } else if (auto origin = origin_.find(sliced_id); !reslice && origin != origin_.end()) {
    slice = origin->second;
  } else {
    slice = sliced_element;
  }
  slice.erase("slicing");
  // Slices do not inherit the sliced element's minimum: the differential states each slice's own
  // (Java ProfileUtilities; e.g. hrex-practitioner identifier:ccn is 0..1 under identifier 1..*).
  if (slice.contains("min")) slice["min"] = 0;
  const std::string slice_id = (reslice ? sliced_id.substr(0, sliced_id.rfind(':')) : sliced_id) + ":" + name;
  slice["id"] = slice_id;
  slice["sliceName"] = name;
  if (!choice_type.empty() && slice.contains("type") && slice["type"].is_array()) {
    nlohmann::json kept = nlohmann::json::array();
    for (const auto& type : slice["type"]) {
      if (StringMember(type, "code") == choice_type) kept.push_back(type);
    }
    slice["type"] = kept;
  }
  origin_[slice_id] = slice;
  inserted.push_back(std::move(slice));
  // The base's children come with the slice: always when defined inline (BackboneElement), and for
  // datatype children the base unfolded, unless the base already sliced the element (Java then
  // unfolds the slice's children afresh from the datatype; e.g. PAS Organization.identifier:TIN).
  if (base_it != base_index_.end() &&
      (HasInlineChildren(Base(base_it->second)) || !Base(base_it->second).contains("slicing"))) {
    for (std::size_t i = base_it->second + 1; i < base_.size() && IsChildOf(StringMember(Base(i), "id"), sliced_id);
         ++i) {
      inserted.push_back(Rebase(Base(i), sliced_id, slice_id, path, path));
    }
  } else if (reslice) {
    // A re-slice starts from its slice as constrained so far, children included.
    for (std::size_t i = sliced + 1; i < elements_.size() && IsChildOf(StringMember(elements_[i], "id"), sliced_id);
         ++i) {
      inserted.push_back(Rebase(elements_[i], sliced_id, slice_id, path, path));
    }
  }
  for (std::size_t i = 1; i < inserted.size(); ++i) origin_[StringMember(inserted[i], "id")] = inserted[i];
  std::size_t position = GroupEnd(sliced);
  if (!Insert(position, std::move(inserted))) return std::nullopt;
  return position;
}

bool SnapshotBuilder::HasInlineChildren(const nlohmann::json& element) {
  auto types = element.find("type");
  if (types == element.end() || !types->is_array() || types->size() != 1) return element.contains("contentReference");
  std::string code = StringMember((*types)[0], "code");
  return code == "BackboneElement" || code == "Element";
}

void SnapshotBuilder::Finish() {
  // Current Java writes a local contentReference ("#Claim.item.adjudication") with the canonical URL
  // of the resource that defines it, so the reference stays meaningful inside a derived profile.
  if (!specialization_) {
    for (auto& element : elements_) {
      std::string reference = StringMember(element, "contentReference");
      if (!reference.empty() && reference[0] == '#') element["contentReference"] = TypeUrl(base_root_) + reference;
    }
  }
  // A choice element sliced by type whose every remaining type has a slice admits nothing else:
  // its slicing is closed (as in the official snapshots).
  for (auto& choice : elements_) {
    const std::string id = StringMember(choice, "id");
    if (id.size() < 4 || id.compare(id.size() - 3, 3, "[x]") != 0) continue;
    auto slicing = choice.find("slicing");
    auto types = choice.find("type");
    if (slicing == choice.end() || !slicing->is_object() || types == choice.end() || !types->is_array()) continue;
    const std::string last = id.substr(id.rfind('.') + 1);
    const std::string stem = last.substr(0, last.size() - 3);  // value[x] -> value
    bool covered = !types->empty();
    for (const auto& type : *types) {
      covered = covered && index_.count(id + ":" + stem + ChoiceSuffix(StringMember(type, "code"))) != 0;
    }
    if (covered) (*slicing)["rules"] = "closed";
  }
  // Where the base already slices a datatype element and the differential constrains it or its
  // slices but none of its children, the official snapshots (Java ProfileUtilities) keep the sliced element without the
  // datatype children the base had unfolded (e.g. hrex-organization Organization.identifier).
  std::vector<std::string> drop;
  for (const auto& element : elements_) {
    const std::string id = StringMember(element, "id");
    auto base = base_index_.find(id);
    if (base == base_index_.end() || !Base(base->second).contains("slicing")) continue;
    const std::optional<std::size_t> self = Find(id);
    if (!self || HasInlineChildren(Base(base->second)) || !HasChildren(*self)) continue;
    bool group_touched = false;
    bool children_touched = false;
    for (const auto& touched : touched_) {
      group_touched = group_touched || IsWithin(touched, id);
      children_touched = children_touched || IsChildOf(touched, id);
    }
    if (group_touched && !children_touched) drop.push_back(id);
  }
  if (drop.empty()) return;
  std::vector<nlohmann::json> kept;
  for (auto& element : elements_) {
    const std::string id = StringMember(element, "id");
    bool dropped = false;
    for (const auto& parent : drop) dropped = dropped || IsChildOf(id, parent);
    if (!dropped) kept.push_back(std::move(element));
  }
  elements_ = std::move(kept);
  Reindex(/*base_too=*/false);
}

std::optional<std::size_t> SnapshotBuilder::AddNewElement(const std::string& parent_id, const std::string& id,
                                                          const nlohmann::json& diff) {
  std::optional<std::size_t> parent = Find(parent_id);
  if (!parent) return std::nullopt;
  nlohmann::json element = {{"id", id}, {"path", StringMember(diff, "path")}};
  if (StringMember(diff, "path").empty()) element["path"] = id;
  // A new element of a specialization is its own base (R4 elementdefinition.html#ElementDefinition.base).
  std::string max = StringMember(diff, "max");
  auto min = diff.find("min");
  element["base"] = {{"path", element["path"]},
                     {"min", min != diff.end() && min->is_number_integer() ? *min : nlohmann::json(0)},
                     {"max", max.empty() ? std::string("*") : max}};
  std::size_t position = GroupEnd(*parent);
  if (!Insert(position, {element})) return std::nullopt;
  new_elements_.insert(id);
  return position;
}

}  // namespace pdex::snapshot
