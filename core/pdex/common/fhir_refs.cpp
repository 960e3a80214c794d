#include "pdex/common/fhir_refs.h"

#include "json/fields.h"
#include "pdex/common/codes.h"

namespace pdex::pdex_common {
namespace {

bool IsResourceTypeName(std::string_view name) {
  if (name.empty() || name[0] < 'A' || name[0] > 'Z') return false;
  for (char c : name) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::vector<std::string_view> SplitPath(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t slash = text.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? text.size() : slash;
    parts.push_back(text.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

}  // namespace

// FHIR id: [A-Za-z0-9\-\.]{1,64}
bool IsFhirId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
      return false;
    }
  }
  return true;
}


std::optional<ReferenceParts> ParseReference(std::string_view reference) {
  ReferenceParts parts;
  if (reference.empty()) return std::nullopt;
  if (reference[0] == '#') {
    parts.contained = true;
    parts.id = std::string(reference.substr(1));
    return parts;
  }
  if (reference.rfind("urn:uuid:", 0) == 0 || reference.rfind("urn:oid:", 0) == 0) {
    parts.urn = true;
    parts.id = std::string(reference);
    return parts;
  }
  const std::vector<std::string_view> segments = SplitPath(reference);
  // Find "Type/id" or "Type/id/_history/v" at the end of the path.
  std::size_t n = segments.size();
  if (n >= 4 && segments[n - 2] == "_history" && IsResourceTypeName(segments[n - 4]) && IsFhirId(segments[n - 3])) {
    parts.version = std::string(segments[n - 1]);
    n -= 2;
  }
  if (n < 2 || !IsResourceTypeName(segments[n - 2]) || !IsFhirId(segments[n - 1])) return std::nullopt;
  parts.type = std::string(segments[n - 2]);
  parts.id = std::string(segments[n - 1]);
  if (n > 2) {
    // Everything before Type/id is the base; it must look like a URL.
    std::string base;
    for (std::size_t i = 0; i + 2 < n; ++i) {
      if (i > 0) base += '/';
      base += segments[i];
    }
    if (base.find("://") == std::string::npos) return std::nullopt;
    parts.base = std::move(base);
  }
  return parts;
}

std::string TypeAndId(const ReferenceParts& parts) {
  if (parts.contained || parts.urn || parts.type.empty()) return {};
  return parts.type + "/" + parts.id;
}

std::string_view IdentifierValueBySystem(const nlohmann::json& identifiers, std::string_view system) {
  if (!identifiers.is_array()) return {};
  for (const nlohmann::json& identifier : identifiers) {
    if (json::StringAt(identifier, "system") == system) {
      const std::string_view value = json::StringAt(identifier, "value");
      if (!value.empty()) return value;
    }
  }
  return {};
}

std::string_view IdentifierValueByType(const nlohmann::json& identifiers, std::string_view type_system,
                                       std::string_view type_code) {
  if (!identifiers.is_array()) return {};
  for (const nlohmann::json& identifier : identifiers) {
    const nlohmann::json* type = json::ObjectAt(identifier, "type");
    if (type != nullptr && HasCoding(*type, type_system, type_code)) {
      const std::string_view value = json::StringAt(identifier, "value");
      if (!value.empty()) return value;
    }
  }
  return {};
}

nlohmann::json NpiReference(std::string_view npi, std::string_view display) {
  nlohmann::json reference = nlohmann::json::object();
  if (!npi.empty()) reference["identifier"] = {{"system", pdex_codes::kNpiSystem}, {"value", npi}};
  if (!display.empty()) reference["display"] = display;
  return reference;
}

std::vector<const nlohmann::json*> Codings(const nlohmann::json& codeable_concept) {
  std::vector<const nlohmann::json*> codings;
  if (const nlohmann::json* array = json::ArrayAt(codeable_concept, "coding")) {
    for (const nlohmann::json& coding : *array) {
      if (coding.is_object()) codings.push_back(&coding);
    }
  }
  return codings;
}

bool HasCoding(const nlohmann::json& codeable_concept, std::string_view system, std::string_view code) {
  for (const nlohmann::json* coding : Codings(codeable_concept)) {
    if (json::StringAt(*coding, "system") == system && json::StringAt(*coding, "code") == code) return true;
  }
  return false;
}

}  // namespace pdex::pdex_common
