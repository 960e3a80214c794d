// Byte offsets in a JSON text turned into the 1-based line/column a person sees in an editor.
#pragma once

#include <cstddef>
#include <string_view>

namespace pdex::json {

struct TextPosition {
  int line = 1;
  int column = 1;  // counted in Unicode code points, not bytes
};

// Position of byte `offset` in `text` (clamped to the end of the text).
TextPosition PositionOfOffset(std::string_view text, std::size_t offset);

}  // namespace pdex::json
