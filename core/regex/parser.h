// Pattern text (decoded code points) to syntax tree, by recursive descent whose depth is bounded by
// kMaxNesting: a hostile pattern of 100,000 '(' is refused, not a stack overflow.
#pragma once

#include "regex/ast.h"
#include "regex/regex.h"

#include <memory>
#include <optional>
#include <vector>

namespace pdex::regex {

struct ParsedPattern {
  std::unique_ptr<Node> root;  // null when `error` is set
  int captures = 0;            // capture groups, numbered 1..captures by their '('
  std::optional<CompileError> error;
};

ParsedPattern Parse(const std::vector<char32_t>& pattern);

}  // namespace pdex::regex
