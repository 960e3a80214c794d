// Parsing untrusted JSON text (payer data, pasted text, files) into nlohmann::json, with limits.
//
// Never throws: malformed text, invalid UTF-8, input past the size limit or nesting past the depth
// limit all come back as a JsonError with a message and, where known, the line/column.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pdex::json {

// Documented in docs/limits.md. The defaults fit any real FHIR resource or member Bundle: FHIR
// resources nest a few dozen levels at most, and 64 MiB holds tens of thousands of resources.
struct JsonLimits {
  std::size_t max_bytes = 64u * 1024u * 1024u;
  std::size_t max_depth = 512;
};

struct JsonError {
  std::string id;       // stable kind: json.syntax, json.too-large, json.too-deep
  std::string message;  // what went wrong, for a person
  std::size_t offset = 0;
  int line = 0;  // 1-based; 0 when the position is unknown
  int column = 0;
};

struct ParsedJson {
  nlohmann::json value;
  std::optional<JsonError> error;  // set when parsing failed; `value` is then null

  bool ok() const { return !error.has_value(); }
};

// Whether `//` line and `/* */` block comments are skipped like whitespace (the HL7 validator's
// "allow comments" mode, for hand-written test data) or are syntax errors, as RFC 8259 says.
enum class Comments { kReject, kSkip };

ParsedJson ParseJson(std::string_view text, const JsonLimits& limits = {}, Comments comments = Comments::kReject);

}  // namespace pdex::json
