#include "json/parse.h"

#include "json/text_position.h"

#include <string>

namespace pdex::json {
namespace {

using Json = nlohmann::json;
using DomParser = nlohmann::detail::json_sax_dom_parser<Json>;

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
    error_offset_ = position;
    error_message_ = ex.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  bool syntax_error() const { return syntax_error_; }
  std::size_t error_offset() const { return error_offset_; }
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
  std::size_t error_offset_ = 0;
  std::string error_message_;
};

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 2: syntax
// error while parsing value - unexpected end of input; last read: '...'". Keep the part after the
// position, since we report the position ourselves (in code points rather than bytes). The "last read"
// token is raw input and may hold invalid UTF-8 or control bytes: show those as \xNN so the message
// itself is always valid UTF-8 that any JSON serializer accepts.
std::string SyntaxDetail(const std::string& what) {
  const std::size_t colon = what.find(": ");
  const std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
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

}  // namespace

ParsedJson ParseJson(std::string_view text, const JsonLimits& limits) {
  ParsedJson result;
  if (text.size() > limits.max_bytes) {
    result.error = JsonError{.id = "json.too-large",
                             .message = "input is " + std::to_string(text.size()) + " bytes; the limit is " +
                                        std::to_string(limits.max_bytes) + " bytes"};
    return result;
  }
  LimitedDomBuilder builder(result.value, limits.max_depth);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json,
                                  /*strict=*/true, /*ignore_comments=*/false);
  if (ok) return result;

  if (builder.too_deep()) {
    result.error = JsonError{.id = "json.too-deep",
                             .message = "JSON nests deeper than " + std::to_string(limits.max_depth) + " levels"};
  } else {
    // Point at the byte that broke the parse (nlohmann reports one past it, counting from 1).
    const std::size_t offset = builder.error_offset() > 0 ? builder.error_offset() - 1 : 0;
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
