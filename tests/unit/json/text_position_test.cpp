#include "json/text_position.h"

#include <catch2/catch.hpp>

using pdex::json::PositionOfOffset;

TEST_CASE("offsets map to 1-based line and column", "[json][position]") {
  const std::string text = "{\n  \"a\": 1,\n  \"b\"\n}";
  CHECK(PositionOfOffset(text, 0).line == 1);
  CHECK(PositionOfOffset(text, 0).column == 1);
  const auto b = PositionOfOffset(text, text.find("\"b\""));
  CHECK(b.line == 3);
  CHECK(b.column == 3);
}

TEST_CASE("columns count code points, not UTF-8 bytes", "[json][position]") {
  const std::string text = "\"\xC3\xA9\xC3\xA9x";  // "ééx
  CHECK(PositionOfOffset(text, text.find('x')).column == 4);
}

TEST_CASE("offsets past the end are clamped", "[json][position]") {
  CHECK(PositionOfOffset("ab", 100).column == 3);
}
