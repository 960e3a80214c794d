#include "regex/compiler.h"

#include <algorithm>
#include <string>

namespace pdex::regex {
namespace {

using Op = Inst::Op;

// The capture groups inside a subtree, as a range of group numbers (empty when lo > hi).
struct GroupRange {
  int lo = 1 << 30;
  int hi = 0;
};

void CollectGroups(const Node& node, GroupRange& range) {
  if (node.kind == Node::Kind::kCapture) {
    range.lo = std::min(range.lo, node.group);
    range.hi = std::max(range.hi, node.group);
  }
  for (const auto& child : node.children) CollectGroups(*child, range);
}

class Compiler {
 public:
  Compiler(Program& program, std::optional<CompileError>& error) : prog_(program), error_(error) {}

  void CompileNode(const Node& node) {
    if (error_) return;
    switch (node.kind) {
      case Node::Kind::kEmpty: return;
      case Node::Kind::kClass: return EmitClass(node);
      case Node::Kind::kBegin: Emit(Op::kBegin, node); return;
      case Node::Kind::kEnd: Emit(Op::kEnd, node); return;
      case Node::Kind::kWordBoundary: Emit(Op::kWordBoundary, node); return;
      case Node::Kind::kNotWordBoundary: Emit(Op::kNotWordBoundary, node); return;
      case Node::Kind::kCapture:
        Emit(Op::kSave, node, static_cast<std::uint32_t>(2 * node.group));
        CompileNode(*node.children.front());
        Emit(Op::kSave, node, static_cast<std::uint32_t>(2 * node.group + 1));
        return;
      case Node::Kind::kConcat:
        for (const auto& child : node.children) CompileNode(*child);
        return;
      case Node::Kind::kAlternate: return CompileAlternate(node);
      case Node::Kind::kRepeat: return CompileRepeat(node);
    }
  }

  std::size_t Emit(Op op, const Node& at, std::uint32_t x = 0, std::uint32_t y = 0) {
    if (prog_.code.size() >= kMaxProgramSize) {
      if (!error_) {
        error_ = CompileError{"invalid regular expression: more than " + std::to_string(kMaxProgramSize) +
                                  " instructions after expanding repetitions at position " + std::to_string(at.position),
                              at.position};
      }
      return prog_.code.size();
    }
    prog_.code.push_back(Inst{op, x, y});
    return prog_.code.size() - 1;
  }

 private:
  std::uint32_t Here() const { return static_cast<std::uint32_t>(prog_.code.size()); }

  // Split targets are patched once known; a refused (oversized) program is never run.
  void PatchX(std::size_t at, std::uint32_t target) {
    if (at < prog_.code.size()) prog_.code[at].x = target;
  }
  void PatchY(std::size_t at, std::uint32_t target) {
    if (at < prog_.code.size()) prog_.code[at].y = target;
  }

  void EmitClass(const Node& node) {
    const auto& ranges = node.cls.ranges();
    if (ranges.size() == 1 && ranges[0].lo == ranges[0].hi) {
      Emit(Op::kChar, node, static_cast<std::uint32_t>(ranges[0].lo));
    } else if (ranges.size() == 1 && ranges[0].lo == 0 && ranges[0].hi == CharClass::Any().ranges()[0].hi) {
      Emit(Op::kAny, node);
    } else {
      prog_.classes.push_back(node.cls);
      Emit(Op::kClass, node, static_cast<std::uint32_t>(prog_.classes.size() - 1));
    }
  }

  // split L1, next; L1: a; jmp end; next: split L2, next2; L2: b; jmp end; ... last alternative.
  void CompileAlternate(const Node& node) {
    std::vector<std::size_t> jumps_to_end;
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      if (i + 1 == node.children.size()) {
        CompileNode(*node.children[i]);
        break;
      }
      const std::size_t split = Emit(Op::kSplit, node);
      PatchX(split, Here());
      CompileNode(*node.children[i]);
      jumps_to_end.push_back(Emit(Op::kJmp, node));
      PatchY(split, Here());
    }
    for (std::size_t j : jumps_to_end) PatchX(j, Here());
  }

  // One pass through the repeated atom. ECMAScript resets the captures inside it first.
  void CompileIteration(const Node& node) {
    GroupRange groups;
    CollectGroups(*node.children.front(), groups);
    if (groups.lo <= groups.hi) {
      Emit(Op::kReset, node, static_cast<std::uint32_t>(2 * groups.lo), static_cast<std::uint32_t>(2 * groups.hi + 2));
    }
    CompileNode(*node.children.front());
  }

  // Greedy repetition prefers another iteration; lazy prefers stopping.
  void EmitPrioritySplit(const Node& node, std::size_t split, std::uint32_t repeat, std::uint32_t stop) {
    PatchX(split, node.greedy ? repeat : stop);
    PatchY(split, node.greedy ? stop : repeat);
  }

  // e{n,m}: n copies of e, then m-n optional copies nested (skipping one skips the rest);
  // e{n,}: n-1 copies then a loop "L: e; split L, out" (or "L: split body, out; body; jmp L" when n is 0).
  // A loop iteration that matches the empty string reaches L again at the same position, where the
  // VM drops it: this is ECMAScript's rule that such an iteration fails.
  void CompileRepeat(const Node& node) {
    if (node.max == Node::kUnbounded) {
      for (int i = 0; i + 1 < node.min && !error_; ++i) CompileIteration(node);
      if (node.min > 0) {
        const std::uint32_t loop = Here();
        CompileIteration(node);
        const std::size_t split = Emit(Op::kSplit, node);
        EmitPrioritySplit(node, split, loop, Here());
      } else {
        const std::uint32_t loop = Here();
        const std::size_t split = Emit(Op::kSplit, node);
        CompileIteration(node);
        Emit(Op::kJmp, node, loop);
        EmitPrioritySplit(node, split, loop + 1, Here());
      }
      return;
    }
    for (int i = 0; i < node.min && !error_; ++i) CompileIteration(node);
    std::vector<std::size_t> splits;
    for (int i = node.min; i < node.max && !error_; ++i) {
      splits.push_back(Emit(Op::kSplit, node));
      CompileIteration(node);
    }
    for (std::size_t split : splits) EmitPrioritySplit(node, split, static_cast<std::uint32_t>(split + 1), Here());
  }

  Program& prog_;
  std::optional<CompileError>& error_;
};

}  // namespace

Program CompileProgram(const Node& root, int captures, std::optional<CompileError>& error) {
  Program program;
  program.captures = captures;
  Compiler compiler(program, error);
  program.code.push_back(Inst{Op::kSave, 0, 0});
  compiler.CompileNode(root);
  program.code.push_back(Inst{Op::kSave, 1, 0});
  program.code.push_back(Inst{Op::kMatch, 0, 0});
  program.anchored = program.code[1].op == Op::kBegin;
  if (error) return Program{};
  return program;
}

}  // namespace pdex::regex
