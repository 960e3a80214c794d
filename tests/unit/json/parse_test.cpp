#include "json/parse.h"

#include <catch2/catch.hpp>

#include <string>

using pdex::json::JsonLimits;
using pdex::json::ParseJson;

TEST_CASE("well-formed JSON parses into a DOM", "[json][parse]") {
  const auto parsed = ParseJson(R"({"resourceType": "Patient", "active": true, "name": [{"given": ["Ann"]}]})");
  REQUIRE(parsed.ok());
  CHECK(parsed.value["resourceType"] == "Patient");
  CHECK(parsed.value["name"][0]["given"][0] == "Ann");
}

TEST_CASE("malformed JSON reports a syntax error with line and column", "[json][parse]") {
  SECTION("empty input") {
    const auto parsed = ParseJson("");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error->id == "json.syntax");
    CHECK(parsed.error->line == 1);
    CHECK(parsed.error->column == 1);
    CHECK(parsed.value.is_null());
  }
  SECTION("unterminated array") {
    const auto parsed = ParseJson("[");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error->id == "json.syntax");
    CHECK(parsed.error->message.find("unexpected end of input") != std::string::npos);
  }
  SECTION("error on a later line") {
    const auto parsed = ParseJson("{\n  \"a\": 1,\n  \"b\": }\n");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error->line == 3);
    CHECK(parsed.error->column == 8);
  }
  SECTION("the position is the start of the bad token, not where the lexer gave up") {
    const auto parsed = ParseJson("{\n  \"active\": tru\n}");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error->line == 2);
    CHECK(parsed.error->column == 13);
  }
  SECTION("an unterminated string is reported at the end of the input, quoting only its beginning") {
    const auto parsed = ParseJson("\"" + std::string(100000, 'x'));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error->message.size() < 400);
    CHECK(parsed.error->column == 100002);
  }
  SECTION("trailing garbage") {
    const auto parsed = ParseJson("{} x");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error->column == 4);
  }
  SECTION("a half-built document is never returned") {
    const auto parsed = ParseJson(R"({"resourceType": "Patient", "name": [)");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.value.is_null());
  }
}

TEST_CASE("comments are syntax errors unless skipping them is asked for", "[json][parse][comments]") {
  using pdex::json::Comments;
  const std::string text = "// note\n{\"a\": /* one */ 1, \"b\": \"//not a comment\" // end\n}";
  const auto strict = ParseJson(text);
  REQUIRE_FALSE(strict.ok());
  CHECK(strict.error->line == 1);
  CHECK(strict.error->column == 1);
  const auto lenient = ParseJson(text, {}, Comments::kSkip);
  REQUIRE(lenient.ok());
  CHECK(lenient.value == nlohmann::json({{"a", 1}, {"b", "//not a comment"}}));
  // Skipping comments does not make other JSON5 forms acceptable.
  CHECK_FALSE(ParseJson("{\"a\": 1,}", {}, Comments::kSkip).ok());
  const auto unterminated = ParseJson("{\"a\": 1 /* open", {}, Comments::kSkip);
  REQUIRE_FALSE(unterminated.ok());
  CHECK(unterminated.error->id == "json.syntax");
}

TEST_CASE("invalid UTF-8 is a syntax error whose message is itself valid UTF-8", "[json][parse][utf8]") {
  for (const std::string& text : {std::string("{\"a\": \"\xFF\"}"), std::string("{\"\xC3\x28\": 1}"),
                                 std::string("\xFE\xFF"), std::string("\"\xED\xA0\x80\"")}) {
    const auto parsed = ParseJson(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error->id == "json.syntax");
    for (const char c : parsed.error->message) CHECK(static_cast<unsigned char>(c) < 0x80);
  }
}

TEST_CASE("nesting past the depth limit is refused without recursion", "[json][parse][limits]") {
  const std::string deep_arrays(100000, '[');
  const auto parsed = ParseJson(deep_arrays);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error->id == "json.too-deep");

  std::string deep_objects;
  for (int i = 0; i < 100000; ++i) deep_objects += "{\"a\":";
  CHECK(ParseJson(deep_objects).error->id == "json.too-deep");

  SECTION("the limit is exact") {
    const JsonLimits limits{.max_depth = 3};
    CHECK(ParseJson("[[[1]]]", limits).ok());
    CHECK(ParseJson("[[[[1]]]]", limits).error->id == "json.too-deep");
  }
}

TEST_CASE("input past the size limit is refused before parsing", "[json][parse][limits]") {
  const JsonLimits limits{.max_bytes = 10};
  CHECK(ParseJson("[1,2,3,4]", limits).ok());
  const auto parsed = ParseJson("[1,2,3,4,5]", limits);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error->id == "json.too-large");
  CHECK(parsed.error->message.find("11 bytes") != std::string::npos);
}

TEST_CASE("a 50 MB string value parses within the default limits", "[json][parse][limits]") {
  const std::string big = "{\"resourceType\":\"Binary\",\"data\":\"" + std::string(50u * 1024u * 1024u, 'A') + "\"}";
  const auto parsed = ParseJson(big);
  REQUIRE(parsed.ok());
  CHECK(parsed.value["data"].get_ref<const std::string&>().size() == 50u * 1024u * 1024u);
}

TEST_CASE("a 50 MB unterminated string is a syntax error at its start line", "[json][parse][limits]") {
  const std::string big = "\"" + std::string(50u * 1024u * 1024u, 'A');
  const auto parsed = ParseJson(big);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error->id == "json.syntax");
  CHECK(parsed.error->line == 1);
}
