#include "validation/narrative_links.h"

#include "json/walk.h"

#include <utility>

namespace pdex::validation {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':';
}

// Calls `visit(name, attributes)` for each start tag of `xhtml`: its name and the text between the
// name and the closing '>'.
template <typename Visit>
void ForEachStartTag(std::string_view xhtml, Visit&& visit) {
  for (std::size_t open = xhtml.find('<'); open != std::string_view::npos; open = xhtml.find('<', open + 1)) {
    std::size_t end = open + 1;
    while (end < xhtml.size() && IsNameChar(xhtml[end])) ++end;
    if (end == open + 1) continue;  // </x>, <!-- -->, a stray '<'
    const std::size_t close = xhtml.find('>', end);
    if (close == std::string_view::npos) return;
    visit(xhtml.substr(open + 1, end - open - 1), xhtml.substr(end, close - end));
    open = close;
  }
}

// The value of attribute `name` in a start tag's attribute text; `found` says whether it is there.
std::string_view Attribute(std::string_view attributes, std::string_view name, bool& found) {
  found = false;
  for (std::size_t at = attributes.find(name); at != std::string_view::npos; at = attributes.find(name, at + 1)) {
    if (at > 0 && !IsSpace(attributes[at - 1])) continue;
    std::size_t pos = at + name.size();
    while (pos < attributes.size() && IsSpace(attributes[pos])) ++pos;
    if (pos >= attributes.size() || attributes[pos] != '=') continue;
    ++pos;
    while (pos < attributes.size() && IsSpace(attributes[pos])) ++pos;
    if (pos >= attributes.size() || (attributes[pos] != '"' && attributes[pos] != '\'')) continue;
    const std::size_t end = attributes.find(attributes[pos], pos + 1);
    if (end == std::string_view::npos) return {};
    found = true;
    return attributes.substr(pos + 1, end - pos - 1);
  }
  return {};
}

void CollectAnchors(std::string_view xhtml, std::unordered_set<std::string>& targets) {
  ForEachStartTag(xhtml, [&](std::string_view tag, std::string_view attributes) {
    bool found = false;
    if (const std::string_view id = Attribute(attributes, "id", found); found) targets.emplace(id);
    if (tag == "a") {
      if (const std::string_view name = Attribute(attributes, "name", found); found) targets.emplace(name);
    }
  });
}

}  // namespace

std::vector<std::string_view> InternalLinkFragments(std::string_view xhtml) {
  std::vector<std::string_view> fragments;
  if (xhtml.find("href") == std::string_view::npos) return fragments;
  ForEachStartTag(xhtml, [&](std::string_view tag, std::string_view attributes) {
    if (tag != "a") return;
    bool found = false;
    const std::string_view href = Attribute(attributes, "href", found);
    if (found && href.size() > 1 && href[0] == '#') fragments.push_back(href.substr(1));
  });
  return fragments;
}

void CollectLinkTargets(const nlohmann::json& json, std::unordered_set<std::string>& targets) {
  json::AnyString(json, [&](std::string_view name, const std::string& text) {
    if (name == "id") targets.insert(text);
    if (name == "div") CollectAnchors(text, targets);
    return false;
  });
}

}  // namespace pdex::validation
