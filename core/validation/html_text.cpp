#include "validation/html_text.h"

namespace pdex::validation {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsWordChar(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_'; }
// Java's \s: space, \t, \n, \x0B, \f, \r.
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\x0B' || c == '\f' || c == '\r'; }

// Java's HTML_FRAGMENT_REGEX "[a-zA-Z]\w*(((\s+)(\S)*)*)" as a full match: a tag name, then nothing
// or whitespace followed by anything.
bool IsTagFragment(std::string_view fragment) {
  if (fragment.empty() || !IsAsciiLetter(fragment[0])) return false;
  std::size_t i = 1;
  while (i < fragment.size() && IsWordChar(fragment[i])) ++i;
  return i == fragment.size() || IsSpace(fragment[i]);
}

}  // namespace

bool LooksLikeHtmlTags(std::string_view text) {
  // Both positions only move forward and each fragment checked lies between one '<' and the next,
  // so the scan is linear however many '<' and '>' the text holds.
  std::size_t close = 0;
  for (std::size_t open = text.find('<'); open != std::string_view::npos;) {
    const std::size_t next_open = text.find('<', open + 1);
    if (close <= open) close = text.find('>', open + 1);
    if (close == std::string_view::npos) return false;
    // Only a '>' before a further '<' closes the candidate (see the header).
    if (next_open != std::string_view::npos && close < next_open &&
        IsTagFragment(text.substr(open + 1, close - open - 1))) {
      return true;
    }
    open = next_open;
  }
  return false;
}

std::optional<std::size_t> MarkdownHtmlTagAt(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '<' && IsAsciiLetter(text[i + 1]) && (i == 0 || text[i - 1] != '\\')) return i;
  }
  return std::nullopt;
}

}  // namespace pdex::validation
