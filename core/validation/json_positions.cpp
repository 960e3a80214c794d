#include "validation/json_positions.h"

#include <string>
#include <unordered_map>
#include <utility>

namespace pdex::validation {
namespace {

struct Position {
  int line = 1;
  int column = 1;
};

// Recursive-descent scan of well-formed JSON, recording the start of every value by path.
class Scanner {
 public:
  Scanner(std::string_view text, std::unordered_map<std::string, Position>& out) : text_(text), out_(out) {}

  void Run() {
    SkipSpace();
    std::string root;
    // The root object's resourceType names the root of every expression.
    Value(root, 0, /*is_root=*/true);
  }

 private:
  static constexpr int kMaxDepth = 1000;

  void Advance() {
    const auto byte = static_cast<unsigned char>(text_[pos_]);
    if (byte == '\n') {
      ++at_.line;
      at_.column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++at_.column;
    }
    ++pos_;
  }
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
      Advance();
    }
  }
  std::string String() {  // at '"'; returns the raw content (escapes kept: keys are plain ASCII in FHIR)
    std::string value;
    Advance();
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
        value += text_[pos_];
        Advance();
      }
      value += text_[pos_];
      Advance();
    }
    if (pos_ < text_.size()) Advance();
    return value;
  }
  void Record(const std::string& path) {
    out_.emplace(path, at_);
    // `_given` is reported as `given` when validating the primitive's extensions.
    const std::size_t dot = path.rfind('.');
    if (dot != std::string::npos && dot + 1 < path.size() && path[dot + 1] == '_') {
      out_.emplace(path.substr(0, dot + 1) + path.substr(dot + 2), at_);
    }
  }
  void Value(std::string& path, int depth, bool is_root) {
    if (pos_ >= text_.size() || depth > kMaxDepth) return;
    if (!is_root) Record(path);
    const char c = text_[pos_];
    if (c == '{') {
      const Position start = at_;
      const std::size_t object_start = pos_;
      if (is_root) {
        path = RootType();
        out_.emplace(path, start);
      }
      pos_ = object_start;
      Advance();
      SkipSpace();
      while (pos_ < text_.size() && text_[pos_] != '}') {
        const std::string key = String();
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ':') Advance();
        SkipSpace();
        const std::size_t saved = path.size();
        path += '.';
        path += key;
        Value(path, depth + 1, false);
        path.resize(saved);
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          Advance();
          SkipSpace();
        }
      }
      if (pos_ < text_.size()) Advance();
    } else if (c == '[') {
      Advance();
      SkipSpace();
      std::size_t index = 0;
      while (pos_ < text_.size() && text_[pos_] != ']') {
        const std::size_t saved = path.size();
        path += '[' + std::to_string(index++) + ']';
        Value(path, depth + 1, false);
        path.resize(saved);
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          Advance();
          SkipSpace();
        }
      }
      if (pos_ < text_.size()) Advance();
    } else if (c == '"') {
      String();
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
             text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t') {
        Advance();
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
  std::unordered_map<std::string, Position>& out_;
  std::size_t pos_ = 0;
  Position at_;
};

}  // namespace

void AnnotatePositions(std::string_view text, Issues& issues) {
  bool needed = false;
  for (const Issue& issue : issues) needed = needed || (issue.line == 0 && !issue.expression.empty());
  if (!needed) return;
  std::unordered_map<std::string, Position> positions;
  Scanner(text, positions).Run();
  for (Issue& issue : issues) {
    if (issue.line != 0 || issue.expression.empty()) continue;
    std::string path = issue.expression;
    while (!path.empty()) {
      const auto it = positions.find(path);
      if (it != positions.end()) {
        issue.line = it->second.line;
        issue.column = it->second.column;
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
