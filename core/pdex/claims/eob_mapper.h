// One CARIN BB ExplanationOfBenefit → the US Core / PDex clinical resources it implies (pdex-facts.md
// §7.2): Encounter, Condition (encounter-diagnosis), Procedure, PDex MedicationDispense, CareTeam,
// plus what its Provenance needs (author, transmitter, receipt date, source format).
//
// Ids are derived from the payer's claim id and the role of each resource (StableId), so a second run
// over the same claim produces the same resources. A part that lacks what its profile requires (no
// code, no date, no NDC) is skipped with an issue rather than emitted invalid.
#pragma once

#include "common/issue.h"
#include "pdex/claims/claims_input.h"
#include "pdex/claims/eob_facts.h"
#include "pdex/claims/provider_directory.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pdex::claims {

struct MappedClaim {
  bool converted = false;  // false: the EOB was skipped (issue says why)
  ClaimKind kind = ClaimKind::kUnknown;
  std::string claim_system;
  std::string claim_value;
  std::string id_salt;
  std::vector<nlohmann::json> resources;   // clinical resources, Encounter first
  std::vector<std::string> provider_refs;  // emitted Practitioner/Organization/Location this claim names
  nlohmann::json author;                   // Provenance author agent.who (null: none known)
  nlohmann::json author_on_behalf_of;      // its onBehalfOf (null when not needed or unknown)
  nlohmann::json insurer;                  // EOB.insurer as a usable Reference (null when absent)
  std::string recorded;                    // receipt instant
};

// Maps `source`. `receipt` (an instant, may be empty) overrides the receipt date read from the EOB.
// `id_salt` (normally empty) enters every derived id: set when another, different EOB of the same
// conversion carries the same claim id, so that the two do not overwrite each other.
MappedClaim MapEob(const EobSource& source, const ClaimsInput& input, ProviderDirectory& providers,
                   const std::string& receipt, const std::string& id_salt, Issues& issues);

}  // namespace pdex::claims
