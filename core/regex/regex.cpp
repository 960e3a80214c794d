#include "regex/regex.h"

#include "regex/compiler.h"
#include "regex/parser.h"
#include "regex/utf8.h"
#include "regex/vm.h"

namespace pdex::regex {

namespace {

Outcome ToOutcome(RunStatus status) {
  switch (status) {
    case RunStatus::kMatch: return Outcome::kMatch;
    case RunStatus::kNoMatch: return Outcome::kNoMatch;
    case RunStatus::kOverBudget: break;
  }
  return Outcome::kTooCostly;
}

// ECMAScript GetSubstitution: "$nn" names group nn when it exists, else "$n" group n followed by
// the digit; a reference to a group past the last, "$0" and a lone '$' are literal text.
void AppendSubstitution(std::string& out, std::string_view replacement, std::string_view subject,
                        const std::vector<Span>& groups) {
  const auto append_group = [&](std::size_t g) {
    if (groups[g].matched()) out.append(subject.substr(groups[g].start, groups[g].end - groups[g].start));
  };
  const auto digit = [&](std::size_t i) { return i < replacement.size() && replacement[i] >= '0' && replacement[i] <= '9'; };
  const std::size_t last_group = groups.size() - 1;
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    const char c = replacement[i];
    if (c != '$' || i + 1 == replacement.size()) {
      out += c;
      continue;
    }
    const char next = replacement[i + 1];
    if (next == '$') {
      out += '$';
      ++i;
    } else if (next == '&') {
      append_group(0);
      ++i;
    } else if (next == '`') {
      out.append(subject.substr(0, groups[0].start));
      ++i;
    } else if (next == '\'') {
      out.append(subject.substr(groups[0].end));
      ++i;
    } else if (digit(i + 1)) {
      const std::size_t one = static_cast<std::size_t>(next - '0');
      const std::size_t two = digit(i + 2) ? one * 10 + static_cast<std::size_t>(replacement[i + 2] - '0') : 0;
      if (two >= 1 && two <= last_group) {
        append_group(two);
        i += 2;
      } else if (one >= 1 && one <= last_group) {
        append_group(one);
        i += 1;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
}

}  // namespace

Regex Regex::Compile(std::string_view pattern, std::optional<CompileError>& error) {
  error.reset();
  Regex regex;
  ParsedPattern parsed = Parse(DecodeUtf8(pattern));
  if (parsed.error) {
    error = std::move(parsed.error);
    return regex;
  }
  Program program = CompileProgram(*parsed.root, parsed.captures, error);
  if (!error) regex.program_ = std::make_shared<const Program>(std::move(program));
  return regex;
}

int Regex::captures() const { return program_->captures; }

Outcome Regex::Search(std::string_view subject) const {
  std::uint64_t budget = kMaxMatchSteps;
  std::vector<std::size_t> slots;
  return ToOutcome(Run(*program_, subject, 0, RunOptions{.need_captures = false}, budget, slots));
}

Outcome Regex::FullMatch(std::string_view subject) const {
  std::uint64_t budget = kMaxMatchSteps;
  std::vector<std::size_t> slots;
  const RunOptions options{.anchor_start = true, .anchor_end = true, .need_captures = false};
  return ToOutcome(Run(*program_, subject, 0, options, budget, slots));
}

Outcome Regex::Find(std::string_view subject, std::size_t from, std::vector<Span>& groups) const {
  std::uint64_t budget = kMaxMatchSteps;
  return FindWithin(subject, from, groups, budget);
}

Outcome Regex::FindWithin(std::string_view subject, std::size_t from, std::vector<Span>& groups,
                          std::uint64_t& budget) const {
  std::vector<std::size_t> slots;
  const Outcome outcome = ToOutcome(Run(*program_, subject, from, RunOptions{}, budget, slots));
  groups.assign(static_cast<std::size_t>(program_->captures) + 1, Span{});
  if (outcome != Outcome::kMatch) return outcome;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    // A group is set only when both its ends are (a reset between them leaves neither).
    if (slots[2 * g] != std::string::npos && slots[2 * g + 1] != std::string::npos) groups[g] = Span{slots[2 * g], slots[2 * g + 1]};
  }
  return outcome;
}

std::optional<std::string> Regex::ReplaceAll(std::string_view subject, std::string_view replacement) const {
  std::uint64_t budget = kMaxMatchSteps;  // one budget for all the searches
  std::string out;
  std::size_t copied = 0;  // subject bytes up to here are in `out`
  std::size_t from = 0;
  std::vector<Span> groups;
  while (from <= subject.size()) {
    const Outcome outcome = FindWithin(subject, from, groups, budget);
    if (outcome == Outcome::kTooCostly) return std::nullopt;
    if (outcome == Outcome::kNoMatch) break;
    const Span whole = groups.front();
    out.append(subject.substr(copied, whole.start - copied));
    AppendSubstitution(out, replacement, subject, groups);
    copied = whole.end;
    // After an empty match the search resumes one code point further on, as JavaScript does.
    if (whole.end > whole.start) from = whole.end;
    else if (whole.end < subject.size()) from = whole.end + DecodeUtf8(subject, whole.end).length;
    else break;
  }
  out.append(subject.substr(copied));
  return out;
}

}  // namespace pdex::regex
