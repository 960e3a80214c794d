// A recursive-descent recognizer for the ECL 2.x grammar subset described in ecl.h (SNOMED
// International, "Expression Constraint Language - Specification and Guide", ABNF in chapter 5).
// The ambiguity of a refinement starting with '(' (a bracketed refinement, or an attribute whose
// name is a bracketed constraint) is resolved by trying the first reading and backtracking; the
// outcome of each sub-refinement is remembered by position, so nested brackets are parsed once each
// (no exponential backtracking).
#include "terminology/ecl.h"

#include <array>
#include <cctype>
#include <unordered_map>
#include <utility>

namespace pdex::terminology {
namespace {

enum class Join { kNone, kAnd, kOr, kMinus };

class EclParser {
 public:
  explicit EclParser(std::string_view text) : text_(text) {}

  std::string Run() {
    if (text_.size() > kMaxEclLength) {
      return "expression longer than " + std::to_string(kMaxEclLength) + " characters";
    }
    ExpressionConstraint();
    Ws();
    if (ok() && pos_ < text_.size()) Fail();
    return error_;
  }

 private:
  // Counts nesting for the scope's lifetime; past kMaxEclNesting the parse fails.
  class Nesting {
   public:
    explicit Nesting(EclParser& parser) : parser_(parser) {
      if (++parser_.depth_ > kMaxEclNesting && parser_.ok()) {
        parser_.error_ = "expression nested deeper than " + std::to_string(kMaxEclNesting) + " levels";
        parser_.too_deep_ = true;  // final: backtracking does not retry
      }
    }
    ~Nesting() { --parser_.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    EclParser& parser_;
  };

  bool ok() const { return error_.empty(); }
  char Peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  void Fail(std::string what = {}) {
    if (!ok()) return;
    if (pos_ >= text_.size()) {
      error_ = "unexpected end of the expression";
      return;
    }
    if (what.empty()) {
      std::size_t end = pos_;
      while (end < text_.size() && end - pos_ < 20 && !IsSpace(text_[end])) ++end;
      what = "unexpected '" + std::string(text_.substr(pos_, end - pos_)) + "'";
    }
    error_ = what + " at character " + std::to_string(pos_ + 1);
  }

  // Whitespace and /* comments */.
  void Ws() {
    while (ok() && pos_ < text_.size()) {
      if (IsSpace(text_[pos_])) {
        ++pos_;
      } else if (text_.substr(pos_, 2) == "/*") {
        const std::size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) return Fail("unterminated comment");
        pos_ = close + 2;
      } else {
        return;
      }
    }
  }

  bool Match(std::string_view token) {
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }

  // After optional whitespace, a section from `open` to the next `close` (a |term|, a {{ filter }}, a
  // [member field list]), stepped over unread. False, with the position unchanged, when there is none;
  // false after Fail when it is not closed.
  bool SkipEnclosed(std::string_view open, std::string_view close, const char* unterminated) {
    const std::size_t before = pos_;
    Ws();
    if (!Match(open)) {
      pos_ = before;
      return false;
    }
    const std::size_t end = text_.find(close, pos_);
    if (end == std::string_view::npos) {
      Fail(unterminated);
      return false;
    }
    pos_ = end + close.size();
    return true;
  }

  // A keyword, case-insensitive, not followed by a letter or digit.
  bool MatchWord(std::string_view word) {
    if (text_.size() - pos_ < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(text_[pos_ + i])) != std::tolower(static_cast<unsigned char>(word[i]))) {
        return false;
      }
    }
    if (std::isalnum(static_cast<unsigned char>(Peek(word.size()))) != 0) return false;
    pos_ += word.size();
    return true;
  }

  void Expect(char c) {
    if (Peek() == c) {
      ++pos_;
    } else {
      Fail();
    }
  }

  // expressionConstraint: refined, dotted, compound or a single sub-expression constraint.
  void ExpressionConstraint() {
    const Nesting nesting(*this);
    Ws();
    SubExpression();
    Ws();
    if (!ok()) return;
    if (Match(":")) {
      Ws();
      Refinement();
      return;
    }
    if (Peek() == '.') {
      while (ok() && Match(".")) {
        Ws();
        SubExpression();
        Ws();
      }
      return;
    }
    Join join = Join::kNone;
    while (ok()) {
      const std::size_t at = pos_;
      const Join next = BinaryOperator();
      if (next == Join::kNone) break;
      if (join != Join::kNone && (next != join || next == Join::kMinus)) {
        pos_ = at;
        return Fail("AND, OR and MINUS cannot be combined without brackets");
      }
      join = next;
      Ws();
      SubExpression();
      Ws();
    }
  }

  Join BinaryOperator() {
    if (Match(",") || MatchWord("AND")) return Join::kAnd;
    if (MatchWord("OR")) return Join::kOr;
    if (MatchWord("MINUS")) return Join::kMinus;
    return Join::kNone;
  }

  void ConstraintOperator() {
    static constexpr std::array<std::string_view, 10> kSymbols = {"<<!", "<<", "<!", "<", ">>!", ">>", ">!", ">", "!!<", "!!>"};
    static constexpr std::array<std::string_view, 8> kWords = {"descendantOrSelfOf", "descendantOf", "childOrSelfOf",
                                                               "childOf", "ancestorOrSelfOf", "ancestorOf",
                                                               "parentOrSelfOf", "parentOf"};
    for (const std::string_view symbol : kSymbols) {
      if (Match(symbol)) return;
    }
    for (const std::string_view word : kWords) {
      if (MatchWord(word)) return;
    }
  }

  // subExpressionConstraint: [operator] [memberOf] (concept | wildcard | '(' expression ')') [filters].
  void SubExpression() {
    const Nesting nesting(*this);
    if (!ok()) return;
    ConstraintOperator();
    Ws();
    if (Match("^")) {
      if (!SkipEnclosed("[", "]", "unterminated member field list") && !ok()) return;
      Ws();
    }
    if (Match("(")) {
      ExpressionConstraint();
      Ws();
      Expect(')');
    } else if (!Match("*") && !MatchWord("ANY")) {
      ConceptReference();
    }
    // Filter constraints {{ ... }}, any number of them.
    while (ok() && SkipEnclosed("{{", "}}", "unterminated filter")) {
    }
  }

  // A SNOMED CT identifier (6 to 18 digits, no leading zero) with an optional |term|.
  void ConceptReference() {
    const std::size_t start = pos_;
    while (IsDigit(Peek())) ++pos_;
    const std::size_t length = pos_ - start;
    if (length < 6 || length > 18 || text_[start] == '0') {
      pos_ = start;
      return Fail();
    }
    SkipEnclosed("|", "|", "unterminated term");
  }

  // eclRefinement / eclAttributeSet: sub-refinements joined by AND, ',' or OR (not mixed).
  void Refinement() {
    SubRefinement();
    Ws();
    Join join = Join::kNone;
    while (ok()) {
      const std::size_t at = pos_;
      const Join next = BinaryOperator();
      if (next == Join::kNone) break;
      if (next == Join::kMinus || (join != Join::kNone && next != join)) {
        pos_ = at;
        return Fail(next == Join::kMinus ? "MINUS is not allowed in a refinement"
                                         : "AND and OR cannot be combined without brackets");
      }
      join = next;
      Ws();
      SubRefinement();
      Ws();
    }
  }

  void SubRefinement() {
    if (!ok()) return;
    const std::size_t start = pos_;
    if (const auto known = sub_refinements_.find(start); known != sub_refinements_.end()) {
      pos_ = known->second.first;
      error_ = known->second.second;
      return;
    }
    ParseSubRefinement();
    sub_refinements_.emplace(start, std::make_pair(pos_, error_));
  }

  void ParseSubRefinement() {
    const Nesting nesting(*this);
    if (!ok()) return;
    if (Peek() == '(') {  // '(' refinement ')', or an attribute whose name is bracketed
      const std::size_t start = pos_;
      ++pos_;
      Ws();
      Refinement();
      Ws();
      Expect(')');
      if (ok() || too_deep_) return;
      pos_ = start;
      error_.clear();
      return Attribute();
    }
    if (Match("[")) Cardinality();
    Ws();
    if (Match("{")) {  // attribute group
      Ws();
      Refinement();
      Ws();
      Expect('}');
      return;
    }
    Attribute();
  }

  // '[' already read: min '..' (max | '*') ']'
  void Cardinality() {
    Ws();
    if (!IsDigit(Peek())) return Fail();
    while (IsDigit(Peek())) ++pos_;
    Ws();
    if (!Match("..")) return Fail();
    Ws();
    if (!Match("*")) {
      if (!IsDigit(Peek())) return Fail();
      while (IsDigit(Peek())) ++pos_;
    }
    Ws();
    Expect(']');
  }

  // [cardinality] [R] name comparison value
  void Attribute() {
    if (Match("[")) Cardinality();
    Ws();
    if (Peek() == 'R' && IsSpace(Peek(1))) {  // reverse flag
      ++pos_;
      Ws();
    }
    SubExpression();
    Ws();
    if (!ok()) return;
    if (Match("!=") || Match("=")) {
      Ws();
      return Value();
    }
    if (Match("<=") || Match(">=") || Match("<") || Match(">")) {
      Ws();
      if (!Match("#")) return Fail();
      return Number();
    }
    Fail();
  }

  void Value() {
    if (Match("#")) return Number();
    if (Match("\"")) {
      while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
      if (pos_ >= text_.size()) return Fail("unterminated string");
      ++pos_;
      return;
    }
    if (MatchWord("true") || MatchWord("false")) return;
    SubExpression();
  }

  void Number() {
    if (Peek() == '+' || Peek() == '-') ++pos_;
    if (!IsDigit(Peek())) return Fail();
    while (IsDigit(Peek())) ++pos_;
    if (Peek() == '.' && IsDigit(Peek(1))) {
      ++pos_;
      while (IsDigit(Peek())) ++pos_;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  bool too_deep_ = false;
  std::string error_;
  std::unordered_map<std::size_t, std::pair<std::size_t, std::string>> sub_refinements_;  // start -> (end, error)
};

}  // namespace

std::string EclSyntaxError(std::string_view expression) { return EclParser(expression).Run(); }

}  // namespace pdex::terminology
