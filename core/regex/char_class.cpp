#include "regex/char_class.h"

#include <algorithm>

namespace pdex::regex {
namespace {
constexpr char32_t kMaxCodePoint = 0x10FFFF;
}

CharClass CharClass::Range(char32_t lo, char32_t hi) {
  CharClass c;
  c.ranges_.push_back({lo, hi});
  return c;
}

CharClass CharClass::Any() { return Range(0, kMaxCodePoint); }

CharClass CharClass::Digit() { return Range('0', '9'); }

CharClass CharClass::Word() {
  CharClass c;
  c.ranges_ = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
  return c;
}

CharClass CharClass::Space() {
  CharClass c;
  c.ranges_ = {{0x09, 0x0D}, {0x20, 0x20},     {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A},
               {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
  return c;
}

void CharClass::Add(const CharClass& other) {
  ranges_.insert(ranges_.end(), other.ranges_.begin(), other.ranges_.end());
  Normalize();
}

CharClass CharClass::Negated() const {
  CharClass out;
  char32_t next = 0;  // first code point not yet covered
  for (const CodePointRange& r : ranges_) {
    if (r.lo > next) out.ranges_.push_back({next, r.lo - 1});
    next = r.hi + 1;
  }
  if (ranges_.empty() || ranges_.back().hi < kMaxCodePoint) out.ranges_.push_back({next, kMaxCodePoint});
  return out;
}

bool CharClass::Contains(char32_t c) const {
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), c, [](char32_t v, const CodePointRange& r) { return v < r.lo; });
  return it != ranges_.begin() && c <= std::prev(it)->hi;
}

void CharClass::Normalize() {
  std::sort(ranges_.begin(), ranges_.end(), [](const CodePointRange& a, const CodePointRange& b) { return a.lo < b.lo; });
  std::vector<CodePointRange> merged;
  for (const CodePointRange& r : ranges_) {
    if (!merged.empty() && r.lo <= merged.back().hi + 1) merged.back().hi = std::max(merged.back().hi, r.hi);
    else merged.push_back(r);
  }
  ranges_ = std::move(merged);
}

}  // namespace pdex::regex
