// Sets of code points as sorted, disjoint ranges: literals, '.', [...] classes and \d \w \s.
#pragma once

#include <vector>

namespace pdex::regex {

struct CodePointRange {
  char32_t lo;
  char32_t hi;  // inclusive
};

class CharClass {
 public:
  static CharClass Single(char32_t c) { return Range(c, c); }
  static CharClass Range(char32_t lo, char32_t hi);
  static CharClass Any();
  static CharClass Digit();  // \d: [0-9]
  static CharClass Word();   // \w: [A-Za-z0-9_]
  static CharClass Space();  // \s: ECMAScript WhiteSpace and LineTerminator

  void Add(const CharClass& other);
  CharClass Negated() const;
  bool Contains(char32_t c) const;
  const std::vector<CodePointRange>& ranges() const { return ranges_; }

 private:
  void Normalize();  // sorts and merges overlapping or adjacent ranges
  std::vector<CodePointRange> ranges_;
};

// \b: ECMAScript word characters are ASCII only.
inline bool IsWordCharacter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace pdex::regex
