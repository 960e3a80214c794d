#include "regex/vm.h"

#include "regex/utf8.h"

#include <algorithm>
#include <string>

namespace pdex::regex {
namespace {

using Op = Inst::Op;
constexpr std::size_t kUnset = std::string::npos;

// The threads of one step: a sparse set of instruction indexes in priority order, each with its
// capture slots. Every instruction reached in the step is recorded, so each is entered once.
class ThreadList {
 public:
  // Sizes the list for a run; storage is kept between runs (stale entries are never read).
  void Reset(std::size_t program_size, std::size_t slots) {
    slots_ = slots;
    size_ = 0;
    if (sparse_.size() < program_size) sparse_.resize(program_size), dense_.resize(program_size);
    if (captures_.size() < program_size * slots) captures_.resize(program_size * slots);
  }

  bool Contains(std::uint32_t pc) const { return sparse_[pc] < size_ && dense_[sparse_[pc]] == pc; }
  std::size_t Insert(std::uint32_t pc) {
    sparse_[pc] = static_cast<std::uint32_t>(size_);
    dense_[size_] = pc;
    return size_++;
  }
  void Clear() { size_ = 0; }
  std::size_t size() const { return size_; }
  std::uint32_t pc(std::size_t i) const { return dense_[i]; }
  std::size_t* captures(std::size_t i) { return captures_.data() + i * slots_; }

 private:
  std::size_t slots_ = 0;
  std::size_t size_ = 0;
  std::vector<std::uint32_t> sparse_;
  std::vector<std::uint32_t> dense_;
  std::vector<std::size_t> captures_;
};

// What the assertions need to know about the position a thread is added at.
struct Position {
  std::size_t offset;
  bool at_start;
  bool at_end;
  bool after_word;   // the previous code point is a word character
  bool before_word;  // the next code point is a word character
};

constexpr std::uint32_t kNoSlot = 0xFFFFFFFF;
struct StackEntry {
  std::uint32_t pc;
  std::uint32_t slot;  // kNoSlot: explore pc; otherwise restore the capture slot to `value`
  std::size_t value;
};

// Working storage, reused by the runs of a thread (validation matches the same few patterns
// against many short strings, where allocating per run would dominate).
struct Workspace {
  ThreadList current;
  ThreadList next;
  std::vector<std::size_t> scratch;
  std::vector<StackEntry> stack;
};

class Machine {
 public:
  Machine(const Program& program, std::string_view subject, const RunOptions& options, std::uint64_t& budget,
          Workspace& workspace)
      : prog_(program),
        subject_(subject),
        options_(options),
        budget_(budget),
        slots_(options.need_captures ? static_cast<std::size_t>(2 * (program.captures + 1)) : 0),
        current_(workspace.current),
        next_(workspace.next),
        scratch_(workspace.scratch),
        stack_(workspace.stack) {
    current_.Reset(program.code.size(), slots_);
    next_.Reset(program.code.size(), slots_);
    scratch_.resize(slots_);
  }

  RunStatus Run(std::size_t from, std::vector<std::size_t>& match) {
    bool matched = false;
    std::size_t pos = from;
    // \b only looks at ASCII word characters, and a byte >= 0x80 never belongs to one.
    bool after_word = from > 0 && IsWordCharacter(static_cast<unsigned char>(subject_[from - 1]));
    DecodedCodePoint here = Decode(pos);
    while (true) {
      const bool at_end = pos >= subject_.size();
      const DecodedCodePoint after = at_end ? DecodedCodePoint{0, 0} : Decode(pos + here.length);
      if (!matched && (pos == from || !(options_.anchor_start || prog_.anchored))) {
        std::fill(scratch_.begin(), scratch_.end(), kUnset);
        AddThread(current_, 0, Position{pos, pos == 0, at_end, after_word, !at_end && IsWordCharacter(here.code_point)});
      }
      if (over_budget_) return RunStatus::kOverBudget;
      if (current_.size() == 0) break;
      next_.Clear();
      const Position next_position{pos + here.length, false, pos + here.length >= subject_.size(),
                                   !at_end && IsWordCharacter(here.code_point),
                                   pos + here.length < subject_.size() && IsWordCharacter(after.code_point)};
      for (std::size_t i = 0; i < current_.size(); ++i) {
        const Inst& inst = prog_.code[current_.pc(i)];
        bool consumes = false;
        switch (inst.op) {
          case Op::kMatch:
            if (options_.anchor_end && !at_end) continue;
            match.assign(current_.captures(i), current_.captures(i) + slots_);
            matched = true;
            if (!options_.need_captures) return RunStatus::kMatch;
            i = current_.size();  // lower-priority threads are cut off
            continue;
          case Op::kChar: consumes = !at_end && here.code_point == inst.x; break;
          case Op::kAny: consumes = !at_end; break;
          case Op::kClass: consumes = !at_end && prog_.classes[inst.x].Contains(here.code_point); break;
          default: continue;  // epsilon instructions were followed when the thread was added
        }
        if (!consumes) continue;
        std::copy(current_.captures(i), current_.captures(i) + slots_, scratch_.begin());
        AddThread(next_, current_.pc(i) + 1, next_position);
      }
      if (over_budget_) return RunStatus::kOverBudget;  // not every thread of this step got through
      if (at_end) break;
      std::swap(current_, next_);
      after_word = next_position.after_word;
      pos += here.length;
      here = after;
    }
    return matched ? RunStatus::kMatch : RunStatus::kNoMatch;
  }

 private:
  DecodedCodePoint Decode(std::size_t pos) const {
    return pos < subject_.size() ? DecodeUtf8(subject_, pos) : DecodedCodePoint{0, 0};
  }

  // Adds the thread at `pc` (captures in scratch_) and everything reachable from it without
  // consuming input, highest priority first. Explicit stack: "restore slot" entries undo a kSave
  // or kReset before the lower-priority branch pushed earlier is explored.
  void AddThread(ThreadList& list, std::uint32_t start_pc, const Position& at) {
    stack_.clear();
    stack_.push_back({start_pc, kNoSlot, 0});
    while (!stack_.empty()) {
      const StackEntry entry = stack_.back();
      stack_.pop_back();
      if (entry.slot != kNoSlot) {
        scratch_[entry.slot] = entry.value;
        continue;
      }
      std::uint32_t pc = entry.pc;
      while (!list.Contains(pc)) {
        if (budget_ == 0) {
          over_budget_ = true;
          return;
        }
        --budget_;
        const std::size_t index = list.Insert(pc);
        const Inst& inst = prog_.code[pc];
        bool follow = true;
        switch (inst.op) {
          case Op::kJmp: pc = inst.x; continue;
          case Op::kSplit:
            stack_.push_back({inst.y, kNoSlot, 0});
            pc = inst.x;
            continue;
          case Op::kSave: SetSlot(inst.x, at.offset); break;
          case Op::kReset:
            for (std::uint32_t slot = inst.x; slot < inst.y; ++slot) SetSlot(slot, kUnset);
            break;
          case Op::kBegin: follow = at.at_start; break;
          case Op::kEnd: follow = at.at_end; break;
          case Op::kWordBoundary: follow = at.after_word != at.before_word; break;
          case Op::kNotWordBoundary: follow = at.after_word == at.before_word; break;
          case Op::kChar:
          case Op::kAny:
          case Op::kClass:
          case Op::kMatch:
            std::copy(scratch_.begin(), scratch_.end(), list.captures(index));
            follow = false;
            break;
        }
        if (!follow) break;
        ++pc;
      }
    }
  }

  void SetSlot(std::uint32_t slot, std::size_t value) {
    if (slot >= slots_) return;  // captures not wanted
    stack_.push_back({0, slot, scratch_[slot]});
    scratch_[slot] = value;
  }

  const Program& prog_;
  std::string_view subject_;
  RunOptions options_;
  std::uint64_t& budget_;
  bool over_budget_ = false;
  std::size_t slots_;
  ThreadList& current_;
  ThreadList& next_;
  std::vector<std::size_t>& scratch_;
  std::vector<StackEntry>& stack_;
};

}  // namespace

RunStatus Run(const Program& program, std::string_view subject, std::size_t from, const RunOptions& options,
              std::uint64_t& budget, std::vector<std::size_t>& slots) {
  if (from > subject.size()) return RunStatus::kNoMatch;
  const std::uint64_t setup = program.code.size();
  if (budget < setup) return RunStatus::kOverBudget;
  budget -= setup;
  thread_local Workspace workspace;
  return Machine(program, subject, options, budget, workspace).Run(from, slots);
}

}  // namespace pdex::regex
