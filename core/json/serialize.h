// Turning JSON values back into text for output (CLI, WASM results).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace pdex::json {

// JSON text of `value`; `indent` < 0 gives the compact form. Never throws: a string holding invalid
// UTF-8 (which parsed input never does, but a diagnostic built from raw bytes might) is written with
// U+FFFD in place of the bad bytes instead of aborting the whole output.
inline std::string Serialize(const nlohmann::json& value, int indent = -1) {
  return value.dump(indent, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

}  // namespace pdex::json
