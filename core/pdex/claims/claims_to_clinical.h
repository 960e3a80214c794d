// Claims → clinical (issue #13 §3; pdex-facts.md §7): CARIN BB ExplanationOfBenefit resources
// (institutional, professional, oral, pharmacy) → US Core 3.1.1 Encounter, Condition
// (encounter-diagnosis), Procedure, CareTeam, Practitioner/Organization/Location (by NPI, once per
// conversion) and PDex MedicationDispense, each with a PDex Provenance, in one `collection` Bundle.
//
// Provenance: one per claim, targeting every resource the claim gave (and the providers it names):
// all of them share the claim's author, transmitter, source format and receipt date, so one record
// says it once and `_revinclude=Provenance:target` still finds it for each resource.
//
// Never throws; bad input gives issues and the rest is converted. Deterministic: the same input
// gives the same Bundle (ids from claim ids, see eob_mapper.h).
#pragma once

#include "common/issue.h"
#include "json/parse.h"
#include "pdex/claims/claims_input.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::claims {

struct ClaimsOptions {
  // The payer (Provenance transmitter): an Organization resource. Null: each EOB's insurer.
  nlohmann::json payer;
  // Provenance.recorded for every claim (an instant or a date); empty: each EOB's receipt date.
  std::string receipt;
  // FHIR base of the Bundle entries' fullUrl (base + "/Type/id"), against which the relative references
  // between produced resources resolve (R4 bundle.html#references): the payer's FHIR server. The
  // default is a placeholder in the reserved .invalid domain (RFC 2606) for a Bundle not yet stored.
  std::string base = "https://pdex-bridge.invalid/fhir";
  ClaimsLimits limits;
};

struct ClaimsFigures {
  std::size_t eobs_read = 0;       // ExplanationOfBenefit resources found
  std::size_t eobs_converted = 0;  // of them, converted
  std::size_t resources = 0;       // produced resources other than Provenance
  std::size_t provenances = 0;
};

struct ClaimsResult {
  nlohmann::json bundle;  // Bundle type collection: produced resources, then the Provenances
  Issues issues;          // what was skipped and why; error-level only for unusable input
  ClaimsFigures figures;
};

// Options from their JSON form {"payer": Organization, "receipt": "2024-03-01", "base": "https://..."}
// (every member optional); members of the wrong type are reported (claims.options-invalid) and ignored.
ClaimsOptions ClaimsOptionsFromJson(const nlohmann::json& options, Issues& issues);

// One named input text (a file): a resource, a Bundle, or NDJSON.
struct ClaimsText {
  std::string name;
  std::string_view text;
};

// Converts every EOB of `inputs`.
ClaimsResult ClaimsToClinical(const std::vector<ClaimsText>& inputs, const ClaimsOptions& options,
                              const json::JsonLimits& json_limits = {});
// The same over already parsed documents (each an EOB, a Bundle or another resource).
ClaimsResult ClaimsToClinicalDocuments(const std::vector<const nlohmann::json*>& documents, const ClaimsOptions& options);

}  // namespace pdex::claims
