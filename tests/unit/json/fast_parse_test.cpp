// ParseJson's fast path against nlohmann's parser: on every input both accept or both refuse, and
// what they accept is the same tree down to the number types (unsigned / integer / float).
#include "json/fast_parse.h"
#include "json/parse.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Json = nlohmann::json;

bool SameTree(const Json& a, const Json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
      if (x.key() != y.key() || !SameTree(x.value(), y.value())) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!SameTree(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

// ParseJson agrees with nlohmann::json::parse (strict, no depth limit: inputs here nest shallowly),
// and what nlohmann accepts the fast path accepts too (rather than leaving it to the slow path),
// except text with NUL bytes, which nlohmann reads as the end of the input.
bool Agrees(const std::string& text) {
  const pdex::json::ParsedJson ours = pdex::json::ParseJson(text);
  const Json reference = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (reference.is_discarded()) return !ours.ok() && ours.error->id == "json.syntax";
  if (!ours.ok() || !SameTree(ours.value, reference)) return false;
  Json fast;
  if (text.find('\0') != std::string::npos) return true;
  return pdex::json::internal::FastParse(text, 512, fast) && SameTree(fast, reference);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the fast path parses edge cases as nlohmann does", "[json][parse]") {
  const std::vector<std::string> inputs = {
      // numbers: integer widths, signs, fractions, exponents, overflow, malformed
      "0", "-0", "1", "-1", "007", "1.", ".5", "-", "+1", "1e", "1e+", "1E5", "1e-5", "-1.5e+300", "1e999",
      "-1e999", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
      "18446744073709551615", "18446744073709551616", "123456789012345678901234567890", "0.1", "2.5E-3", "1.0",
      "[1,2,3]", "[-0.0]", "[0e0]", "[01]", "[1 2]", "{\"a\":1e308}", "{\"a\":-0}",
      // literals and structure
      "true", "false", "null", "tru", "nul", "truex", "[true,false,null]", "{}", "[]", "[{}]", "{\"a\":{}}",
      "[,]", "[1,]", "{,}", "{\"a\":1,}", "{\"a\"}", "{\"a\":}", "{a:1}", "{\"a\" : 1 , \"b\" : [ ] }", "",
      " ", "[", "]", "{", "}", "[[]", "[]]", "{}{}", "1 2", " \t\r\n[ \t\r\n1 \t\r\n] \t\r\n", "[\x0B]",
      "\xEF\xBB\xBF{}", "\xEF\xBB{}", std::string("[1]\0", 4), std::string("\0", 1),
      // duplicate keys: the last value wins, in the first key's place
      "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":{\"x\":1},\"a\":[2]}",
      // strings: escapes, surrogates, control characters, UTF-8 ranges
      "\"\"", "\"abc\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0000\"", "\"\\u00e9\\u20AC\"", "\"\\ud83d\\ude00\"",
      "\"\\ud83d\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"", "\"\\ude00\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\x\"",
      "\"\\", "\"abc", "\"a\nb\"", "\"a\tb\"", "\"\x1F\"", "\"\x7F\"", "\"\xC2\x80\"", "\"\xC1\xBF\"",
      "\"\xDF\xBF\"", "\"\xE0\xA0\x80\"", "\"\xE0\x9F\xBF\"", "\"\xED\x9F\xBF\"", "\"\xED\xA0\x80\"",
      "\"\xEF\xBF\xBF\"", "\"\xF0\x90\x80\x80\"", "\"\xF0\x8F\xBF\xBF\"", "\"\xF4\x8F\xBF\xBF\"",
      "\"\xF4\x90\x80\x80\"", "\"\xF5\x80\x80\x80\"", "\"\x80\"", "\"\xC3\"", "\"\xE2\x82\"", "\"\xFF\"",
      "{\"\xC3\xA9\":\"\xE2\x82\xAC\"}", "{\"\\u0061\":1}",
  };
  for (const std::string& text : inputs) {
    INFO("input: " << Json(text).dump(-1, ' ', true, Json::error_handler_t::replace));
    CHECK(Agrees(text));
  }
}

TEST_CASE("the fast path agrees with nlohmann on every one-byte change of a document", "[json][parse]") {
  const std::string document =
      "{\"resourceType\": \"Patient\", \"id\": \"p-1\", \"active\": true, \"deceased\": null,\n"
      " \"name\": [{\"given\": [\"Ann\", \"\\u00c9va \\\"E\\\"\"], \"family\": \"\xC3\x89l\xE2\x82\xAC\"}],\n"
      " \"multipleBirthInteger\": -12, \"x\": [0, 1.5e-3, 18446744073709551615, -9223372036854775808, {}, []]}";
  REQUIRE(Agrees(document));
  // The literal's 20 bytes (no explicit length: a count past them read beyond the array), then NUL.
  const std::string replacements = std::string("\"\\{}[],: 0-+.eEu1\x80\xFF\x01") + std::string(1, '\0');
  for (std::size_t i = 0; i < document.size(); ++i) {
    std::string removed = document;
    removed.erase(i, 1);
    INFO("offset " << i);
    CHECK(Agrees(removed));
    for (const char c : replacements) {
      std::string changed = document;
      changed[i] = c;
      CHECK(Agrees(changed));
      std::string inserted = document;
      inserted.insert(i, 1, c);
      CHECK(Agrees(inserted));
    }
  }
}

TEST_CASE("the fast path agrees with nlohmann on the shared fixtures", "[json][parse]") {
  const std::filesystem::path fixtures = std::filesystem::path(PDEX_SHARED_DIR) / "fixtures";
  if (!std::filesystem::is_directory(fixtures)) {
    WARN("no shared fixtures: skipped");
    return;
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(fixtures)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    INFO(entry.path().string());
    CHECK(Agrees(ReadFile(entry.path())));
    ++files;
  }
  CHECK(files > 0);
}
