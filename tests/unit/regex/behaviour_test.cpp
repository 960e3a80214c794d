// One case per supported construct, with the results JavaScript's RegExp gives (the reference for
// FHIRPath regexes; '.' as with the 's' flag), and the refusals for what is not supported.
#include "regex_test_support.h"

using regex_test::CompileError;
using regex_test::CompileOk;
using regex_test::FirstMatch;
using regex_test::kMatch;
using regex_test::kNoMatch;

TEST_CASE("literals, '.' and escapes", "[regex]") {
  CHECK(FirstMatch("bc", "abcd") == "[bc]");
  CHECK(FirstMatch("x", "abc") == "no match");
  CHECK(FirstMatch("a.c", "a\nc") == "[a\nc]");  // single-line mode: '.' matches line terminators
  CHECK(FirstMatch("a.c", "a\xC3\xA9" "c") == "[a\xC3\xA9" "c]");  // one code point, two bytes
  CHECK(FirstMatch("^.$", "\xF0\x9F\x98\x80") == "[\xF0\x9F\x98\x80]");
  CHECK(FirstMatch("\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\\\/\\-", ".*+?()[]{}|^$\\/-") == "[.*+?()[]{}|^$\\/-]");
  CHECK(FirstMatch("\\t\\n\\r\\f\\v", "\t\n\r\f\v") == "[\t\n\r\f\v]");
  CHECK(FirstMatch("\\x41\\u00e9\\ud83d\\ude00", "A\xC3\xA9\xF0\x9F\x98\x80") == "[A\xC3\xA9\xF0\x9F\x98\x80]");
  CHECK(FirstMatch("\\cJ", "\n") == "[\n]");
  CHECK(FirstMatch("a\\0", std::string("a\0", 2)) == std::string("[a\0]", 4));
}

TEST_CASE("character class escapes", "[regex]") {
  CHECK(FirstMatch("\\d+", "ab123c") == "[123]");
  CHECK(FirstMatch("\\D+", "12ab3") == "[ab]");
  CHECK(FirstMatch("\\w+", "  a_Z9-") == "[a_Z9]");
  CHECK(FirstMatch("\\W+", "ab -+c") == "[ -+]");
  CHECK(FirstMatch("\\s+", "a \t\n\xC2\xA0\xE2\x80\xA8" "b") == "[ \t\n\xC2\xA0\xE2\x80\xA8]");  // NBSP, U+2028
  CHECK(FirstMatch("\\S+", "  ab ") == "[ab]");
  CHECK(FirstMatch("\\w", "\xC3\xA9") == "no match");  // ECMAScript \w is ASCII
}

TEST_CASE("bracketed classes", "[regex]") {
  CHECK(FirstMatch("[a-c]+", "xxabcabd") == "[abcab]");
  CHECK(FirstMatch("[^a-c]+", "abxyzc") == "[xyz]");
  CHECK(FirstMatch("[\\d.]+", "v1.25!") == "[1.25]");
  CHECK(FirstMatch("[a\\-z]+", "b-az") == "[-az]");
  CHECK(FirstMatch("[-a]+", "b-a") == "[-a]");
  CHECK(FirstMatch("[a-]+", "b-a") == "[-a]");
  CHECK(FirstMatch("[\\]]", "a]") == "[]]");
  CHECK(FirstMatch("[\\b]", "a\bb") == "[\b]");  // backspace inside a class
  CHECK(FirstMatch("[^\\s]+", " ab ") == "[ab]");
  CHECK(FirstMatch("[\\w-]+", "a-b c") == "[a-b]");
  CHECK(FirstMatch("[\xC3\xA0-\xC3\xBF]+", "a\xC3\xA9\xC3\xA8z") == "[\xC3\xA9\xC3\xA8]");
  CHECK(FirstMatch("[]", "a") == "no match");  // the empty class matches nothing
  CHECK(FirstMatch("[^]", "\n") == "[\n]");
}

TEST_CASE("anchors and word boundaries", "[regex]") {
  CHECK(FirstMatch("^ab", "abab") == "[ab]");
  CHECK(FirstMatch("^b", "ab") == "no match");
  CHECK(FirstMatch("b$", "abab") == "[b]");
  CHECK(FirstMatch("a$", "a\n") == "no match");  // no multiline mode: '$' is the end of the subject
  CHECK(FirstMatch("^$", "") == "[]");
  CHECK(FirstMatch("\\bfoo\\b", "afoo foo") == "[foo]");
  CHECK(FirstMatch("\\Boo\\B", "oo foob") == "[oo]");
  CHECK(CompileOk("^\\d{4}-\\d{2}-\\d{2}$").FullMatch("2024-02-29") == kMatch);
}

TEST_CASE("groups and alternation keep ECMAScript's leftmost-first priority", "[regex]") {
  CHECK(FirstMatch("(a)(b)?", "ac") == "[a] [a] -");
  CHECK(FirstMatch("(?:ab)+(c)", "ababc") == "[ababc] [c]");
  CHECK(FirstMatch("a|ab", "ab") == "[a]");  // first alternative wins, not the longest
  CHECK(FirstMatch("(a|ab)(c|bcd)(d*)", "abcd") == "[abcd] [a] [bcd] []");
  CHECK(FirstMatch("(a)|b", "b") == "[b] -");
  CHECK(FirstMatch("x|", "y") == "[]");
  CHECK(FirstMatch("((a)|b)+", "ab") == "[ab] [b] -");  // captures inside a repetition reset per iteration
  CHECK(FirstMatch("(a*)*", "b") == "[] -");            // an empty iteration is rejected
  CHECK(FirstMatch("(a*)+", "b") == "[] []");
  CHECK(FirstMatch("(a|)*b", "aab") == "[aab] [a]");
  CHECK(FirstMatch("(z)((a+)?(b+)?(c))*", "zaacbbbcac") == "[zaacbbbcac] [z] [ac] [a] - [c]");
}

TEST_CASE("greedy and lazy quantifiers", "[regex]") {
  CHECK(FirstMatch("a*", "aaa") == "[aaa]");
  CHECK(FirstMatch("a*?", "aaa") == "[]");
  CHECK(FirstMatch("a+?", "aaa") == "[a]");
  CHECK(FirstMatch("a??b", "ab") == "[ab]");
  CHECK(FirstMatch("<.*>", "<a><b>") == "[<a><b>]");
  CHECK(FirstMatch("<.*?>", "<a><b>") == "[<a>]");
  CHECK(FirstMatch("a{2}", "aaa") == "[aa]");
  CHECK(FirstMatch("a{2,}", "aaaa") == "[aaaa]");
  CHECK(FirstMatch("a{1,3}", "aaaa") == "[aaa]");
  CHECK(FirstMatch("a{1,3}?", "aaaa") == "[a]");
  CHECK(FirstMatch("a{0}b", "ab") == "[b]");
  CHECK(FirstMatch("(ab){2}", "ababab") == "[abab] [ab]");
  CHECK(FirstMatch("a{,2}", "a{,2}") == "[a{,2}]");  // not a quantifier: literal braces (Annex B)
  CHECK(FirstMatch("x{", "x{") == "[x{]");
}

TEST_CASE("full matches and searches from an offset", "[regex]") {
  const auto re = CompileOk("a|ab");
  CHECK(re.FullMatch("ab") == kMatch);  // a later alternative may complete the full match
  CHECK(re.FullMatch("abc") == kNoMatch);
  CHECK(re.Search("xxab") == kMatch);
  CHECK_FALSE(regex_test::Find(CompileOk("^a"), "aa", 1));
  CHECK(regex_test::Describe("a a", regex_test::Find(CompileOk("\\ba"), "a a", 1)) == "[a]");
  CHECK(CompileOk("").FullMatch("") == kMatch);
  CHECK_FALSE(regex_test::Find(CompileOk(""), "ab", 3));  // past the end: nothing to find
}

TEST_CASE("replacement follows JavaScript's global replace", "[regex]") {
  CHECK(CompileOk("(\\d+)-(\\d+)").ReplaceAll("12-34 5-6", "$2:$1").value() == "34:12 6:5");
  CHECK(CompileOk("b").ReplaceAll("abc", "[$&|$`|$'|$$]").value() == "a[b|a|c|$]c");
  CHECK(CompileOk("(b)").ReplaceAll("abc", "$12|$01|$0|$2|$").value() == "ab2|b|$0|$2|$c");
  CHECK(CompileOk("(x)?b").ReplaceAll("ab", "<$1>").value() == "a<>");
  CHECK(CompileOk("x*").ReplaceAll("abc", "-").value() == "-a-b-c-");
  CHECK(CompileOk("a??").ReplaceAll("ab", "-").value() == "-a-b-");  // after an empty match, resume one further
  CHECK(CompileOk("a*").ReplaceAll("aaa", "-").value() == "--");
  CHECK(CompileOk("").ReplaceAll("\xC3\xA9\xC3\xA9", "|").value() == "|\xC3\xA9|\xC3\xA9|");  // code points stay whole
  CHECK(CompileOk("[0-9]").ReplaceAll("abc123", "-").value() == "abc---");
}

TEST_CASE("malformed UTF-8 is matched byte by byte as U+FFFD", "[regex]") {
  CHECK(CompileOk("^a.b$").FullMatch("a\xFF" "b") == kMatch);
  CHECK(CompileOk("^\\uFFFD+$").FullMatch("\xC3\xE9\x80") == kMatch);
}

TEST_CASE("syntax errors name the position", "[regex][errors]") {
  CHECK(CompileError("(a") == "invalid regular expression: missing ')' at position 0");
  CHECK(CompileError("a)") == "invalid regular expression: unmatched ')' at position 1");
  CHECK(CompileError("[ab") == "invalid regular expression: missing ']' at position 0");
  CHECK(CompileError("*a") == "invalid regular expression: nothing to repeat at position 0");
  CHECK(CompileError("a**") == "invalid regular expression: nothing to repeat at position 2");
  CHECK(CompileError(".*******") == "invalid regular expression: nothing to repeat at position 2");
  CHECK(CompileError("^*") == "invalid regular expression: nothing to repeat at position 1");
  CHECK(CompileError("{2}") == "invalid regular expression: nothing to repeat at position 0");
  CHECK(CompileError("a{3,2}") == "invalid regular expression: numbers out of order in {} quantifier at position 1");
  CHECK(CompileError("[z-a]") == "invalid regular expression: range out of order in character class at position 1");
  CHECK(CompileError("a\\") == "invalid regular expression: '\\' at end of pattern at position 1");
  CHECK(CompileError("\\q") == "invalid regular expression: invalid escape '\\q' at position 0");
  CHECK(CompileError("\\x4") == "invalid regular expression: invalid hexadecimal escape at position 0");
  CHECK(CompileError("(?x)") == "invalid regular expression: invalid group at position 0");
  CHECK(CompileError("\xC3\xA9(") == "invalid regular expression: missing ')' at position 1");  // code points
}

TEST_CASE("unsupported features are refused by name", "[regex][errors]") {
  CHECK(CompileError("(a)\\1") == "unsupported regular expression feature (backreference \\1) at position 3");
  CHECK(CompileError("a(?=b)") == "unsupported regular expression feature (lookahead) at position 1");
  CHECK(CompileError("(?!b)") == "unsupported regular expression feature (lookahead) at position 0");
  CHECK(CompileError("(?<=b)a") == "unsupported regular expression feature (lookbehind) at position 0");
  CHECK(CompileError("(?<n>a)") == "unsupported regular expression feature (named group) at position 0");
  CHECK(CompileError("\\k<n>") == "unsupported regular expression feature (named backreference \\k) at position 0");
  CHECK(CompileError("\\p{L}") == "unsupported regular expression feature (Unicode property escape) at position 0");
  CHECK(CompileError("\\01") == "unsupported regular expression feature (octal escape) at position 0");
}

TEST_CASE("pattern size bounds", "[regex][limits]") {
  std::string nested;
  for (int i = 0; i < pdex::regex::kMaxNesting; ++i) nested += '(';
  nested += 'a';
  for (int i = 0; i < pdex::regex::kMaxNesting; ++i) nested += ')';
  CHECK(CompileOk(nested).FullMatch("a") == kMatch);
  CHECK(CompileError("(" + nested + ")") == "invalid regular expression: groups nested deeper than 100 at position 100");
  CHECK(CompileError(std::string(100000, '(')).find("nested deeper") != std::string::npos);
  CHECK(CompileOk("a{1000}").FullMatch(std::string(1000, 'a')) == kMatch);
  CHECK(CompileError("a{1001}") == "invalid regular expression: repetition count above 1000 at position 1");
  CHECK(CompileError("(a{100}){101}").find("more than 10000 instructions after expanding repetitions") != std::string::npos);
  CHECK(CompileError("((a{1000}){1000}){1000}").find("more than 10000 instructions") != std::string::npos);
}
