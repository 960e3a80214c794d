// Patterns that make backtracking engines take exponential time or recurse per character. The Pike
// VM answers them in one pass; these assert the answers (speed belongs in bench/, not in tests).
#include "regex_test_support.h"

using regex_test::CompileOk;

TEST_CASE("catastrophic-backtracking patterns on long subjects", "[regex][pathological]") {
  const std::string as(5000, 'a');
  CHECK_FALSE(CompileOk("(a*)*b").Search(as));
  CHECK(CompileOk("(a*)*b").Search(as + "b"));
  CHECK(CompileOk("(a|aa)+$").Search(as));
  CHECK_FALSE(CompileOk("(a|aa)+$").Search(as + "!"));
  CHECK_FALSE(CompileOk("(x+x+)+y").Search(std::string(5000, 'x')));
  CHECK(CompileOk("(x+x+)+y").FullMatch(std::string(5000, 'x') + "y"));
  CHECK_FALSE(CompileOk("(.*)*(.*)*(.*)*!").Search(as));
  CHECK_FALSE(CompileOk("^(\\w+\\s?)*$").Search(as + "!"));
  CHECK(CompileOk("(a?){30}a{30}").FullMatch(std::string(30, 'a')));
}

TEST_CASE("long subjects keep captures and replacements exact", "[regex][pathological]") {
  std::string subject(200000, 'a');
  subject += "bc";
  const auto groups = CompileOk("(a+)(b)").Find(subject, 0);
  REQUIRE(groups);
  CHECK((*groups)[1].end - (*groups)[1].start == 200000);
  CHECK((*groups)[2].start == 200000);
  CHECK(CompileOk("a").ReplaceAll(subject, "") == "bc");
  CHECK(CompileOk("(a|aa)*c").Search(subject));
}
