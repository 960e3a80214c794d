#include "snapshot/element_id.h"

#include "json/fields.h"

#include <cctype>

namespace pdex::snapshot {

std::vector<IdSegment> SplitId(std::string_view id) {
  std::vector<IdSegment> segments;
  std::size_t start = 0;
  while (start <= id.size()) {
    std::size_t dot = id.find('.', start);
    if (dot == std::string_view::npos) dot = id.size();
    std::string_view text = id.substr(start, dot - start);
    IdSegment segment;
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      segment.name = std::string(text);
    } else {
      segment.name = std::string(text.substr(0, colon));
      segment.slice = std::string(text.substr(colon + 1));
    }
    segments.push_back(std::move(segment));
    start = dot + 1;
  }
  return segments;
}

bool IsWithin(std::string_view id, std::string_view prefix) {
  if (id.size() < prefix.size() || id.substr(0, prefix.size()) != prefix) return false;
  if (id.size() == prefix.size()) return true;
  char next = id[prefix.size()];
  return next == '.' || next == ':' || next == '/';  // child, slice, re-slice
}

bool IsChildOf(std::string_view id, std::string_view prefix) {
  return id.size() > prefix.size() + 1 && id.substr(0, prefix.size()) == prefix && id[prefix.size()] == '.';
}

std::string ChoiceSuffix(std::string_view type_code) {
  std::string out(type_code);
  // Types from the FHIRPath system namespace never appear as choice types; take the last segment.
  std::size_t dot = out.rfind('.');
  if (out.find(':') != std::string::npos && dot != std::string::npos) out = out.substr(dot + 1);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string TypeUrl(std::string_view type_code) {
  if (type_code.find(':') != std::string_view::npos) return std::string(type_code);
  return "http://hl7.org/fhir/StructureDefinition/" + std::string(type_code);
}

std::string StringMember(const nlohmann::json& object, const char* key) {
  return std::string(json::StringAt(object, key));
}

std::string ReplacePrefix(std::string_view text, std::string_view old_prefix, std::string_view new_prefix) {
  std::string out(new_prefix);
  out.append(text.substr(old_prefix.size() <= text.size() ? old_prefix.size() : text.size()));
  return out;
}

}  // namespace pdex::snapshot
