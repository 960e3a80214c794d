#include "json/text_position.h"

#include <algorithm>

namespace pdex::json {

TextPosition PositionOfOffset(std::string_view text, std::size_t offset) {
  TextPosition pos;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // UTF-8 continuation bytes do not start a new character
      ++pos.column;
    }
  }
  return pos;
}

}  // namespace pdex::json
