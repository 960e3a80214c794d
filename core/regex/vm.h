// The Pike VM: runs a Program over a UTF-8 subject in one forward pass, keeping at most one thread
// per instruction (in priority order), so time is O(subject length x program size) and memory
// O(program size x capture slots). Nothing recurses: epsilon closures use an explicit stack. The
// product can still be large (a 10,000-instruction program over a 1 MiB subject), so runs also
// draw on a work budget the caller sets.
#pragma once

#include "regex/program.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pdex::regex {

struct RunOptions {
  bool anchor_start = false;  // the match must start at `from`
  bool anchor_end = false;    // the match must end at the end of the subject
  bool need_captures = true;  // false: only whether there is a match (`slots` is left empty)
};

enum class RunStatus { kMatch, kNoMatch, kOverBudget };

// Looks for the leftmost-first match at byte `from` or later and stores its capture slots (byte
// offsets, npos = unset) in `slots`. Each instruction a thread enters costs one unit of `budget`,
// and setting up costs the program size; when the budget runs out the run stops with kOverBudget.
RunStatus Run(const Program& program, std::string_view subject, std::size_t from, const RunOptions& options,
              std::uint64_t& budget, std::vector<std::size_t>& slots);

}  // namespace pdex::regex
