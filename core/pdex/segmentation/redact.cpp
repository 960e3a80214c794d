#include "pdex/segmentation/redact.h"

#include "json/fields.h"
#include "pdex/common/codes.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace pdex::segmentation {
namespace {

using Removals = std::map<std::string, std::set<std::size_t>>;  // array member -> indices to remove

bool OneOf(std::string_view key, std::initializer_list<std::string_view> keys) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Arrays whose elements are separate statements that may go without the rest losing its meaning
// (every one is 0..* in base R4, US Core 3.1.1, CARIN BB 1.1.0 and PDex 2.0.0, except EOB item and
// diagnosis, which may not be emptied: see Apply).
bool IsRemovableContentArray(std::string_view type, std::string_view key) {
  if (OneOf(key, {"reasonCode", "reasonReference", "note"})) return true;
  if (type == "ExplanationOfBenefit") return OneOf(key, {"item", "diagnosis", "procedure", "supportingInfo"});
  if (type == "Encounter") return OneOf(key, {"diagnosis", "participant"});
  return false;
}

// Reference arrays that must keep an element (1..*): emptying them withholds the resource.
bool MustStayNonEmpty(std::string_view type, std::string_view key) {
  if (OneOf(key, {"target", "payor", "agent"})) return true;
  return type == "ExplanationOfBenefit" && OneOf(key, {"item", "diagnosis", "insurance", "total"});
}

std::vector<long long> Sequences(const nlohmann::json& item, std::string_view key) {
  std::vector<long long> out;
  if (const auto* list = json::ArrayAt(item, key)) {
    for (const auto& value : *list) {
      if (value.is_number_integer()) out.push_back(value.get<long long>());
    }
  }
  return out;
}

long long SequenceOf(const nlohmann::json& element) {
  const auto* sequence = json::MemberAt(element, "sequence");
  return sequence != nullptr && sequence->is_number_integer() ? sequence->get<long long>() : -1;
}

// ExplanationOfBenefit: items pointing at a removed diagnosis or procedure go too (they were billed
// for it); a removed principal diagnosis means the claim itself is about sensitive care.
bool CascadeEob(const nlohmann::json& eob, Removals& removals) {
  std::set<long long> diagnoses, procedures;
  const auto* diagnosis = json::ArrayAt(eob, "diagnosis");
  for (std::size_t i : removals["diagnosis"]) {
    if (diagnosis == nullptr || i >= diagnosis->size()) continue;
    const auto& entry = (*diagnosis)[i];
    if (const auto* types = json::ArrayAt(entry, "type")) {
      for (const auto& type : *types) {
        if (const auto* codings = json::ArrayAt(type, "coding")) {
          for (const auto& coding : *codings) {
            if (json::StringAt(coding, "code") == "principal") return false;
          }
        }
      }
    }
    diagnoses.insert(SequenceOf(entry));
  }
  const auto* procedure = json::ArrayAt(eob, "procedure");
  for (std::size_t i : removals["procedure"]) {
    if (procedure != nullptr && i < procedure->size()) procedures.insert(SequenceOf((*procedure)[i]));
  }
  if (const auto* items = json::ArrayAt(eob, "item")) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      for (long long s : Sequences((*items)[i], "diagnosisSequence")) {
        if (diagnoses.count(s) != 0) removals["item"].insert(i);
      }
      for (long long s : Sequences((*items)[i], "procedureSequence")) {
        if (procedures.count(s) != 0) removals["item"].insert(i);
      }
    }
  }
  return true;
}

// Renumbers `key`[].sequence 1..n after removals, rewriting the `link` lists of every item (and, for
// items, addItem.itemSequence) so no pointer names a removed or renumbered entry.
void Renumber(nlohmann::json& eob, std::string_view key, std::string_view link) {
  auto* list = eob.is_object() && eob.contains(key) ? &eob[std::string(key)] : nullptr;
  if (list == nullptr || !list->is_array()) return;
  std::map<long long, long long> renumbered;
  long long next = 1;
  for (auto& element : *list) {
    const long long old = SequenceOf(element);
    if (old < 0) continue;
    renumbered[old] = next;
    element["sequence"] = next++;
  }
  auto rewrite = [&](nlohmann::json& holder, std::string_view member) {
    if (!holder.is_object() || !holder.contains(member) || !holder[std::string(member)].is_array()) return;
    nlohmann::json kept = nlohmann::json::array();
    for (const auto& value : holder[std::string(member)]) {
      if (!value.is_number_integer()) continue;
      const auto it = renumbered.find(value.get<long long>());
      if (it != renumbered.end()) kept.push_back(it->second);
    }
    if (kept.empty()) holder.erase(std::string(member));
    else holder[std::string(member)] = std::move(kept);
  };
  if (key == "item") {
    if (eob.contains("addItem") && eob["addItem"].is_array()) {
      for (auto& add : eob["addItem"]) rewrite(add, "itemSequence");
    }
    return;
  }
  if (eob.contains("item") && eob["item"].is_array()) {
    for (auto& item : eob["item"]) rewrite(item, link);
  }
}

bool Apply(nlohmann::json& resource, std::string_view type, Removals& removals) {
  for (auto& [key, indices] : removals) {
    if (indices.empty()) continue;
    auto& list = resource[key];
    if (!list.is_array()) return false;
    for (auto it = indices.rbegin(); it != indices.rend(); ++it) {
      if (*it < list.size()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(*it));
    }
    if (list.empty()) {
      if (MustStayNonEmpty(type, key)) return false;
      resource.erase(key);
    }
  }
  if (type == "ExplanationOfBenefit") {
    Renumber(resource, "diagnosis", "diagnosisSequence");
    Renumber(resource, "procedure", "procedureSequence");
    Renumber(resource, "supportingInfo", "informationSequence");
    Renumber(resource, "item", "");
  }
  return true;
}

}  // namespace

bool RedactParts(nlohmann::json& resource, const std::vector<Finding>& findings) {
  if (!resource.is_object()) return false;
  const std::string type(json::StringAt(resource, "resourceType"));
  Removals removals;
  bool remove_text = false;
  std::vector<std::string> remove_members;                          // whole optional members (encounter, context)
  std::vector<std::pair<std::string, std::size_t>> nested_context;  // DocumentReference.context.encounter[i]
  for (const Finding& finding : findings) {
    if (finding.rule == Rule::kSecurityLabel || finding.path.empty()) return false;
    const PathStep& head = finding.path.front();
    const bool reference = finding.rule == Rule::kReferenceToWithheld;
    if (head.key == "text" && head.index < 0 && finding.path.size() == 1) {
      remove_text = true;
    } else if (head.index >= 0 &&
               (IsRemovableContentArray(type, head.key) ||
                (reference && (finding.path.size() == 1 || OneOf(head.key, {"participant", "performer"}))))) {
      removals[head.key].insert(static_cast<std::size_t>(head.index));
    } else if (reference && finding.path.size() == 1 && OneOf(head.key, {"encounter", "context"})) {
      remove_members.push_back(head.key);
    } else if (reference && finding.path.size() == 2 && head.key == "context" && head.index < 0 &&
               finding.path[1].index >= 0) {
      nested_context.emplace_back(finding.path[1].key, static_cast<std::size_t>(finding.path[1].index));
    } else {
      return false;
    }
  }
  if (type == "ExplanationOfBenefit" && !CascadeEob(resource, removals)) return false;
  // Nested removals first: their indices refer to the arrays as they are now.
  std::sort(nested_context.begin(), nested_context.end());
  for (auto it = nested_context.rbegin(); it != nested_context.rend(); ++it) {
    auto& context = resource["context"];
    if (!context.is_object() || !context.contains(it->first) || !context[it->first].is_array()) return false;
    auto& list = context[it->first];
    if (it->second < list.size()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(it->second));
    if (list.empty()) context.erase(it->first);
  }
  for (const std::string& member : remove_members) resource.erase(member);
  if (!Apply(resource, type, removals)) return false;
  if (remove_text) resource.erase("text");
  return true;
}

namespace {

void CollectReferences(const nlohmann::json& node, JsonPath& path, const std::function<bool(std::string_view)>& is_withheld,
                       std::vector<Finding>& out) {
  if (!node.is_object()) return;
  const std::string_view reference = json::StringAt(node, "reference");
  if (!reference.empty() && is_withheld(reference)) out.push_back(Finding{path, Rule::kReferenceToWithheld, Category::kOther});
  for (const auto& [key, value] : node.items()) {
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        path.push_back({key, static_cast<std::ptrdiff_t>(i)});
        CollectReferences(value[i], path, is_withheld, out);
        path.pop_back();
      }
    } else if (value.is_object()) {
      path.push_back({key});
      CollectReferences(value, path, is_withheld, out);
      path.pop_back();
    }
  }
}

}  // namespace

ScrubResult ScrubReferences(nlohmann::json& resource, const std::function<bool(std::string_view)>& is_withheld) {
  std::vector<Finding> findings;
  JsonPath path;
  CollectReferences(resource, path, is_withheld, findings);
  if (findings.empty()) return ScrubResult::kUnchanged;
  for (const Finding& finding : findings) {
    if (finding.path.empty() || finding.path.front().key == "contained") return ScrubResult::kWithhold;
  }
  return RedactParts(resource, findings) ? ScrubResult::kRedacted : ScrubResult::kWithhold;
}

void MarkRedacted(nlohmann::json& resource) {
  if (!resource.is_object()) return;
  resource.erase("text");
  auto& meta = resource["meta"];
  if (!meta.is_object()) meta = nlohmann::json::object();
  auto& security = meta["security"];
  if (!security.is_array()) security = nlohmann::json::array();
  for (const auto& label : security) {
    if (json::StringAt(label, "system") == pdex_codes::kV3ObservationValue &&
        json::StringAt(label, "code") == pdex_codes::kSecurityRedacted) {
      return;
    }
  }
  security.push_back({{"system", std::string(pdex_codes::kV3ObservationValue)},
                      {"code", std::string(pdex_codes::kSecurityRedacted)},
                      {"display", "redacted"}});
}

}  // namespace pdex::segmentation
