// Differential test against std::regex (ECMAScript grammar) over patterns and subjects generated from
// a small grammar with a fixed seed. Both must agree on: whether the pattern matches, whether it
// matches in full, and where the first match is. Captured groups and replacements are compared
// where std::regex implements ECMAScript faithfully; three known deviations of libstdc++ are skipped
// (behaviour_test.cpp pins the ECMAScript results for them, checked against JavaScript):
//  - an iteration of a quantified group that matches the empty string is accepted, where ECMAScript
//    rejects it and backtracks into the group: /(^-??)*/ on "-ba" matches "" instead of "-";
//  - captures inside a repeated group are not reset on each iteration (ECMAScript RepeatMatcher);
//  - std::regex_iterator retries a non-empty match at the position of an empty one, where
//    ECMAScript's global replace moves one character on.
// Subjects contain no line terminators, so '.' means the same in both.
#include "regex_test_support.h"

#include <regex>

namespace {

// What the comparison must skip for a generated pattern (see the deviations above).
struct Traits {
  bool group_in_repeat = false;     // a capture group inside a quantified atom
  bool nullable_in_repeat = false;  // a quantified group whose body can match the empty string
};

class Generator {
 public:
  explicit Generator(unsigned seed) : state_(seed) {}

  unsigned Next(unsigned n) {
    state_ = state_ * 1103515245u + 12345u;
    return ((state_ >> 16) & 0x7fff) % n;
  }

  // A pattern nesting groups at most `depth` deep; `nullable` tells whether it can match "".
  std::string Pattern(int depth, bool in_repeat, Traits& traits, bool& nullable) {
    std::string out = Alternative(depth, in_repeat, traits, nullable);
    if (depth > 0 && Next(4) == 0) {
      bool other = false;
      out += "|" + Alternative(depth, in_repeat, traits, other);
      nullable = nullable || other;
    }
    return out;
  }

  std::string Subject() {
    static const char kAlphabet[] = "aaabbc1 -";
    std::string s;
    const unsigned length = Next(12);
    for (unsigned i = 0; i < length; ++i) s += kAlphabet[Next(sizeof kAlphabet - 1)];
    return s;
  }

 private:
  std::string Alternative(int depth, bool in_repeat, Traits& traits, bool& nullable) {
    std::string out;
    nullable = true;
    const unsigned terms = 1 + Next(3);
    for (unsigned i = 0; i < terms; ++i) {
      bool term_nullable = false;
      out += Term(depth, in_repeat, traits, term_nullable);
      nullable = nullable && term_nullable;
    }
    return out;
  }

  std::string Term(int depth, bool in_repeat, Traits& traits, bool& nullable) {
    static const char* const kAtoms[] = {"a", "b", "c", ".", "[ab]", "[^a]", "[a-c]", "\\d", "\\w", "\\s", "-", "\\-"};
    static const char* const kAssertions[] = {"^", "$", "\\b", "\\B"};
    static const char* const kQuantifiers[] = {"*", "+", "?", "{2}", "{0,2}", "{1,3}", "{1,}"};
    nullable = false;
    if (Next(12) == 0) {
      nullable = true;
      return kAssertions[Next(4)];
    }
    const bool quantified = Next(3) == 0;
    std::string atom;
    if (depth > 0 && Next(3) == 0) {
      const bool capturing = Next(3) != 0;
      if (capturing && (in_repeat || quantified)) traits.group_in_repeat = true;
      atom = std::string(capturing ? "(" : "(?:") + Pattern(depth - 1, in_repeat || quantified, traits, nullable) + ")";
      if (quantified && nullable) traits.nullable_in_repeat = true;
    } else {
      atom = kAtoms[Next(sizeof kAtoms / sizeof *kAtoms)];
    }
    if (!quantified) return atom;
    const unsigned q = Next(sizeof kQuantifiers / sizeof *kQuantifiers);
    atom += kQuantifiers[q];
    nullable = nullable || q == 0 || q == 2 || q == 4;
    if (Next(3) == 0) atom += '?';
    return atom;
  }

  unsigned state_;
};

std::string StdGroups(const std::smatch& m) {
  std::string out;
  for (const auto& g : m) {
    if (!out.empty()) out += ' ';
    if (!g.matched) {
      out += '-';
      continue;
    }
    out += '[';
    out += g.str();
    out += ']';
  }
  return out;
}

// Whether some match in a JavaScript-style global iteration is empty.
bool HasEmptyMatch(const pdex::regex::Regex& re, const std::string& subject) {
  for (std::size_t from = 0; from <= subject.size();) {
    auto groups = regex_test::Find(re, subject, from);
    if (!groups) return false;
    if (groups->front().start == groups->front().end) return true;
    from = groups->front().end;
  }
  return false;
}

}  // namespace

TEST_CASE("agrees with std::regex (ECMAScript) on generated patterns", "[regex][differential]") {
  Generator gen(20240229u);
  int pairs = 0, span_comparisons = 0, group_comparisons = 0, replace_comparisons = 0;
  for (int p = 0; p < 1500; ++p) {
    Traits traits;
    bool nullable = false;
    const std::string pattern = gen.Pattern(2, false, traits, nullable);
    const std::regex reference(pattern, std::regex::ECMAScript);
    const pdex::regex::Regex re = regex_test::CompileOk(pattern);
    const std::string format = re.captures() > 0 ? "<$1|$&>" : "<$&>";
    for (int s = 0; s < 4; ++s) {
      const std::string subject = gen.Subject();
      INFO("pattern: " << pattern << "  subject: '" << subject << "'");
      ++pairs;
      std::smatch m;
      const bool found = std::regex_search(subject, m, reference);
      REQUIRE((re.Search(subject) == regex_test::kMatch) == found);
      REQUIRE((re.FullMatch(subject) == regex_test::kMatch) == std::regex_match(subject, reference));
      const auto groups = regex_test::Find(re, subject);
      REQUIRE(groups.has_value() == found);
      if (traits.nullable_in_repeat) continue;
      ++span_comparisons;
      if (found) {
        REQUIRE(groups->front().start == static_cast<std::size_t>(m.position(0)));
        REQUIRE(groups->front().end - groups->front().start == static_cast<std::size_t>(m.length(0)));
      }
      if (traits.group_in_repeat) continue;
      if (found) {
        ++group_comparisons;
        REQUIRE(regex_test::Describe(subject, groups) == StdGroups(m));
      }
      if (HasEmptyMatch(re, subject)) continue;
      ++replace_comparisons;
      REQUIRE(re.ReplaceAll(subject, format).value() == std::regex_replace(subject, reference, format));
    }
  }
  CHECK(pairs == 6000);
  // The skips must leave most of the set compared.
  CHECK(span_comparisons > 4000);
  CHECK(group_comparisons > 1500);
  CHECK(replace_comparisons > 2000);
}
