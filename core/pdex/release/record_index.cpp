#include "pdex/release/record_index.h"

#include "json/fields.h"
#include "pdex/common/fhir_refs.h"

#include <utility>

namespace pdex::pdex_release {

RecordIndex::RecordIndex(std::vector<pdex_common::IndexedResource> resources) : resources_(std::move(resources)) {
  for (std::size_t i = 0; i < resources_.size(); ++i) {
    by_key_.emplace(resources_[i].key, static_cast<int>(i));
    if (!resources_[i].full_url.empty()) by_full_url_.emplace(resources_[i].full_url, static_cast<int>(i));
  }
}

int RecordIndex::Find(const std::string& key) const {
  const auto it = by_key_.find(key);
  return it == by_key_.end() ? -1 : it->second;
}

int RecordIndex::Resolve(const std::string& reference) const {
  if (const auto it = by_full_url_.find(reference); it != by_full_url_.end()) return it->second;
  const auto parts = pdex_common::ParseReference(reference);
  if (!parts || parts->contained || parts->urn) return -1;
  return Find(pdex_common::TypeAndId(*parts));
}

bool IsSupportingType(const std::string& type) {
  return type == "Practitioner" || type == "PractitionerRole" || type == "Organization" || type == "Location" ||
         type == "Medication";
}

std::set<int> MemberCompartment(const RecordIndex& record, int patient) {
  std::set<int> members{patient};
  const auto& resources = record.resources();
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const nlohmann::json& resource = resources[i].resource;
    const std::string_view type = json::StringAt(resource, "resourceType");
    if (type == "Provenance" || type == "Patient") continue;
    bool member = false;
    for (const char* field : {"subject", "patient", "beneficiary"}) {
      const nlohmann::json* value = json::MemberAt(resource, field);
      if (value == nullptr) continue;
      // Most are 0..1 References; a few (e.g. Consent.patient is one, Group-like lists are many) may be arrays.
      const auto check = [&](const nlohmann::json& reference) {
        const std::string_view text = json::StringAt(reference, "reference");
        if (!text.empty() && record.Resolve(std::string(text)) == patient) member = true;
      };
      if (value->is_array()) {
        for (const nlohmann::json& item : *value) check(item);
      } else {
        check(*value);
      }
    }
    if (member) members.insert(static_cast<int>(i));
  }
  return members;
}

std::set<int> SupportingClosure(const RecordIndex& record, const std::set<int>& from) {
  std::set<int> added;
  std::vector<int> pending(from.begin(), from.end());
  while (!pending.empty()) {
    const int next = pending.back();
    pending.pop_back();
    pdex_common::ForEachReference(record.resources()[static_cast<std::size_t>(next)].resource, [&](const std::string& reference) {
      const int target = record.Resolve(reference);
      if (target < 0 || from.count(target) != 0 || added.count(target) != 0) return;
      if (!IsSupportingType(std::string(json::StringAt(record.resources()[static_cast<std::size_t>(target)].resource, "resourceType")))) return;
      added.insert(target);
      pending.push_back(target);
    });
  }
  return added;
}

std::set<int> ProvenanceFor(const RecordIndex& record, const std::set<int>& released, const std::set<int>* allowed) {
  // Reverse index: target -> the Provenances naming it; then a worklist from `released` outward.
  std::unordered_map<int, std::vector<int>> targeted_by;
  const auto& resources = record.resources();
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (json::StringAt(resources[i].resource, "resourceType") != "Provenance") continue;
    const nlohmann::json* targets = json::ArrayAt(resources[i].resource, "target");
    if (targets == nullptr) continue;
    for (const nlohmann::json& target : *targets) {
      const int index = record.Resolve(std::string(json::StringAt(target, "reference")));
      if (index >= 0) targeted_by[index].push_back(static_cast<int>(i));
    }
  }
  std::set<int> kept;
  std::vector<int> pending(released.begin(), released.end());
  while (!pending.empty()) {
    const int next = pending.back();
    pending.pop_back();
    const auto it = targeted_by.find(next);
    if (it == targeted_by.end()) continue;
    for (const int provenance : it->second) {
      if (released.count(provenance) != 0 || (allowed != nullptr && allowed->count(provenance) == 0)) continue;
      if (!kept.insert(provenance).second) continue;
      pending.push_back(provenance);
    }
  }
  return kept;
}

}  // namespace pdex::pdex_release
