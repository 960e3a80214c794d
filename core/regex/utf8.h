// UTF-8 decoding for the regex engine: patterns and subjects are matched code point by code point.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace pdex::regex {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

struct DecodedCodePoint {
  char32_t code_point;
  std::size_t length;  // bytes consumed, at least 1
};

// Decodes the code point starting at byte `pos` (< text.size()). A malformed or truncated sequence
// decodes as U+FFFD consuming one byte, so every byte sequence has a decoding and progress is made.
DecodedCodePoint DecodeUtf8(std::string_view text, std::size_t pos);

std::vector<char32_t> DecodeUtf8(std::string_view text);

}  // namespace pdex::regex
