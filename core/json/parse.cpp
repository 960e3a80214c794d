#include "json/parse.h"

#include "json/fast_parse.h"
#include "json/text_position.h"

#include <cctype>
#include <string>

namespace pdex::json {
namespace {

using Json = nlohmann::json;
using DomParser = nlohmann::detail::json_sax_dom_parser<Json>;

// nlohmann reports the position one past the last byte it read, which for a misspelt literal such as
// `tru` followed by a newline is the newline. A person wants the start of the bad token: back up over
// whitespace and then over the letters, digits and signs that make up literals and numbers. At the
// end of the input the position is the end itself ("unexpected end of input").
bool IsLiteralByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '+' || c == '.';
}

std::size_t ErrorOffset(std::string_view text, std::size_t position) {
  if (position == 0) return 0;
  if (position > text.size()) return text.size();
  std::size_t at = position - 1;
  while (at > 0 && std::isspace(static_cast<unsigned char>(text[at])) != 0) --at;
  while (at > 0 && IsLiteralByte(text[at]) && IsLiteralByte(text[at - 1])) --at;
  return at;
}

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 2: syntax
// error while parsing value - unexpected end of input; last read: '...'". Keep the part after the
// position, since we report the position ourselves (in code points rather than bytes). The "last read"
// token is raw input and may hold invalid UTF-8 or control bytes: show those as \xNN so the message
// itself is always valid UTF-8 that any JSON serializer accepts.
std::string SyntaxDetail(const std::string& what) {
  const std::size_t colon = what.find(": ");
  std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
  // The token can be the whole rest of the input (an unterminated 50 MB string): keep it short.
  constexpr std::size_t kMaxDetail = 300;
  if (detail.size() > kMaxDetail) detail = detail.substr(0, kMaxDetail) + "...";
  std::string printable;
  printable.reserve(detail.size());
  for (const char c : detail) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      printable += c;
    } else {
      static const char kHex[] = "0123456789ABCDEF";
      printable += "\\x";
      printable += kHex[byte >> 4];
      printable += kHex[byte & 0xF];
    }
  }
  return printable;
}

// A SAX handler that builds the DOM through nlohmann's own DOM builder but stops at the depth limit,
// so a hostile document (say 100,000 nested arrays) costs neither stack nor unbounded memory, and
// records the parse error instead of throwing it.
class LimitedDomBuilder {
 public:
  LimitedDomBuilder(Json& result, std::size_t max_depth) : dom_(result, /*allow_exceptions=*/false), max_depth_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(Json::number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return dom_.number_unsigned(value); }
  bool number_float(Json::number_float_t value, const std::string& text) { return dom_.number_float(value, text); }
  bool string(std::string& value) { return dom_.string(value); }
  bool binary(Json::binary_t& value) { return dom_.binary(value); }
  bool key(std::string& value) { return dom_.key(value); }
  bool start_object(std::size_t size) { return Enter() && dom_.start_object(size); }
  bool end_object() { --depth_; return dom_.end_object(); }
  bool start_array(std::size_t size) { return Enter() && dom_.start_array(size); }
  bool end_array() { --depth_; return dom_.end_array(); }

  bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& ex) {
    syntax_error_ = true;
    error_position_ = position;
    error_message_ = ex.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  bool syntax_error() const { return syntax_error_; }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_message() const { return error_message_; }

 private:
  bool Enter() {
    if (++depth_ > max_depth_) {
      too_deep_ = true;
      return false;
    }
    return true;
  }

  DomParser dom_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
  bool syntax_error_ = false;
  std::size_t error_position_ = 0;
  std::string error_message_;
};

}  // namespace

ParsedJson ParseJson(std::string_view text, const JsonLimits& limits, Comments comments) {
  ParsedJson result;
  if (text.size() > limits.max_bytes) {
    result.error = JsonError{.id = "json.too-large",
                             .message = "input is " + std::to_string(text.size()) + " bytes; the limit is " +
                                        std::to_string(limits.max_bytes) + " bytes"};
    return result;
  }
  // Well-formed input (nearly all of it) takes the fast path; anything it refuses (comments too) is
  // parsed again by nlohmann's parser below, which skips comments when asked and reports errors.
  if (internal::FastParse(text, limits.max_depth, result.value)) return result;
  result.value = nullptr;
  LimitedDomBuilder builder(result.value, limits.max_depth);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json,
                                  /*strict=*/true, /*ignore_comments=*/comments == Comments::kSkip);
  if (ok) return result;

  if (builder.too_deep()) {
    result.error = JsonError{.id = "json.too-deep",
                             .message = "JSON nests deeper than " + std::to_string(limits.max_depth) + " levels"};
  } else {
    const std::size_t offset = ErrorOffset(text, builder.error_position());
    const TextPosition pos = PositionOfOffset(text, offset);
    result.error = JsonError{.id = "json.syntax",
                             .message = "malformed JSON: " + SyntaxDetail(builder.error_message()),
                             .offset = offset,
                             .line = pos.line,
                             .column = pos.column};
  }
  result.value = nullptr;  // never hand out a half-built document
  return result;
}

}  // namespace pdex::json
