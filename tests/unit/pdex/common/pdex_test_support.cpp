#include "pdex_test_support.h"

#include "../../validation/test_support.h"

#include <memory>

namespace pdex::pdex_testing {
namespace {

// The validation tests' TestValidator (R4 pack) with our profiles pack loaded on top.
const validation::testing::TestValidator& ProfilesValidator() {
  static const validation::testing::TestValidator* validator = [] {
    auto* made = new validation::testing::TestValidator();
    made->registry.LoadPackText(validation::testing::ReadText(PDEX_DEFAULT_PROFILES_PACK).value_or(""),
                                "pdex-profiles.pack.json");
    made->terminology = std::make_unique<terminology::TerminologyService>(made->registry);
    made->validator = std::make_unique<validation::Validator>(made->registry, *made->terminology);
    return made;
  }();
  return *validator;
}

}  // namespace

Issues ValidateWithProfiles(const nlohmann::json& resource, const validation::ValidatorOptions& options) {
  return ProfilesValidator().validator->Validate(resource, options);
}

std::string ProfileErrors(const nlohmann::json& resource) {
  return validation::testing::Describe(ValidateWithProfiles(resource));
}

std::string SharedDir() { return PDEX_SHARED_DIR; }

}  // namespace pdex::pdex_testing
