// What a $member-match request must be beyond what the hrex-parameters-member-match-in profile can
// say (../shared/spec/pdex-facts.md §2.1): the parameters present once each with the right resource
// type, every Patient reference inside the Coverages and the Consent local (`Patient/<id>`) and
// resolving to MemberPatient with its id, and an id on CoverageToMatch to match on (hrex-cov-1).
// The Engine runs these together with our validator over the profile.
#pragma once

#include "common/issue.h"

#include <nlohmann/json.hpp>

namespace pdex::member_match {

enum class HrexVersion { k1_0, k1_1 };

// The request's resources, pointing into the request (null when absent).
struct RequestParts {
  const nlohmann::json* member_patient = nullptr;
  const nlohmann::json* coverage_to_match = nullptr;
  const nlohmann::json* coverage_to_link = nullptr;
  const nlohmann::json* consent = nullptr;
};

// Reads the parts of `request` and reports what is wrong with it (empty when it can be matched).
// Consent is required for HRex 1.0.0 and optional for 1.1.0.
Issues CheckRequest(const nlohmann::json& request, HrexVersion version, RequestParts& parts);

}  // namespace pdex::member_match
