// Patient/$everything for one member, as a payer releases it (PDex 2.0.0 §6.3 step 8; FHIR R4
// patient-operation-everything): the member's compartment narrowed by _type/_since/start/end, the
// Practitioners/Organizations/Locations/Medications it references, a Provenance for every released
// resource, the consent filter applied, then one `searchset` page. docs/release-and-ingest.md.
#pragma once

#include "common/issue.h"
#include "pdex/common/release_filter.h"
#include "pdex/release/release_query.h"

#include <nlohmann/json.hpp>

namespace pdex::pdex_release {

struct ReleaseResult {
  // The searchset page; null when an error issue stopped the release (no member, bad query...).
  nlohmann::json bundle;
  Issues issues;
  // What the filter withheld and what followed it out (counts only).
  int withheld = 0;             // resources the filter did not release
  int masked_references = 0;    // references to withheld resources replaced by data-absent-reason#masked
  int dropped_provenance = 0;   // held Provenances left without a released target
  int added_provenance = 0;     // PDex Provenances made for released resources that had none
};

// `record`: every resource the payer holds for the member (a Bundle of any type, or an array).
// `filter` decides what may leave (empty: everything); it sees the candidate resources before paging.
// Never throws.
ReleaseResult AssembleRelease(const nlohmann::json& record, const ReleaseQuery& query,
                              const pdex_common::ReleaseFilter& filter);

}  // namespace pdex::pdex_release
