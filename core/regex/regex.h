// A small ECMAScript-style regular-expression engine with matching time linear in the subject: a
// Pike VM (Thompson NFA simulation with submatch tracking) over UTF-8 code points. Nothing recurses
// per subject character and the pattern parser's nesting is bounded, so hostile patterns from
// FHIRPath expressions cannot hang or overflow the stack.
//
// Syntax (ECMAScript, no flags; '.' also matches line terminators as FHIRPath's single-line mode):
// literals; escapes \d \D \w \W \s \S \b \B \t \n \r \f \v \0 \cX \xHH \uXXXX and escaped
// punctuation; '.'; classes [...] with ranges, negation and escapes; ^ $; ( ) and (?: ); |;
// greedy and lazy * + ? {n} {n,} {n,m}. Match priority is leftmost-first as in ECMAScript, and
// captures inside a repeated group are reset on each iteration as ECMAScript specifies.
// Backreferences, lookaround and named groups are reported as unsupported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::regex {

struct Program;

// Bounds that keep compilation cheap and matching time within (subject length) x (program size).
inline constexpr int kMaxNesting = 100;                // nested groups in a pattern
inline constexpr std::size_t kMaxProgramSize = 10000;  // instructions after expanding {n,m}
inline constexpr int kMaxRepeatCount = 1000;           // n and m in {n,m}
// Work per call (Search, FullMatch, Find or a whole ReplaceAll): one unit per VM instruction a
// thread enters, about 10-20 ns natively. Typical patterns use a few units per subject character,
// so only near-worst-case programs on long subjects (or replacements that rescan the subject for
// every match) reach it, and they get an error within a second or two instead of a hang.
inline constexpr std::uint64_t kMaxMatchSteps = 50'000'000;

struct CompileError {
  std::string message;   // "unsupported regular expression feature ... at position N" or "invalid ...: ..."
  std::size_t position;  // code point index in the pattern
};

// A byte range of the subject; start == npos when the group did not take part in the match.
struct Span {
  std::size_t start = std::string::npos;
  std::size_t end = std::string::npos;
  bool matched() const { return start != std::string::npos; }
};

enum class Outcome { kMatch, kNoMatch, kTooCostly };  // kTooCostly: kMaxMatchSteps ran out

class Regex {
 public:
  // Compiles `pattern` (UTF-8); on failure `error` is set and the Regex must not be used.
  static Regex Compile(std::string_view pattern, std::optional<CompileError>& error);

  // Whether the pattern matches somewhere in `subject` / spans all of it.
  Outcome Search(std::string_view subject) const;
  Outcome FullMatch(std::string_view subject) const;

  // The leftmost-first match starting at byte `from` or later: `groups` gets group 0 then groups
  // 1..captures().
  Outcome Find(std::string_view subject, std::size_t from, std::vector<Span>& groups) const;

  // Every non-overlapping match replaced as JavaScript's String.prototype.replace with a global
  // regex does it: $& the match, $1..$99 groups (unmatched: empty), $` before, $' after, $$ '$'.
  // nullopt when the work budget ran out.
  std::optional<std::string> ReplaceAll(std::string_view subject, std::string_view replacement) const;

  int captures() const;

 private:
  Outcome FindWithin(std::string_view subject, std::size_t from, std::vector<Span>& groups, std::uint64_t& budget) const;

  std::shared_ptr<const Program> program_;
};

}  // namespace pdex::regex
