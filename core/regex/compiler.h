// Syntax tree to Pike VM program. Counted repetitions are expanded, so the program size is capped
// (kMaxProgramSize): past it the pattern is refused rather than matched slowly.
#pragma once

#include "regex/ast.h"
#include "regex/program.h"
#include "regex/regex.h"

#include <optional>

namespace pdex::regex {

// Compiles `root` (with `captures` groups); sets `error` and returns an empty program when too large.
Program CompileProgram(const Node& root, int captures, std::optional<CompileError>& error);

}  // namespace pdex::regex
