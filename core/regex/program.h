// The compiled form of a pattern: instructions for the Pike VM (see Russ Cox, "Regular Expression
// Matching: the Virtual Machine Approach"). Capture slots: 2g is the start and 2g+1 the end of group g.
#pragma once

#include "regex/char_class.h"

#include <cstdint>
#include <vector>

namespace pdex::regex {

struct Inst {
  enum class Op : std::uint8_t {
    kChar,             // consume code point x
    kAny,              // consume any code point
    kClass,            // consume a code point in classes[x]
    kSplit,            // continue at x, and at y with lower priority
    kJmp,              // continue at x
    kSave,             // capture slot x = current position
    kReset,            // capture slots [x, y) = unset (start of a repetition of a group)
    kBegin,            // assert start of subject
    kEnd,              // assert end of subject
    kWordBoundary,     // assert \b
    kNotWordBoundary,  // assert \B
    kMatch,
  };
  Op op;
  std::uint32_t x = 0;
  std::uint32_t y = 0;
};

struct Program {
  std::vector<Inst> code;
  std::vector<CharClass> classes;
  int captures = 0;  // groups 1..captures; group 0 is the whole match
  bool anchored = false;  // starts with ^: a match can only start at the start of the subject
};

}  // namespace pdex::regex
