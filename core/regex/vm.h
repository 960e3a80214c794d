// The Pike VM: runs a Program over a UTF-8 subject in one forward pass, keeping at most one thread
// per instruction (in priority order), so time is O(subject length x program size) and memory
// O(program size x capture slots). Nothing recurses: epsilon closures use an explicit stack.
#pragma once

#include "regex/program.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace pdex::regex {

struct RunOptions {
  bool anchor_start = false;  // the match must start at `from`
  bool anchor_end = false;    // the match must end at the end of the subject
  bool need_captures = true;  // false: only whether there is a match (returns an empty vector)
};

// The leftmost-first match at byte `from` or later, as capture slots (byte offsets, npos = unset).
std::optional<std::vector<std::size_t>> Run(const Program& program, std::string_view subject, std::size_t from,
                                            const RunOptions& options);

}  // namespace pdex::regex
