// The parsed form of a pattern, produced by parser.cpp and compiled to a program by compiler.cpp.
#pragma once

#include "regex/char_class.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace pdex::regex {

struct Node {
  enum class Kind {
    kEmpty,            // matches the empty string
    kClass,            // one code point from `cls` (literals are single-code-point classes)
    kBegin,            // ^ (no multiline mode: start of subject)
    kEnd,              // $ (end of subject)
    kWordBoundary,     // \b
    kNotWordBoundary,  // \B
    kCapture,          // ( children[0] ), capture index `group`
    kConcat,           // children in sequence
    kAlternate,        // children in priority order
    kRepeat,           // children[0] repeated min..max times (max < 0: unbounded)
  };
  static constexpr int kUnbounded = -1;

  explicit Node(Kind k) : kind(k) {}

  Kind kind;
  std::size_t position = 0;  // code point index in the pattern, for errors found while compiling
  CharClass cls;
  int group = 0;
  int min = 0;
  int max = kUnbounded;
  bool greedy = true;
  std::vector<std::unique_ptr<Node>> children;
};

}  // namespace pdex::regex
