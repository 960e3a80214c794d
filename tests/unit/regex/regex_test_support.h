// Shorthands shared by the regex tests: compile-or-fail and a printable view of a match.
#pragma once

#include "regex/regex.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

namespace regex_test {

inline pdex::regex::Regex CompileOk(const std::string& pattern) {
  std::optional<pdex::regex::CompileError> error;
  pdex::regex::Regex re = pdex::regex::Regex::Compile(pattern, error);
  INFO("pattern: " << pattern << (error ? " error: " + error->message : std::string()));
  REQUIRE_FALSE(error);
  return re;
}

inline std::string CompileError(const std::string& pattern) {
  std::optional<pdex::regex::CompileError> error;
  (void)pdex::regex::Regex::Compile(pattern, error);
  return error ? error->message : "(compiled)";
}

// The first match as "[whole] [group1] - ..." ('-' for an unset group), or "no match".
inline std::string Describe(const std::string& subject, const std::optional<std::vector<pdex::regex::Span>>& groups) {
  if (!groups) return "no match";
  std::string out;
  for (const auto& g : *groups) {
    if (!out.empty()) out += ' ';
    if (!g.matched()) {
      out += '-';
      continue;
    }
    out += '[';
    out.append(subject, g.start, g.end - g.start);
    out += ']';
  }
  return out;
}

inline constexpr auto kMatch = pdex::regex::Outcome::kMatch;
inline constexpr auto kNoMatch = pdex::regex::Outcome::kNoMatch;

// The match at `from` or later; nullopt when there is none (running out of budget fails the test).
inline std::optional<std::vector<pdex::regex::Span>> Find(const pdex::regex::Regex& re, const std::string& subject,
                                                          std::size_t from = 0) {
  std::vector<pdex::regex::Span> groups;
  const auto outcome = re.Find(subject, from, groups);
  REQUIRE(outcome != pdex::regex::Outcome::kTooCostly);
  if (outcome == kNoMatch) return std::nullopt;
  return groups;
}

inline std::string FirstMatch(const std::string& pattern, const std::string& subject) {
  return Describe(subject, Find(CompileOk(pattern), subject));
}

}  // namespace regex_test
