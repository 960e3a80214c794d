#include "json/fast_parse.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

namespace pdex::json::internal {
namespace {

using Json = nlohmann::json;

class Parser {
 public:
  explicit Parser(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool Parse(std::size_t max_depth, Json& out) {
    // A UTF-8 byte order mark is skipped, as nlohmann does.
    if (end_ - p_ >= 3 && std::string_view(p_, 3) == "\xEF\xBB\xBF") p_ += 3;
    // Open containers, innermost last; `target` is where the next value goes. Map nodes never move,
    // and an array only grows while it is the innermost container, so the pointers stay valid.
    std::vector<Json*> open;
    Json* target = &out;
    for (;;) {
      SkipSpace();
      if (p_ == end_) return false;
      const char c = *p_;
      if (c == '{' || c == '[') {
        if (open.size() + 1 > max_depth) return false;
        ++p_;
        *target = Json(c == '{' ? Json::value_t::object : Json::value_t::array);
        open.push_back(target);
        SkipSpace();
        if (p_ < end_ && *p_ == (c == '{' ? '}' : ']')) {
          ++p_;
          open.pop_back();
        } else {
          target = c == '{' ? Member(*open.back()) : Element(*open.back());
          if (target == nullptr) return false;
          continue;
        }
      } else if (!Scalar(*target)) {
        return false;
      }
      // A value is complete: close containers, or move to the next member or element.
      for (;;) {
        SkipSpace();
        if (open.empty()) return p_ == end_;
        if (p_ == end_) return false;
        Json& container = *open.back();
        const char close = container.is_object() ? '}' : ']';
        if (*p_ == close) {
          ++p_;
          open.pop_back();
          continue;
        }
        if (*p_ != ',') return false;
        ++p_;
        SkipSpace();
        target = container.is_object() ? Member(container) : Element(container);
        if (target == nullptr) return false;
        break;
      }
    }
  }

 private:
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  // `"key" :` of an object member; returns where its value goes (nlohmann's DOM parser assigns
  // through operator[], so a repeated key keeps its place and takes the last value).
  Json* Member(Json& object) {
    if (p_ == end_ || *p_ != '"') return nullptr;
    std::string key;
    if (!String(key)) return nullptr;
    SkipSpace();
    if (p_ == end_ || *p_ != ':') return nullptr;
    ++p_;
    return &object.get_ref<Json::object_t&>()[std::move(key)];
  }

  Json* Element(Json& array) {
    auto& elements = array.get_ref<Json::array_t&>();
    elements.emplace_back();
    return &elements.back();
  }

  bool Scalar(Json& out) {
    switch (*p_) {
      case '"':
        out = Json(Json::value_t::string);
        return String(out.get_ref<std::string&>());
      case 't':
        out = true;
        return Literal("true");
      case 'f':
        out = false;
        return Literal("false");
      case 'n':
        out = nullptr;
        return Literal("null");
      default:
        return Number(out);
    }
  }

  bool Literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  static bool Continuation(unsigned char c, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return c >= low && c <= high;
  }

  // At '"': the string's content into `out`, with nlohmann's rules: no raw control characters,
  // well-formed UTF-8 only (RFC 3629 ranges), escapes \" \\ \/ \b \f \n \r \t \uXXXX with surrogate
  // pairs joined and lone surrogates refused.
  bool String(std::string& out) {
    ++p_;
    const char* run = p_;  // start of the bytes not yet copied
    while (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out.append(run, p_);
        ++p_;
        return true;
      }
      if (c == '\\') {
        out.append(run, p_);
        if (!Escape(out)) return false;
        run = p_;
        continue;
      }
      if (c < 0x20) return false;
      if (c < 0x80) {
        ++p_;
        continue;
      }
      const std::size_t left = static_cast<std::size_t>(end_ - p_);
      auto at = [&](std::size_t i) { return static_cast<unsigned char>(p_[i]); };
      std::size_t length = 0;
      if (c >= 0xC2 && c <= 0xDF) {
        length = left >= 2 && Continuation(at(1)) ? 2 : 0;
      } else if (c >= 0xE0 && c <= 0xEF) {
        const unsigned char low = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = c == 0xED ? 0x9F : 0xBF;
        length = left >= 3 && Continuation(at(1), low, high) && Continuation(at(2)) ? 3 : 0;
      } else if (c >= 0xF0 && c <= 0xF4) {
        const unsigned char low = c == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = c == 0xF4 ? 0x8F : 0xBF;
        length = left >= 4 && Continuation(at(1), low, high) && Continuation(at(2)) && Continuation(at(3)) ? 4 : 0;
      }
      if (length == 0) return false;
      p_ += length;
    }
    return false;  // unterminated
  }

  bool Hex4(unsigned& value) {
    if (end_ - p_ < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      value <<= 4;
      if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
      else return false;
    }
    return true;
  }

  // At '\\': appends the escaped character.
  bool Escape(std::string& out) {
    if (end_ - p_ < 2) return false;
    const char kind = p_[1];
    p_ += 2;
    switch (kind) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return false;
    }
    unsigned code = 0;
    if (!Hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a low surrogate first
    if (code >= 0xD800 && code <= 0xDBFF) {
      unsigned low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!Hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
    return true;
  }

  static bool Digit(char c) { return c >= '0' && c <= '9'; }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? typed as nlohmann types it: an integer that fits
  // int64 (negative) or uint64 (otherwise) stays an integer; anything else is strtod's double, and
  // a double that overflows is an error.
  bool Number(Json& out) {
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || !Digit(*p_)) return false;
    std::uint64_t magnitude = 0;
    bool overflow = false;
    if (*p_ == '0') {
      ++p_;
    } else {
      for (; p_ < end_ && Digit(*p_); ++p_) {
        const auto digit = static_cast<std::uint64_t>(*p_ - '0');
        if (magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) overflow = true;
        magnitude = magnitude * 10 + digit;
      }
    }
    bool integral = true;
    if (p_ < end_ && *p_ == '.') {
      integral = false;
      ++p_;
      if (p_ == end_ || !Digit(*p_)) return false;
      while (p_ < end_ && Digit(*p_)) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      integral = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !Digit(*p_)) return false;
      while (p_ < end_ && Digit(*p_)) ++p_;
    }
    if (integral && !overflow) {
      constexpr std::uint64_t kMinMagnitude = std::uint64_t{1} << 63;  // |INT64_MIN|
      if (!negative) {
        out = magnitude;
        return true;
      }
      if (magnitude <= kMinMagnitude) {
        out = magnitude == kMinMagnitude ? std::numeric_limits<std::int64_t>::min()
                                         : -static_cast<std::int64_t>(magnitude);
        return true;
      }
    }
    const std::string token(start, p_);
    const double value = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(value)) return false;
    out = value;
    return true;
  }

  const char* p_;
  const char* end_;
};

}  // namespace

bool FastParse(std::string_view text, std::size_t max_depth, Json& out) {
  return Parser(text).Parse(max_depth, out);
}

}  // namespace pdex::json::internal
