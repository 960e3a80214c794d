// FHIRPath lexer (FHIRPath 2.0.0 Appendix A grammar, lexical rules): turns expression text into
// tokens with their 0-based positions. Comments (// and /* */) and whitespace are skipped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::fhirpath {

enum class TokenKind {
  kEnd, kIdentifier, kDelimitedIdentifier, kString, kNumber, kDateTime, kTime, kVariable, kSpecial,  // $this...
  kOperator,  // punctuation and symbolic operators: . [ ] ( ) { } , + - * / & | = != ~ !~ < <= > >=
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // unescaped for strings / delimited identifiers; without '@' or '%' for literals/variables
  std::size_t position = 0;
};

struct LexError {
  std::string message;
  std::size_t position = 0;
};

// Tokenizes `text`; on failure returns nullopt and fills `error`.
std::optional<std::vector<Token>> Tokenize(std::string_view text, LexError& error);

}  // namespace pdex::fhirpath
