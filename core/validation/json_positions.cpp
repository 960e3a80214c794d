#include "validation/json_positions.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace pdex::validation {
namespace {

struct Position {
  int line = 1;
  int column = 1;
};

// `_given` is reported as `given` when validating the primitive's extensions: the path with the
// underscore of its last property name dropped, or empty when that name has none.
std::string WithoutUnderscore(const std::string& path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || dot + 1 >= path.size() || path[dot + 1] != '_') return {};
  return path.substr(0, dot + 1) + path.substr(dot + 2);
}

// Recursive-descent scan of well-formed JSON, recording the byte offset where each value in
// `wanted` starts (by path). Subtrees holding none of them are only stepped over, and the scan stops
// once every path in `exact` has been found (the enclosing values are only fallbacks for the others).
class Scanner {
 public:
  Scanner(std::string_view text, const std::unordered_set<std::string>& wanted,
          const std::unordered_set<std::string>& exact, std::unordered_map<std::string, std::size_t>& out)
      : text_(text), wanted_(wanted), exact_(exact), out_(out) {}

  void Run() {
    SkipSpace();
    std::string root;
    // The root object's resourceType names the root of every expression.
    Value(root, 0, /*is_root=*/true, /*track=*/true);
  }

 private:
  static constexpr int kMaxDepth = 1000;

  bool At(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  // Whitespace, and the comments text parsed with json::Comments::kSkip may hold.
  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        ++pos_;
      } else if (c == '/' && pos_ + 1 < text_.size() && (text_[pos_ + 1] == '/' || text_[pos_ + 1] == '*')) {
        const bool line = text_[pos_ + 1] == '/';
        const std::size_t end = text_.find(line ? "\n" : "*/", pos_ + 2);
        pos_ = end == std::string_view::npos ? text_.size() : end + (line ? 1 : 2);
      } else {
        return;
      }
    }
  }
  // After a member or item: the spaces and the comma that may follow it.
  void SkipSeparator() {
    SkipSpace();
    if (At(',')) {
      ++pos_;
      SkipSpace();
    }
  }
  // At '"': steps over the string; appends its raw content to `value` unless null (escapes kept:
  // keys are plain ASCII in FHIR).
  void String(std::string* value) {
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      const std::size_t start = pos_;
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      ++pos_;
      if (value != nullptr) value->append(text_.substr(start, pos_ - start));
    }
    if (pos_ < text_.size()) ++pos_;
  }
  // Whether the value at `path` or anything inside it is wanted (`wanted_` holds every enclosing
  // location of each wanted one, and `_x` values are also wanted as `x`).
  bool Tracked(const std::string& path) const {
    if (wanted_.count(path) > 0) return true;
    const std::string plain = WithoutUnderscore(path);
    return !plain.empty() && wanted_.count(plain) > 0;
  }
  void Record(const std::string& path) {
    if (wanted_.count(path) > 0) Add(path);
    if (const std::string plain = WithoutUnderscore(path); !plain.empty() && wanted_.count(plain) > 0) Add(plain);
  }
  void Add(const std::string& path) {
    if (out_.emplace(path, pos_).second && exact_.count(path) > 0 && ++exact_found_ == exact_.size()) done_ = true;
  }
  // `path` is the value's location when `track` (and left as it is otherwise).
  void Value(std::string& path, int depth, bool is_root, bool track) {
    if (done_ || pos_ >= text_.size() || depth > kMaxDepth) return;
    if (!is_root && track) Record(path);
    const char c = text_[pos_];
    if (c == '{') {
      if (is_root) {
        path = RootType();
        Add(path);
      }
      ++pos_;
      SkipSpace();
      while (!done_ && pos_ < text_.size() && text_[pos_] != '}') {
        const std::size_t saved = path.size();
        if (track) path += '.';
        String(track ? &path : nullptr);
        SkipSpace();
        if (At(':')) ++pos_;
        SkipSpace();
        Value(path, depth + 1, false, track && Tracked(path));
        path.resize(saved);
        SkipSeparator();
      }
      if (pos_ < text_.size()) ++pos_;
    } else if (c == '[') {
      ++pos_;
      SkipSpace();
      std::size_t index = 0;
      while (!done_ && pos_ < text_.size() && text_[pos_] != ']') {
        const std::size_t saved = path.size();
        if (track) path.append("[").append(std::to_string(index)).append("]");
        ++index;
        Value(path, depth + 1, false, track && Tracked(path));
        path.resize(saved);
        SkipSeparator();
      }
      if (pos_ < text_.size()) ++pos_;
    } else if (c == '"') {
      String(nullptr);
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
             text_[pos_] != '/' && text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' &&
             text_[pos_] != '\t') {
        ++pos_;
      }
    }
  }
  // The top-level "resourceType" value, found by a shallow look at the root object's keys.
  std::string RootType() const {
    const std::size_t key = text_.find("\"resourceType\"");
    if (key == std::string_view::npos) return {};
    const std::size_t open = text_.find('"', text_.find(':', key) + 1);
    const std::size_t close = open == std::string_view::npos ? open : text_.find('"', open + 1);
    if (close == std::string_view::npos) return {};
    return std::string(text_.substr(open + 1, close - open - 1));
  }

  std::string_view text_;
  const std::unordered_set<std::string>& wanted_;
  const std::unordered_set<std::string>& exact_;
  std::unordered_map<std::string, std::size_t>& out_;
  std::size_t pos_ = 0;
  std::size_t exact_found_ = 0;
  bool done_ = false;
};

// Line and column (in code points) of each byte offset, in one pass over the text.
std::unordered_map<std::size_t, Position> PositionsOf(std::string_view text, std::vector<std::size_t> offsets) {
  std::sort(offsets.begin(), offsets.end());
  std::unordered_map<std::size_t, Position> out;
  Position at;
  std::size_t i = 0;
  for (const std::size_t offset : offsets) {
    for (; i < offset && i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte == '\n') {
        ++at.line;
        at.column = 1;
      } else if ((byte & 0xC0) != 0x80) {  // UTF-8 continuation bytes do not start a new character
        ++at.column;
      }
    }
    out.emplace(offset, at);
  }
  return out;
}

}  // namespace

void AnnotatePositions(std::string_view text, Issues& issues) {
  bool needed = false;
  for (const Issue& issue : issues) needed = needed || (issue.line == 0 && !issue.expression.empty());
  if (!needed) return;
  // The issues' locations and each enclosing one (where the search below falls back to).
  std::unordered_set<std::string> wanted;
  std::unordered_set<std::string> exact;
  for (const Issue& issue : issues) {
    if (issue.line != 0 || issue.expression.empty()) continue;
    exact.insert(issue.expression);
    std::string path = issue.expression;
    while (!path.empty() && wanted.insert(path).second) {
      const std::size_t cut = path.find_last_of(".[");
      if (cut == std::string::npos || cut == 0) break;
      path.resize(cut);
    }
  }
  std::unordered_map<std::string, std::size_t> offsets;
  Scanner(text, wanted, exact, offsets).Run();
  std::vector<std::size_t> starts;
  starts.reserve(offsets.size());
  for (const auto& [path, offset] : offsets) starts.push_back(offset);
  const std::unordered_map<std::size_t, Position> positions = PositionsOf(text, std::move(starts));
  for (Issue& issue : issues) {
    if (issue.line != 0 || issue.expression.empty()) continue;
    std::string path = issue.expression;
    while (!path.empty()) {
      const auto it = offsets.find(path);
      if (it != offsets.end()) {
        const Position& position = positions.at(it->second);
        issue.line = position.line;
        issue.column = position.column;
        break;
      }
      // Nearest enclosing value: drop a trailing [i] or .name.
      const std::size_t cut = path.find_last_of(".[");
      if (cut == std::string::npos || cut == 0) break;
      path.resize(cut);
    }
  }
}

}  // namespace pdex::validation
