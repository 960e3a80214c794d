#include "pdex/claims/provider_directory.h"

#include "json/fields.h"
#include "pdex/claims/claims_issue.h"
#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"
#include "pdex/common/stable_id.h"

namespace pdex::claims {
namespace {

namespace codes = pdex_codes;

bool IsNpiType(const nlohmann::json& identifier) {
  const nlohmann::json* type = json::ObjectAt(identifier, "type");
  if (type == nullptr) return false;
  for (const nlohmann::json* coding : pdex_common::Codings(*type)) {
    const std::string_view code = json::StringAt(*coding, "code");
    if (code == "npi" || code == "NPI") return true;
  }
  return false;
}

// Identifiers with a system and a value (US Core requires both); an NPI typed but without a system
// gets the NPI system.
nlohmann::json UsableIdentifiers(const nlohmann::json* identifiers) {
  nlohmann::json out = nlohmann::json::array();
  if (identifiers == nullptr) return out;
  for (const nlohmann::json& identifier : *identifiers) {
    std::string system(json::StringAt(identifier, "system"));
    const std::string_view value = json::StringAt(identifier, "value");
    if (value.empty()) continue;
    if (system.empty() && IsNpiType(identifier)) system = codes::kNpiSystem;
    if (system.empty()) continue;
    nlohmann::json copy = {{"system", system}, {"value", value}};
    if (const nlohmann::json* type = json::ObjectAt(identifier, "type")) copy["type"] = *type;
    out.push_back(std::move(copy));
  }
  return out;
}

// ContactPoints with system and value (us-core-organization/location keep only well-formed ones).
nlohmann::json UsableTelecom(const nlohmann::json* telecom) {
  nlohmann::json out = nlohmann::json::array();
  if (telecom == nullptr) return out;
  for (const nlohmann::json& point : *telecom) {
    if (json::StringAt(point, "system").empty() || json::StringAt(point, "value").empty()) continue;
    nlohmann::json copy = {{"system", json::StringAt(point, "system")}, {"value", json::StringAt(point, "value")}};
    if (!json::StringAt(point, "use").empty()) copy["use"] = json::StringAt(point, "use");
    out.push_back(std::move(copy));
  }
  return out;
}

// An Address reduced to its string parts (line, city, state, postalCode, country).
nlohmann::json UsableAddress(const nlohmann::json& address) {
  nlohmann::json out = nlohmann::json::object();
  if (const nlohmann::json* lines = json::ArrayAt(address, "line")) {
    nlohmann::json kept = nlohmann::json::array();
    for (const nlohmann::json& line : *lines) {
      if (line.is_string() && !line.get_ref<const std::string&>().empty() && kept.size() < 4) kept.push_back(line);
    }
    if (!kept.empty()) out["line"] = std::move(kept);
  }
  for (const char* part : {"city", "state", "postalCode", "country"}) {
    if (!json::StringAt(address, part).empty()) out[part] = json::StringAt(address, part);
  }
  return out;
}

nlohmann::json UsableNames(const nlohmann::json* names) {
  nlohmann::json out = nlohmann::json::array();
  if (names == nullptr) return out;
  for (const nlohmann::json& name : *names) {
    if (json::StringAt(name, "family").empty()) continue;  // us-core-practitioner: name.family 1..1
    nlohmann::json copy = {{"family", json::StringAt(name, "family")}};
    if (const nlohmann::json* given = json::ArrayAt(name, "given")) {
      nlohmann::json kept = nlohmann::json::array();
      for (const nlohmann::json& part : *given) {
        if (part.is_string() && !part.get_ref<const std::string&>().empty()) kept.push_back(part);
      }
      if (!kept.empty()) copy["given"] = std::move(kept);
    }
    for (const char* part : {"use", "text"}) {
      if (!json::StringAt(name, part).empty()) copy[part] = json::StringAt(name, part);
    }
    out.push_back(std::move(copy));
  }
  return out;
}

// The US Core form of a Practitioner/Organization/Location, or null with `missing` saying what the
// profile requires and the source lacks.
nlohmann::json UsCoreForm(const nlohmann::json& resource, const std::string& type, std::string& missing) {
  nlohmann::json out = {{"resourceType", type}};
  const nlohmann::json identifiers = UsableIdentifiers(json::ArrayAt(resource, "identifier"));
  if (type == "Practitioner") {
    const nlohmann::json names = UsableNames(json::ArrayAt(resource, "name"));
    if (identifiers.empty()) missing = "an identifier with system and value";
    if (names.empty()) missing += std::string(missing.empty() ? "" : " and ") + "a name with a family name";
    if (!missing.empty()) return nullptr;
    out["meta"] = {{"profile", {std::string(codes::kUsCoreBase) + "us-core-practitioner"}}};
    out["identifier"] = identifiers;
    out["name"] = names;
    const nlohmann::json telecom = UsableTelecom(json::ArrayAt(resource, "telecom"));
    if (!telecom.empty()) out["telecom"] = telecom;
    const std::string_view gender = json::StringAt(resource, "gender");
    if (gender == "male" || gender == "female" || gender == "other" || gender == "unknown") out["gender"] = gender;
    return out;
  }
  if (json::StringAt(resource, "name").empty()) {
    missing = "a name";
    return nullptr;
  }
  const bool organization = type == "Organization";
  out["meta"] = {{"profile", {std::string(codes::kUsCoreBase) + (organization ? "us-core-organization" : "us-core-location")}}};
  if (!identifiers.empty()) out["identifier"] = identifiers;
  if (organization) {
    // us-core-organization: active 1..1. A provider that billed a claim is taken as active unless the
    // source says otherwise.
    const nlohmann::json* active = json::MemberAt(resource, "active");
    out["active"] = active != nullptr && active->is_boolean() ? active->get<bool>() : true;
  } else {
    const std::string_view status = json::StringAt(resource, "status");
    if (status == "active" || status == "suspended" || status == "inactive") out["status"] = status;
  }
  out["name"] = json::StringAt(resource, "name");
  const nlohmann::json telecom = UsableTelecom(json::ArrayAt(resource, "telecom"));
  if (!telecom.empty()) out["telecom"] = telecom;
  if (organization) {
    if (const nlohmann::json* addresses = json::ArrayAt(resource, "address")) {
      nlohmann::json kept = nlohmann::json::array();
      for (const nlohmann::json& address : *addresses) {
        nlohmann::json usable = UsableAddress(address);
        if (!usable.empty()) kept.push_back(std::move(usable));
      }
      if (!kept.empty()) out["address"] = std::move(kept);
    }
  } else if (const nlohmann::json* address = json::ObjectAt(resource, "address")) {
    nlohmann::json usable = UsableAddress(*address);
    if (!usable.empty()) out["address"] = std::move(usable);
  }
  return out;
}

bool IsProviderType(std::string_view type) {
  return type == "Practitioner" || type == "Organization" || type == "Location";
}

}  // namespace

std::string NpiOf(const nlohmann::json& identifiers) {
  if (!identifiers.is_array()) return "";
  for (const nlohmann::json& identifier : identifiers) {
    const std::string_view value = json::StringAt(identifier, "value");
    if (value.empty()) continue;
    const std::string_view system = json::StringAt(identifier, "system");
    if (system == codes::kNpiSystem || (system.empty() && IsNpiType(identifier))) return std::string(value);
  }
  return "";
}

ProviderRef ProviderDirectory::FromResource(const nlohmann::json& resource, const std::string& source_key,
                                            const std::string& where, const std::string& source, int line,
                                            Issues& issues) {
  const std::string type(json::StringAt(resource, "resourceType"));
  const nlohmann::json* identifiers = json::ArrayAt(resource, "identifier");
  const std::string npi = identifiers != nullptr ? NpiOf(*identifiers) : "";
  const std::string key = type + (npi.empty() ? "|src|" + source_key : "|npi|" + npi);
  if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;

  ProviderRef ref;
  ref.type = type;
  ref.npi = npi;
  std::string missing;
  nlohmann::json usable = UsCoreForm(resource, type, missing);
  if (usable.is_null()) {
    issues.push_back(ClaimsIssue(Severity::kInformation, "incomplete", "claims.provider-incomplete",
                                 type + " lacks " + missing + " (required by US Core); not emitted, referenced " +
                                     (npi.empty() ? "as the claim does" : "by its NPI"),
                                 where, source, line));
    if (!npi.empty()) {
      ref.reference = {{"type", type}, {"identifier", {{"system", codes::kNpiSystem}, {"value", npi}}}};
      const std::string_view name = json::StringAt(resource, "name");
      if (!name.empty()) ref.reference["display"] = name;
    }
    by_key_.emplace(key, ref);
    return ref;
  }
  const std::string id = !npi.empty() && pdex_common::IsFhirId("npi-" + npi)
                             ? "npi-" + npi
                             : pdex_common::StableId("src", {type, npi.empty() ? source_key : npi});
  usable["id"] = id;
  // Keep resourceType and id first for readers of the output.
  resources_.push_back(std::move(usable));
  ref.produced = type + "/" + id;
  ref.reference = {{"reference", ref.produced}};
  by_key_.emplace(key, ref);
  return ref;
}

ProviderRef ProviderDirectory::AddResource(const nlohmann::json& resource, const std::string& source_key,
                                           const std::string& where, const std::string& source, Issues& issues) {
  if (!IsProviderType(json::StringAt(resource, "resourceType"))) return {};
  return FromResource(resource, source_key, where, source, 0, issues);
}

ProviderRef ProviderDirectory::Resolve(const nlohmann::json& reference, const EobSource& eob,
                                       const std::string& expression, Issues& issues) {
  ProviderRef ref;
  if (!reference.is_object()) {
    if (!reference.is_null()) {
      issues.push_back(ClaimsIssue(Severity::kWarning, "structure", "claims.wrong-type", "a Reference is not an object",
                                   expression, eob.source, eob.line));
    }
    return ref;
  }
  const std::string_view literal = json::StringAt(reference, "reference");
  if (literal.empty()) {
    // Logical reference (identifier and/or display): kept as given, with an NPI system where only the
    // identifier's type says NPI.
    ref.reference = reference;
    ref.type = std::string(json::StringAt(reference, "type"));
    if (const nlohmann::json* identifier = json::ObjectAt(reference, "identifier")) {
      ref.npi = NpiOf(nlohmann::json::array({*identifier}));
      if (!ref.npi.empty() && json::StringAt(*identifier, "system").empty()) {
        ref.reference["identifier"]["system"] = codes::kNpiSystem;
      }
    }
    if (json::ObjectAt(reference, "identifier") == nullptr && json::StringAt(reference, "display").empty()) {
      ref.reference = nullptr;
    }
    return ref;
  }
  const nlohmann::json* target = nullptr;
  std::string source_key;
  if (literal[0] == '#') {
    const nlohmann::json* contained = json::ArrayAt(*eob.eob, "contained");
    const std::string_view wanted = literal.substr(1);
    const std::size_t limit = eob.eob != nullptr ? input_.limits().max_lines_per_eob : 0;
    for (std::size_t i = 0; contained != nullptr && i < contained->size() && i < limit; ++i) {
      if (json::StringAt((*contained)[i], "id") == wanted) target = &(*contained)[i];
    }
    source_key = eob.source + "|" + eob.where + "|" + std::string(literal);
  } else {
    target = input_.Find(literal);
    source_key = std::string(literal);
  }
  if (target != nullptr && IsProviderType(json::StringAt(*target, "resourceType"))) {
    return FromResource(*target, source_key, expression, eob.source, eob.line, issues);
  }
  if (literal[0] == '#') {
    issues.push_back(ClaimsIssue(Severity::kWarning, "not-found", "claims.provider-unresolved",
                                 "'" + std::string(literal) + "' names no usable contained resource; left out",
                                 expression, eob.source, eob.line));
    return ref;
  }
  // Not in the input: the reference is kept as the claim gives it (the receiver may hold the target).
  ref.reference = reference;
  if (const auto parts = pdex_common::ParseReference(literal)) ref.type = parts->type;
  return ref;
}

}  // namespace pdex::claims
