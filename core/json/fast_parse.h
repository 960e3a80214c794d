// Internal to core/json: the fast path of ParseJson for well-formed input.
//
// nlohmann's lexer copies every byte into two token buffers and tracks positions as it goes, which
// made parsing a fifth of a validation. This parser scans spans and builds the same DOM nlohmann's
// DOM parser builds (same value types: unsigned/integer/float numbers, last duplicate key wins, the
// same UTF-8 and escape rules, a leading byte order mark skipped, the same depth limit), iteratively,
// without recursion. It accepts only what nlohmann accepts; on anything else it returns false and
// ParseJson runs nlohmann's parser, whose errors and positions are the ones reported. (nlohmann also
// takes a NUL byte between tokens for the end of the input; such text is left to it.)
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace pdex::json::internal {

// Parses `text` into `out`. False (with `out` in an unspecified state) when the text is not
// well-formed JSON, nests deeper than `max_depth`, or holds a number that overflows a double.
bool FastParse(std::string_view text, std::size_t max_depth, nlohmann::json& out);

}  // namespace pdex::json::internal
