// The JSON options objects of the text API (api/text_api.h), read into their C++ form. Callers in
// other languages pass options as JSON text; anything unreadable (not JSON, not an object, a field of
// the wrong type) counts as that option not given, never as an error.
#pragma once

#include "api/engine.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace pdex::api {

// {"profiles": [url...], "allowComments": bool, "reportMustSupport": bool,
//  "displayIssuesAreWarnings": bool, "securityChecks": bool, "markdownHtml": "ignore"|"warning"|"error",
//  "validateContained": bool, "checkReferencesExist": bool}; absent fields keep ValidateOptions' defaults.
ValidateOptions ValidateOptionsFromJson(std::string_view options_json);

// The "variables" object of {"variables": {"name": value}} (FHIRPath %name), or an empty object.
nlohmann::json FhirPathVariablesFromJson(std::string_view options_json);

}  // namespace pdex::api
