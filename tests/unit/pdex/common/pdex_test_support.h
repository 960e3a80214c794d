// Shared by the core/pdex tests: a validator over the R4 pack plus our profiles pack (US Core, HRex,
// PDex, CARIN BB), built once per test executable, to check that what the PDex logic produces meets
// the profiles it declares.
#pragma once

#include "common/issue.h"
#include "validation/validator.h"

#include <nlohmann/json.hpp>

#include <string>

namespace pdex::pdex_testing {

// The issues of validating `resource` against base R4, its meta.profile and `options.profiles`.
Issues ValidateWithProfiles(const nlohmann::json& resource, const validation::ValidatorOptions& options = {});
// The error and fatal issues of ValidateWithProfiles, one per line ("" when there are none): what a
// failing CHECK prints.
std::string ProfileErrors(const nlohmann::json& resource);
// Where ../shared lives (PDEX_SHARED_DIR); tests that read it skip when it is absent.
std::string SharedDir();

}  // namespace pdex::pdex_testing
