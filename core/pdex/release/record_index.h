// A member's record held by a payer, indexed for $everything: resources by Type/id and by fullUrl, so
// that every kind of literal reference ("Type/id", "base/Type/id", ".../_history/v", "urn:uuid:...")
// resolves to the resource it names.
#pragma once

#include "pdex/common/resource_index.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace pdex::pdex_release {

class RecordIndex {
 public:
  explicit RecordIndex(std::vector<pdex_common::IndexedResource> resources);

  const std::vector<pdex_common::IndexedResource>& resources() const { return resources_; }
  std::vector<pdex_common::IndexedResource>& resources() { return resources_; }
  // The index of the resource `reference` names, or -1 (contained, unresolvable or not in the record).
  int Resolve(const std::string& reference) const;
  int Find(const std::string& key) const;

 private:
  std::vector<pdex_common::IndexedResource> resources_;
  std::unordered_map<std::string, int> by_key_;
  std::unordered_map<std::string, int> by_full_url_;
};

// The resource types that $everything brings along when the member's data references them
// (search.mode "include"): who treated the member, where, and with what.
bool IsSupportingType(const std::string& type);

// The indexes of the member's compartment: the Patient `patient` (an index) and every resource whose
// top-level subject, patient or beneficiary references it. Provenance is never in it (it follows what
// it targets).
std::set<int> MemberCompartment(const RecordIndex& record, int patient);

// The supporting resources (IsSupportingType) that `from` references, directly or through other
// supporting resources, minus those already in `from`.
std::set<int> SupportingClosure(const RecordIndex& record, const std::set<int>& from);

// The Provenances of the record that target something in `released`, directly or through another such
// Provenance (chains: a transmitter's Provenance targets the author's Provenance), as a fixpoint. With
// `allowed`, only Provenances in it are taken (and chains go through them only): after the consent
// filter, a withheld Provenance carries nothing further.
std::set<int> ProvenanceFor(const RecordIndex& record, const std::set<int>& released,
                            const std::set<int>* allowed = nullptr);

}  // namespace pdex::pdex_release
