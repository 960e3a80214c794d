// Internal to core/validation: the R4 rule that an Observation using a vital-sign code conforms to
// the matching core vital-signs profile (R4 observation.html#vitals: "If implementations use this
// Resource when expressing the profile-specific concepts as structured data, they SHALL conform to
// the following profiles"), whether or not the instance claims that profile.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace pdex::validation::internal {

struct VitalSignsMatch {
  const char* profile = nullptr;  // canonical URL of the core profile; null when no code matches
  const char* name = nullptr;     // e.g. "Body temperature"
  const char* system = nullptr;   // "LOINC" or "SNOMED CT"
  std::string code;               // the code of Observation.code that selected the profile
};

// The core vital-signs profile `observation` (an Observation resource) must conform to, chosen by
// the first Observation.code.coding found in the table: the spec's LOINC code of each profile, and
// with `equivalent_codes` also the equivalent LOINC and SNOMED CT codes the HL7 Java validator
// recognises.
VitalSignsMatch VitalSignsProfileFor(const nlohmann::json& observation, bool equivalent_codes);

}  // namespace pdex::validation::internal
