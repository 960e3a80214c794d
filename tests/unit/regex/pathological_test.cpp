// Patterns that make backtracking engines take exponential time or recurse per character. The Pike
// VM answers them in one pass; these assert the answers (speed belongs in bench/, not in tests).
#include "regex_test_support.h"

using regex_test::CompileOk;
using regex_test::kMatch;
using regex_test::kNoMatch;

TEST_CASE("catastrophic-backtracking patterns on long subjects", "[regex][pathological]") {
  const std::string as(5000, 'a');
  CHECK(CompileOk("(a*)*b").Search(as) == kNoMatch);
  CHECK(CompileOk("(a*)*b").Search(as + "b") == kMatch);
  CHECK(CompileOk("(a|aa)+$").Search(as) == kMatch);
  CHECK(CompileOk("(a|aa)+$").Search(as + "!") == kNoMatch);
  CHECK(CompileOk("(x+x+)+y").Search(std::string(5000, 'x')) == kNoMatch);
  CHECK(CompileOk("(x+x+)+y").FullMatch(std::string(5000, 'x') + "y") == kMatch);
  CHECK(CompileOk("(.*)*(.*)*(.*)*!").Search(as) == kNoMatch);
  CHECK(CompileOk("^(\\w+\\s?)*$").Search(as + "!") == kNoMatch);
  CHECK(CompileOk("(a?){30}a{30}").FullMatch(std::string(30, 'a')) == kMatch);
}

TEST_CASE("long subjects keep captures and replacements exact", "[regex][pathological]") {
  std::string subject(200000, 'a');
  subject += "bc";
  const auto groups = regex_test::Find(CompileOk("(a+)(b)"), subject);
  REQUIRE(groups);
  CHECK((*groups)[1].end - (*groups)[1].start == 200000);
  CHECK((*groups)[2].start == 200000);
  CHECK(CompileOk("a").ReplaceAll(subject, "").value() == "bc");
  CHECK(CompileOk("(a|aa)*c").Search(subject) == kMatch);
}

TEST_CASE("work beyond the budget is reported, not spent", "[regex][pathological]") {
  // ~8,000 instructions all live on every character: over the budget long before the end.
  const auto re = CompileOk("(?:a?){1000}(?:a?){1000}(?:a?){1000}(?:a?){1000}b");
  const std::string subject(100000, 'a');
  CHECK(re.Search(subject) == pdex::regex::Outcome::kTooCostly);
  CHECK(re.Search(std::string(1000, 'a') + "b") == kMatch);  // the same program on a short subject
  // Quadratic replacement: each match is found only after a higher-priority branch has run to
  // the end of the subject; the budget covers the whole replaceMatches() call.
  CHECK_FALSE(CompileOk(".*x|a").ReplaceAll(std::string(100000, 'a'), "b").has_value());
  CHECK(CompileOk(".*x|a").ReplaceAll("aaa", "b").value() == "bbb");
}
