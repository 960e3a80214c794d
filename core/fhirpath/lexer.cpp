#include "fhirpath/lexer.h"

namespace pdex::fhirpath {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }

void AppendUtf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Reads a quoted string/identifier starting at text[pos] == quote; §3.2 escapes.
bool ReadQuoted(std::string_view text, std::size_t& pos, std::string& out, LexError& error) {
  const char quote = text[pos];
  const std::size_t start = pos++;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == quote) {
      ++pos;
      return true;
    }
    if (c == '\\') {
      if (pos + 1 >= text.size()) break;
      char e = text[pos + 1];
      pos += 2;
      switch (e) {
        case '\'': case '"': case '`': case '\\': case '/': out += e; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = 0;
          for (int i = 0; i < 4; ++i, ++pos) {
            if (pos >= text.size()) { error = {"incomplete \\u escape", pos}; return false; }
            char h = text[pos];
            cp <<= 4;
            if (IsDigit(h)) cp |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
            else { error = {"invalid \\u escape", pos}; return false; }
          }
          AppendUtf8(out, cp);
          break;
        }
        default: error = {std::string("invalid escape \\") + e, pos - 2}; return false;
      }
      continue;
    }
    out += c;
    ++pos;
  }
  error = {"unterminated string or identifier", start};
  return false;
}

std::size_t CountDigits(std::string_view text, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < text.size() && IsDigit(text[pos + n])) ++n;
  return n;
}

// Consumes "hh[:mm[:ss[.f+]]]" at pos when present.
void ScanTime(std::string_view text, std::size_t& pos) {
  if (CountDigits(text, pos) < 2) return;
  pos += 2;
  for (int part = 0; part < 2; ++part) {
    if (pos < text.size() && text[pos] == ':' && CountDigits(text, pos + 1) >= 2) pos += 3;
    else return;
  }
  if (pos + 1 < text.size() && text[pos] == '.' && IsDigit(text[pos + 1])) pos += 1 + CountDigits(text, pos + 1);
}

// The extent of a date/time literal after '@' (grammar: DATETIME / TIME rules).
std::size_t ScanTemporal(std::string_view text, std::size_t pos, bool& is_time) {
  is_time = pos < text.size() && text[pos] == 'T';
  if (is_time) {
    ++pos;
    ScanTime(text, pos);
    return pos;
  }
  if (CountDigits(text, pos) < 4) return pos;
  pos += 4;
  for (int part = 0; part < 2; ++part) {
    if (pos < text.size() && text[pos] == '-' && CountDigits(text, pos + 1) >= 2) pos += 3;
    else break;
  }
  if (pos < text.size() && text[pos] == 'T') {
    ++pos;
    std::size_t before = pos;
    ScanTime(text, pos);
    if (pos != before && pos < text.size()) {
      if (text[pos] == 'Z') {
        ++pos;
      } else if ((text[pos] == '+' || text[pos] == '-') && CountDigits(text, pos + 1) == 2 && pos + 3 < text.size() &&
                 text[pos + 3] == ':' && CountDigits(text, pos + 4) == 2) {
        pos += 6;
      }
    }
  }
  return pos;
}

}  // namespace

std::optional<std::vector<Token>> Tokenize(std::string_view text, LexError& error) {
  std::vector<Token> tokens;
  std::size_t pos = 0;
  while (true) {
    // Whitespace and comments.
    while (pos < text.size()) {
      char c = text[pos];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++pos;
      } else if (c == '/' && pos + 1 < text.size() && text[pos + 1] == '/') {
        while (pos < text.size() && text[pos] != '\n') ++pos;
      } else if (c == '/' && pos + 1 < text.size() && text[pos + 1] == '*') {
        std::size_t end = text.find("*/", pos + 2);
        if (end == std::string_view::npos) {
          error = {"unterminated comment", pos};
          return std::nullopt;
        }
        pos = end + 2;
      } else {
        break;
      }
    }
    Token token;
    token.position = pos;
    if (pos >= text.size()) {
      tokens.push_back(token);
      return tokens;
    }
    char c = text[pos];
    if (IsIdentStart(c)) {
      std::size_t start = pos;
      while (pos < text.size() && IsIdentChar(text[pos])) ++pos;
      token.kind = TokenKind::kIdentifier;
      token.text = std::string(text.substr(start, pos - start));
    } else if (c == '`') {
      token.kind = TokenKind::kDelimitedIdentifier;
      if (!ReadQuoted(text, pos, token.text, error)) return std::nullopt;
    } else if (c == '\'') {
      token.kind = TokenKind::kString;
      if (!ReadQuoted(text, pos, token.text, error)) return std::nullopt;
    } else if (IsDigit(c)) {
      std::size_t start = pos;
      pos += CountDigits(text, pos);
      if (pos + 1 < text.size() && text[pos] == '.' && IsDigit(text[pos + 1])) pos += 1 + CountDigits(text, pos + 1);
      token.kind = TokenKind::kNumber;
      token.text = std::string(text.substr(start, pos - start));
    } else if (c == '@') {
      bool is_time = false;
      std::size_t end = ScanTemporal(text, pos + 1, is_time);
      if (end == pos + 1 || (is_time && end == pos + 2)) {
        error = {"invalid date/time literal", pos};
        return std::nullopt;
      }
      token.kind = is_time ? TokenKind::kTime : TokenKind::kDateTime;
      token.text = std::string(text.substr(pos + 1, end - pos - 1));
      pos = end;
    } else if (c == '%') {
      ++pos;
      token.kind = TokenKind::kVariable;
      if (pos < text.size() && (text[pos] == '`' || text[pos] == '\'')) {
        if (!ReadQuoted(text, pos, token.text, error)) return std::nullopt;
      } else if (pos < text.size() && IsIdentStart(text[pos])) {
        std::size_t start = pos;
        while (pos < text.size() && (IsIdentChar(text[pos]) || text[pos] == '-')) ++pos;
        token.text = std::string(text.substr(start, pos - start));
      } else {
        error = {"expected a variable name after '%'", pos};
        return std::nullopt;
      }
    } else if (c == '$') {
      std::size_t start = pos++;
      while (pos < text.size() && IsIdentChar(text[pos])) ++pos;
      token.kind = TokenKind::kSpecial;
      token.text = std::string(text.substr(start, pos - start));
      if (token.text != "$this" && token.text != "$index" && token.text != "$total") {
        error = {"unknown special variable '" + token.text + "'", start};
        return std::nullopt;
      }
    } else {
      static const char* const kTwo[] = {"!=", "!~", "<=", ">="};
      token.kind = TokenKind::kOperator;
      for (const char* op : kTwo) {
        if (text.substr(pos, 2) == op) token.text = op;
      }
      if (token.text.empty()) {
        if (std::string_view(".[](){},+-*/&|=~<>").find(c) == std::string_view::npos) {
          error = {std::string("unexpected character '") + c + "'", pos};
          return std::nullopt;
        }
        token.text = std::string(1, c);
      }
      pos += token.text.size();
    }
    tokens.push_back(std::move(token));
  }
}

}  // namespace pdex::fhirpath
