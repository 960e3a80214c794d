#include "regex/parser.h"

#include <string>
#include <variant>

namespace pdex::regex {
namespace {

bool IsAsciiAlphanumeric(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

int HexValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

std::unique_ptr<Node> MakeNode(Node::Kind kind, std::size_t position) {
  auto node = std::make_unique<Node>(kind);
  node->position = position;
  return node;
}

// An escape or class atom denotes either one code point or a set (\d, \w, \s and negations).
using Atom = std::variant<char32_t, CharClass>;

class Parser {
 public:
  explicit Parser(const std::vector<char32_t>& pattern) : p_(pattern) {}

  ParsedPattern Run() {
    ParsedPattern out;
    auto root = ParseDisjunction();
    if (!error_ && pos_ < p_.size()) Fail("unmatched ')'", pos_);  // only ')' stops a top-level disjunction
    if (error_) {
      out.error = std::move(error_);
      return out;
    }
    out.root = std::move(root);
    out.captures = captures_;
    return out;
  }

 private:
  bool AtEnd() const { return pos_ >= p_.size(); }
  char32_t Peek(std::size_t ahead = 0) const { return pos_ + ahead < p_.size() ? p_[pos_ + ahead] : 0; }
  bool Has(std::size_t ahead) const { return pos_ + ahead < p_.size(); }

  std::nullptr_t Fail(const std::string& what, std::size_t at) {
    if (!error_) error_ = CompileError{"invalid regular expression: " + what + " at position " + std::to_string(at), at};
    return nullptr;
  }
  std::nullptr_t Unsupported(const std::string& feature, std::size_t at) {
    if (!error_) {
      error_ = CompileError{"unsupported regular expression feature " + feature + " at position " + std::to_string(at), at};
    }
    return nullptr;
  }

  std::unique_ptr<Node> ParseDisjunction() {
    const std::size_t start = pos_;
    auto first = ParseAlternative();
    if (!first || AtEnd() || Peek() != '|') return first;
    auto alternation = MakeNode(Node::Kind::kAlternate, start);
    alternation->children.push_back(std::move(first));
    while (!AtEnd() && Peek() == '|') {
      ++pos_;
      auto next = ParseAlternative();
      if (!next) return nullptr;
      alternation->children.push_back(std::move(next));
    }
    return alternation;
  }

  std::unique_ptr<Node> ParseAlternative() {
    auto concat = MakeNode(Node::Kind::kConcat, pos_);
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      auto term = ParseTerm();
      if (!term) return nullptr;
      concat->children.push_back(std::move(term));
    }
    if (concat->children.size() == 1) return std::move(concat->children.front());
    if (concat->children.empty()) return MakeNode(Node::Kind::kEmpty, concat->position);
    return concat;
  }

  std::unique_ptr<Node> ParseTerm() {
    const std::size_t start = pos_;
    bool quantifiable = true;
    auto atom = ParseAtom(quantifiable);
    if (!atom) return nullptr;
    int min = 0, max = 0;
    const std::size_t quantifier_at = pos_;
    if (!ParseQuantifier(min, max)) return error_ ? nullptr : std::move(atom);
    if (!quantifiable) return Fail("nothing to repeat", quantifier_at);
    auto repeat = MakeNode(Node::Kind::kRepeat, start);
    repeat->min = min;
    repeat->max = max;
    if (!AtEnd() && Peek() == '?') {
      repeat->greedy = false;
      ++pos_;
    }
    repeat->children.push_back(std::move(atom));
    return repeat;
  }

  // Consumes * + ? {n} {n,} {n,m} when present. A '{' that does not form a quantifier is left to
  // be read as a literal, as ECMAScript's web-compatibility grammar (Annex B) reads it.
  bool ParseQuantifier(int& min, int& max) {
    if (AtEnd()) return false;
    switch (Peek()) {
      case '*': ++pos_, min = 0, max = Node::kUnbounded; return true;
      case '+': ++pos_, min = 1, max = Node::kUnbounded; return true;
      case '?': ++pos_, min = 0, max = 1; return true;
      case '{': return ParseBraces(min, max);
      default: return false;
    }
  }

  bool ParseBraces(int& min, int& max) {
    const std::size_t start = pos_;
    std::size_t i = pos_ + 1;
    auto number = [&](long& value) {
      const std::size_t first = i;
      value = 0;
      while (i < p_.size() && p_[i] >= '0' && p_[i] <= '9') {
        if (value <= kMaxRepeatCount) value = value * 10 + static_cast<long>(p_[i] - '0');
        ++i;
      }
      return i > first;
    };
    long lo = 0, hi = 0;
    if (!number(lo)) return false;
    if (i < p_.size() && p_[i] == ',') {
      ++i;
      if (!number(hi)) hi = Node::kUnbounded;
    } else {
      hi = lo;
    }
    if (i >= p_.size() || p_[i] != '}') return false;
    pos_ = i + 1;
    if (lo > kMaxRepeatCount || hi > kMaxRepeatCount) {
      Fail("repetition count above " + std::to_string(kMaxRepeatCount), start);
      return false;
    }
    if (hi != Node::kUnbounded && hi < lo) {
      Fail("numbers out of order in {} quantifier", start);
      return false;
    }
    min = static_cast<int>(lo);
    max = static_cast<int>(hi);
    return true;
  }

  bool BracesFormQuantifier() {
    const std::size_t saved = pos_;
    int min = 0, max = 0;
    const bool is_quantifier = ParseBraces(min, max) || error_;
    pos_ = saved;
    error_.reset();
    return is_quantifier;
  }

  std::unique_ptr<Node> ParseAtom(bool& quantifiable) {
    const std::size_t start = pos_;
    const char32_t c = Peek();
    switch (c) {
      case '^': ++pos_, quantifiable = false; return MakeNode(Node::Kind::kBegin, start);
      case '$': ++pos_, quantifiable = false; return MakeNode(Node::Kind::kEnd, start);
      case '.': {
        ++pos_;
        auto node = MakeNode(Node::Kind::kClass, start);
        node->cls = CharClass::Any();  // single-line mode: line terminators included
        return node;
      }
      case '(': return ParseGroup();
      case '[': return ParseClass();
      case '*':
      case '+':
      case '?': return Fail("nothing to repeat", start);
      case '{':
        if (BracesFormQuantifier()) return Fail("nothing to repeat", start);
        break;
      case '\\': return ParseAtomEscape(quantifiable);
      default: break;
    }
    ++pos_;
    auto node = MakeNode(Node::Kind::kClass, start);
    node->cls = CharClass::Single(c);
    return node;
  }

  std::unique_ptr<Node> ParseGroup() {
    const std::size_t start = pos_;
    if (depth_ == kMaxNesting) return Fail("groups nested deeper than " + std::to_string(kMaxNesting), start);
    ++pos_;  // '('
    int group = 0;
    if (Peek() == '?') {
      if (Peek(1) == ':') {
        pos_ += 2;
      } else if (Peek(1) == '=' || Peek(1) == '!') {
        return Unsupported("(lookahead)", start);
      } else if (Peek(1) == '<' && (Peek(2) == '=' || Peek(2) == '!')) {
        return Unsupported("(lookbehind)", start);
      } else if (Peek(1) == '<') {
        return Unsupported("(named group)", start);
      } else {
        return Fail("invalid group", start);
      }
    } else {
      group = ++captures_;
    }
    ++depth_;
    auto body = ParseDisjunction();
    --depth_;
    if (!body) return nullptr;
    if (AtEnd()) return Fail("missing ')'", start);
    ++pos_;  // ')'
    if (group == 0) return body;
    auto capture = MakeNode(Node::Kind::kCapture, start);
    capture->group = group;
    capture->children.push_back(std::move(body));
    return capture;
  }

  std::unique_ptr<Node> ParseAtomEscape(bool& quantifiable) {
    const std::size_t start = pos_;
    if (Peek(1) == 'b' || Peek(1) == 'B') {
      pos_ += 2;
      quantifiable = false;
      return MakeNode(p_[start + 1] == 'b' ? Node::Kind::kWordBoundary : Node::Kind::kNotWordBoundary, start);
    }
    auto atom = ParseEscape(false);
    if (!atom) return nullptr;
    auto node = MakeNode(Node::Kind::kClass, start);
    if (const char32_t* single = std::get_if<char32_t>(&*atom)) node->cls = CharClass::Single(*single);
    else node->cls = std::get<CharClass>(*atom);
    return node;
  }

  // After '\\' at pos_: the escaped code point or set; nullopt (with error_ set) when invalid.
  std::optional<Atom> ParseEscape(bool in_class) {
    const std::size_t start = pos_;
    if (!Has(1)) {
      Fail("'\\' at end of pattern", start);
      return std::nullopt;
    }
    const char32_t c = p_[pos_ + 1];
    pos_ += 2;
    switch (c) {
      case 'd': return CharClass::Digit();
      case 'D': return CharClass::Digit().Negated();
      case 'w': return CharClass::Word();
      case 'W': return CharClass::Word().Negated();
      case 's': return CharClass::Space();
      case 'S': return CharClass::Space().Negated();
      case 't': return char32_t{'\t'};
      case 'n': return char32_t{'\n'};
      case 'r': return char32_t{'\r'};
      case 'f': return char32_t{'\f'};
      case 'v': return char32_t{'\v'};
      case 'b':
        if (in_class) return char32_t{0x08};  // [\b] is backspace
        break;
      case '0':
        if (AtEnd() || Peek() < '0' || Peek() > '9') return char32_t{0};
        Unsupported("(octal escape)", start);
        return std::nullopt;
      case 'c':
        if (!AtEnd() && ((Peek() >= 'a' && Peek() <= 'z') || (Peek() >= 'A' && Peek() <= 'Z'))) return char32_t{p_[pos_++] % 32};
        break;
      case 'x': return ParseHex(2, start);
      case 'u': return ParseUnicodeEscape(start);
      case 'k': Unsupported("(named backreference \\k)", start); return std::nullopt;
      case 'p':
      case 'P': Unsupported("(Unicode property escape)", start); return std::nullopt;
      default:
        if (c >= '1' && c <= '9') {
          Unsupported(std::string("(backreference \\") + static_cast<char>(c) + ")", start);
          return std::nullopt;
        }
        if (!IsAsciiAlphanumeric(c)) return c;  // escaped punctuation and other identity escapes
        break;
    }
    Fail(std::string("invalid escape '\\") + static_cast<char>(c) + "'", start);
    return std::nullopt;
  }

  std::optional<Atom> ParseHex(int digits, std::size_t start) {
    char32_t value = 0;
    for (int k = 0; k < digits; ++k) {
      const int h = HexValue(Peek());
      if (AtEnd() || h < 0) {
        Fail("invalid hexadecimal escape", start);
        return std::nullopt;
      }
      value = value * 16 + static_cast<char32_t>(h);
      ++pos_;
    }
    return value;
  }

  // \uXXXX; a UTF-16 surrogate pair written as two escapes is one code point.
  std::optional<Atom> ParseUnicodeEscape(std::size_t start) {
    auto high = ParseHex(4, start);
    if (!high) return std::nullopt;
    const char32_t h = std::get<char32_t>(*high);
    if (h >= 0xD800 && h <= 0xDBFF && Peek() == '\\' && Peek(1) == 'u') {
      const std::size_t saved = pos_;
      pos_ += 2;
      auto low = ParseHex(4, saved);
      if (low && std::get<char32_t>(*low) >= 0xDC00 && std::get<char32_t>(*low) <= 0xDFFF) {
        return 0x10000 + ((h - 0xD800) << 10) + (std::get<char32_t>(*low) - 0xDC00);
      }
      error_.reset();
      pos_ = saved;
    }
    return h;
  }

  std::unique_ptr<Node> ParseClass() {
    const std::size_t start = pos_;
    ++pos_;  // '['
    bool negate = false;
    if (Peek() == '^') {
      negate = true;
      ++pos_;
    }
    CharClass cls;
    while (true) {
      if (AtEnd()) return Fail("missing ']'", start);
      if (Peek() == ']') break;
      const std::size_t lo_at = pos_;
      auto lo = ParseClassAtom();
      if (!lo) return nullptr;
      if (Peek() == '-' && Has(1) && Peek(1) != ']') {
        ++pos_;
        auto hi = ParseClassAtom();
        if (!hi) return nullptr;
        const char32_t* a = std::get_if<char32_t>(&*lo);
        const char32_t* b = std::get_if<char32_t>(&*hi);
        if (a && b) {
          if (*a > *b) return Fail("range out of order in character class", lo_at);
          cls.Add(CharClass::Range(*a, *b));
        } else {  // Annex B: a set at either end makes '-' a literal
          AddAtom(cls, *lo);
          cls.Add(CharClass::Single('-'));
          AddAtom(cls, *hi);
        }
      } else {
        AddAtom(cls, *lo);
      }
    }
    ++pos_;  // ']'
    auto node = MakeNode(Node::Kind::kClass, start);
    node->cls = negate ? cls.Negated() : std::move(cls);
    return node;
  }

  std::optional<Atom> ParseClassAtom() {
    if (Peek() == '\\') {
      if (Peek(1) == 'B') {
        Fail("invalid escape '\\B' in character class", pos_);
        return std::nullopt;
      }
      return ParseEscape(true);
    }
    return p_[pos_++];
  }

  static void AddAtom(CharClass& cls, const Atom& atom) {
    if (const char32_t* single = std::get_if<char32_t>(&atom)) cls.Add(CharClass::Single(*single));
    else cls.Add(std::get<CharClass>(atom));
  }

  const std::vector<char32_t>& p_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  int captures_ = 0;
  std::optional<CompileError> error_;
};

}  // namespace

ParsedPattern Parse(const std::vector<char32_t>& pattern) { return Parser(pattern).Run(); }

}  // namespace pdex::regex
