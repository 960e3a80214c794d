// PDex Provenance (http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/pdex-provenance, on US Core
// Provenance 3.1.1): who authored a resource, which payer transmitted it, who keeps it now, and the format
// it came from (pdex-facts.md §3). Every capability that makes or forwards payer data builds its
// Provenance here, so that one resource shape passes the profile everywhere.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pdex::pdex_common {

// One agent of a Provenance. `who` and `on_behalf_of` are Reference objects ({"reference": ...} or
// {"identifier": ..., "display": ...}); on_behalf_of is required by US Core's provenance-1 when `who`
// is a Practitioner or Device, and left out when null.
struct ProvenanceAgent {
  nlohmann::json who;
  nlohmann::json on_behalf_of;
};

struct ProvenanceSpec {
  std::string id;                     // Provenance.id; empty leaves it out
  std::vector<std::string> targets;   // literal references ("Condition/1", "urn:uuid:..."); at least one
  std::string recorded;               // FHIR instant: when the payer received (or made) the data
  std::vector<ProvenanceAgent> authors;  // agent type author (provenance-participant-type)
  nlohmann::json transmitter;         // agent type transmitter (US Core); null leaves it out
  nlohmann::json custodian;           // agent type custodian; null leaves it out
  // ProvenancePayerDataSource code for entity.extension:sourceFormat (x12837, ncpdp, hl7fhirr4, ...);
  // empty leaves the entity out.
  std::string source_format;
  // entity.what: the source record; null gives {"display": "No reference available"} as the IG examples do.
  nlohmann::json source_what;
  // Provenance.reason and Provenance.activity as (system, code) Codings; empty system leaves them out.
  // A payer that stores data received from another payer says reason v3-ActReason#RECORDMGT and activity
  // v3-DataOperation#APPEND (pdex-facts.md §3.3, the custodian example of ProvenanceExamples.fsh).
  std::string reason_system, reason_code, reason_display;
  std::string activity_system, activity_code, activity_display;
};

// A Provenance resource that declares and meets pdex-provenance (meta.profile set). Needs at least one
// target and one agent; `recorded` is taken as given.
nlohmann::json BuildPdexProvenance(const ProvenanceSpec& spec);

}  // namespace pdex::pdex_common
