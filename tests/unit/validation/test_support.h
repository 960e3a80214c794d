// Shared by the validation tests: the R4 definitions pack loaded once per test executable, and
// small file helpers. Tests that need /work/shared skip cleanly when it is absent.
#pragma once

#include "common/issue.h"
#include "package/registry.h"
#include "terminology/terminology.h"
#include "validation/validator.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace pdex::validation::testing {

// The core registry (pack at PDEX_DEFAULT_DEFINITIONS_PACK); load time printed once.
const package::Registry& CoreRegistry();
std::optional<std::string> ReadText(const std::string& path);
bool Exists(const std::string& path);
int CountErrors(const Issues& issues);
std::string Describe(const Issues& issues, bool errors_only = true);

}  // namespace pdex::validation::testing
