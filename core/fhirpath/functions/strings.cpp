// FHIRPath §5.6 String manipulation (plus the 2.1.0 additions trim, split, join, encode, decode,
// escape, unescape). Indexes count UTF-8 bytes for ASCII text; regexes use ECMAScript syntax with
// '.' also matching newlines (the spec's single-line mode), matched by pdex_regex.
#include "fhirpath/functions/common.h"
#include "regex/regex.h"

#include <cctype>
#include <unordered_map>

namespace pdex::fhirpath {
namespace {
using namespace fn;

// Positions count Unicode code points (UTF-8 text): byte offset of code point `index`, or npos.
std::size_t ByteOffset(const std::string& s, std::size_t index) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (count++ == index) return i;
  }
  return count == index ? s.size() : std::string::npos;
}

std::size_t CodePointIndex(const std::string& s, std::size_t byte_offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < byte_offset && i < s.size(); ++i) count += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return count;
}

// Evaluates the focus string and string arguments; `done` is set when the result is empty.
struct StringCall {
  std::optional<std::string> focus;
  std::vector<std::optional<std::string>> args;
  bool ok = true;
  bool any_empty = false;
};

StringCall Prepare(Evaluator& ev, const Collection& focus, const Expr& call, const Scope& scope) {
  StringCall sc;
  sc.focus = ev.FocusString(focus, call, sc.ok);
  if (!sc.ok) return sc;
  sc.any_empty = !sc.focus;
  for (std::size_t i = 0; i < call.args.size(); ++i) {
    sc.args.push_back(ev.StringArg(call, i, scope, sc.ok));
    if (!sc.ok) return sc;
    if (!sc.args.back()) sc.any_empty = true;
  }
  return sc;
}

PDEX_FHIRPATH_FN(IndexOf) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  auto pos = sc.focus->find(*sc.args[0]);
  out.push_back(Value::Integer(pos == std::string::npos ? -1 : static_cast<std::int64_t>(CodePointIndex(*sc.focus, pos))));
  return true;
}

PDEX_FHIRPATH_FN(Substring) {
  bool ok = true;
  auto s = ev.FocusString(focus, call, ok);
  if (!ok) return false;
  auto start = ev.IntegerArg(call, 0, scope, ok);
  if (!ok) return false;
  std::optional<std::int64_t> length;
  if (call.args.size() > 1) {
    length = ev.IntegerArg(call, 1, scope, ok);
    if (!ok) return false;
  }
  if (!s || !start || *start < 0) return true;
  const std::size_t begin = ByteOffset(*s, static_cast<std::size_t>(*start));
  if (begin == std::string::npos || begin >= s->size()) return true;
  std::size_t end = s->size();
  if (length) {
    if (*length <= 0) {
      out.push_back(Value::String(""));
      return true;
    }
    const std::size_t stop = ByteOffset(*s, static_cast<std::size_t>(*start) + static_cast<std::size_t>(std::min<std::int64_t>(*length, 1 << 30)));
    if (stop != std::string::npos) end = stop;
  }
  out.push_back(Value::String(s->substr(begin, end - begin)));
  return true;
}

PDEX_FHIRPATH_FN(StartsWith) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) {
    if (focus.empty() && ev.env().empty_starts_with_false) out.push_back(Value::Boolean(false));
    return true;
  }
  out.push_back(Value::Boolean(sc.focus->compare(0, sc.args[0]->size(), *sc.args[0]) == 0 && sc.focus->size() >= sc.args[0]->size()));
  return true;
}

PDEX_FHIRPATH_FN(EndsWith) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  const std::string& s = *sc.focus;
  const std::string& t = *sc.args[0];
  out.push_back(Value::Boolean(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0));
  return true;
}

PDEX_FHIRPATH_FN(ContainsFn) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  out.push_back(Value::Boolean(sc.focus->find(*sc.args[0]) != std::string::npos));
  return true;
}

PDEX_FHIRPATH_FN(Upper) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  std::string s = *sc.focus;
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out.push_back(Value::String(std::move(s)));
  return true;
}

PDEX_FHIRPATH_FN(Lower) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  std::string s = *sc.focus;
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out.push_back(Value::String(std::move(s)));
  return true;
}

PDEX_FHIRPATH_FN(Replace) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  const std::string& s = *sc.focus;
  const std::string& pattern = *sc.args[0];
  const std::string& substitution = *sc.args[1];
  std::string result;
  if (pattern.empty()) {  // inserted between every character and at both ends
    result = substitution;
    for (char c : s) {
      result += c;
      result += substitution;
    }
  } else {
    std::size_t pos = 0;
    while (true) {
      std::size_t hit = s.find(pattern, pos);
      if (hit == std::string::npos) break;
      result.append(s, pos, hit - pos);
      result += substitution;
      pos = hit + pattern.size();
    }
    result.append(s, pos, std::string::npos);
  }
  out.push_back(Value::String(std::move(result)));
  return true;
}

// Compiled patterns are cached per thread (validation evaluates the same invariants many times).
// pdex_regex matches in time linear in the subject, so untrusted patterns cannot hang evaluation;
// the size bounds (kMaxRegexSubject / kMaxRegexPattern, fhirpath.h) keep its work budget for
// realistic inputs.
const regex::Regex* CompileRegex(Evaluator& ev, const Expr& call, const std::string& pattern, const std::string& subject) {
  if (subject.size() > kMaxRegexSubject || pattern.size() > kMaxRegexPattern) {
    ev.Fail(call.name + "(): string or pattern too long for a regular expression (limits " + std::to_string(kMaxRegexSubject) +
                " / " + std::to_string(kMaxRegexPattern) + " bytes)",
            call.position);
    return nullptr;
  }
  thread_local std::unordered_map<std::string, regex::Regex> cache;
  auto it = cache.find(pattern);
  if (it != cache.end()) return &it->second;
  std::optional<regex::CompileError> error;
  regex::Regex re = regex::Regex::Compile(pattern, error);
  if (error) {
    ev.Fail(call.name + "(): " + error->message + " in '" + pattern + "'", call.position);
    return nullptr;
  }
  if (cache.size() >= 256) cache.clear();
  return &cache.emplace(pattern, std::move(re)).first->second;
}

bool FailTooCostly(Evaluator& ev, const Expr& call) {
  return ev.Fail(call.name + "(): regular expression needs more than " + std::to_string(regex::kMaxMatchSteps) +
                     " matching steps on this string",
                 call.position);
}

bool Matches(Evaluator& ev, const Collection& focus, const Expr& call, const Scope& scope, bool full, Collection& out) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  const regex::Regex* re = CompileRegex(ev, call, *sc.args[0], *sc.focus);
  if (!re) return false;
  const regex::Outcome outcome = full ? re->FullMatch(*sc.focus) : re->Search(*sc.focus);
  if (outcome == regex::Outcome::kTooCostly) return FailTooCostly(ev, call);
  out.push_back(Value::Boolean(outcome == regex::Outcome::kMatch));
  return true;
}

PDEX_FHIRPATH_FN(MatchesFn) { return Matches(ev, focus, call, scope, false, out); }
PDEX_FHIRPATH_FN(MatchesFull) { return Matches(ev, focus, call, scope, true, out); }

PDEX_FHIRPATH_FN(ReplaceMatches) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  if (sc.args[0]->empty()) {
    out.push_back(Value::String(*sc.focus));
    return true;
  }
  const regex::Regex* re = CompileRegex(ev, call, *sc.args[0], *sc.focus);
  if (!re) return false;
  auto replaced = re->ReplaceAll(*sc.focus, *sc.args[1]);
  if (!replaced) return FailTooCostly(ev, call);
  out.push_back(Value::String(std::move(*replaced)));
  return true;
}

PDEX_FHIRPATH_FN(Length) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  std::int64_t n = 0;  // code points
  for (unsigned char c : *sc.focus) n += (c & 0xC0) != 0x80;
  out.push_back(Value::Integer(n));
  return true;
}

PDEX_FHIRPATH_FN(ToChars) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  const std::string& s = *sc.focus;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.push_back(Value::String(s.substr(i, j - i)));
    i = j;
  }
  return true;
}

PDEX_FHIRPATH_FN(Trim) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  const std::string& s = *sc.focus;
  std::size_t b = s.find_first_not_of(" \t\r\n");
  std::size_t e = s.find_last_not_of(" \t\r\n");
  out.push_back(Value::String(b == std::string::npos ? "" : s.substr(b, e - b + 1)));
  return true;
}

PDEX_FHIRPATH_FN(Split) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  const std::string& s = *sc.focus;
  const std::string& sep = *sc.args[0];
  if (sep.empty()) {
    for (char c : s) out.push_back(Value::String(std::string(1, c)));
    return true;
  }
  std::size_t pos = 0;
  while (true) {
    std::size_t hit = s.find(sep, pos);
    out.push_back(Value::String(s.substr(pos, hit == std::string::npos ? std::string::npos : hit - pos)));
    if (hit == std::string::npos) break;
    pos = hit + sep.size();
  }
  return true;
}

PDEX_FHIRPATH_FN(Join) {
  std::string separator;
  if (!call.args.empty()) {
    bool ok = true;
    auto s = ev.StringArg(call, 0, scope, ok);
    if (!ok) return false;
    separator = s.value_or("");
  }
  if (focus.empty()) return true;
  std::string result;
  for (std::size_t i = 0; i < focus.size(); ++i) {
    auto v = ToSystem(focus[i]);
    if (!v || v->kind() != ValueKind::kString) return ev.Fail("join() expects strings", call.position);
    if (i > 0) result += separator;
    result += v->string();
  }
  out.push_back(Value::String(std::move(result)));
  return true;
}

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64Encode(const std::string& in, bool url) {
  std::string out;
  std::size_t i = 0;
  while (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    int n = 1;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8, ++n;
    if (i + 2 < in.size()) v |= static_cast<unsigned char>(in[i + 2]), ++n;
    for (int k = 0; k < 4; ++k) {
      if (k <= n) {
        char c = kBase64[(v >> (18 - 6 * k)) & 63];
        if (url && c == '+') c = '-';
        if (url && c == '/') c = '_';
        out += c;
      } else {
        out += '=';
      }
    }
    i += 3;
  }
  return out;
}

std::optional<std::string> Base64Decode(const std::string& in) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+' || c == '-') v = 62;
    else if (c == '/' || c == '_') v = 63;
    else if (c == '=') break;
    else return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

PDEX_FHIRPATH_FN(Encode) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  const std::string& format = *sc.args[0];
  if (format == "hex") {
    static const char kHex[] = "0123456789abcdef";
    std::string r;
    for (unsigned char c : *sc.focus) r += kHex[c >> 4], r += kHex[c & 15];
    out.push_back(Value::String(r));
  } else if (format == "base64" || format == "urlbase64") {
    out.push_back(Value::String(Base64Encode(*sc.focus, format == "urlbase64")));
  }
  return true;
}

PDEX_FHIRPATH_FN(Decode) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  const std::string& format = *sc.args[0];
  if (format == "hex") {
    const std::string& s = *sc.focus;
    if (s.size() % 2 != 0) return true;
    std::string r;
    for (std::size_t i = 0; i < s.size(); i += 2) {
      auto hex = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10); };
      r += static_cast<char>(hex(s[i]) * 16 + hex(s[i + 1]));
    }
    out.push_back(Value::String(r));
  } else if (format == "base64" || format == "urlbase64") {
    if (auto r = Base64Decode(*sc.focus)) out.push_back(Value::String(*r));
  }
  return true;
}

PDEX_FHIRPATH_FN(Escape) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  std::string r;
  const bool html = *sc.args[0] == "html";
  for (char c : *sc.focus) {
    if (html) {
      if (c == '&') r += "&amp;";
      else if (c == '<') r += "&lt;";
      else if (c == '>') r += "&gt;";
      else if (c == '"') r += "&quot;";
      else if (c == '\'') r += "&#39;";
      else r += c;
    } else {
      if (c == '"' || c == '\\') r += '\\';
      r += c;
    }
  }
  out.push_back(Value::String(r));
  return true;
}

PDEX_FHIRPATH_FN(Unescape) {
  StringCall sc = Prepare(ev, focus, call, scope);
  if (!sc.ok) return false;
  if (sc.any_empty) return true;
  std::string s = *sc.focus;
  std::string r;
  if (*sc.args[0] == "html") {
    static const std::pair<const char*, char> kEntities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    for (std::size_t i = 0; i < s.size();) {
      bool matched = false;
      for (const auto& [entity, c] : kEntities) {
        std::string_view e(entity);
        if (s.compare(i, e.size(), e) == 0) {
          r += c;
          i += e.size();
          matched = true;
          break;
        }
      }
      if (!matched) r += s[i++];
    }
  } else {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      r += s[i];
    }
  }
  out.push_back(Value::String(r));
  return true;
}

}  // namespace

void AddStringFunctions(std::vector<FunctionDef>& table) {
  table.insert(table.end(), {
                                {"indexOf", 1, 1, IndexOf},       {"substring", 1, 2, Substring},
                                {"startsWith", 1, 1, StartsWith}, {"endsWith", 1, 1, EndsWith},
                                {"contains", 1, 1, ContainsFn},   {"upper", 0, 0, Upper},
                                {"lower", 0, 0, Lower},           {"replace", 2, 2, Replace},
                                {"matches", 1, 1, MatchesFn},     {"matchesFull", 1, 1, MatchesFull},
                                {"replaceMatches", 2, 2, ReplaceMatches}, {"length", 0, 0, Length},
                                {"toChars", 0, 0, ToChars},       {"trim", 0, 0, Trim},
                                {"split", 1, 1, Split},           {"join", 0, 1, Join},
                                {"encode", 1, 1, Encode},         {"decode", 1, 1, Decode},
                                {"escape", 1, 1, Escape},         {"unescape", 1, 1, Unescape},
                            });
}

}  // namespace pdex::fhirpath
