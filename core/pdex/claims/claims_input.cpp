#include "pdex/claims/claims_input.h"

#include "json/fields.h"
#include "pdex/claims/claims_issue.h"
#include "pdex/common/fhir_refs.h"

namespace pdex::claims {
namespace {

// Bundles inside Bundles (a searchset holding a collection) are read this deep, no deeper.
constexpr int kMaxBundleDepth = 2;

bool LooksLikeNdjson(std::string_view text) {
  // More than one non-blank line whose first character opens an object.
  std::size_t objects = 0;
  std::size_t start = 0;
  while (start < text.size() && objects < 2) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] == '{') ++objects;
    start = end + 1;
  }
  return objects >= 2;
}

}  // namespace

void ClaimsInput::AddText(std::string_view text, const std::string& source, const json::JsonLimits& json_limits,
                          Issues& issues) {
  json::ParsedJson whole = json::ParseJson(text, json_limits);
  if (whole.ok()) {
    owned_.push_back(std::make_unique<nlohmann::json>(std::move(whole.value)));
    AddDocument(*owned_.back(), source, 0, issues);
    return;
  }
  if (!LooksLikeNdjson(text)) {
    Issue issue = ClaimsIssue(Severity::kError, "structure", whole.error->id,
                              "input is not JSON: " + whole.error->message, "", source);
    issue.line = whole.error->line;
    issue.column = whole.error->column;
    issues.push_back(std::move(issue));
    return;
  }
  // NDJSON: one resource per line (FHIR Bulk Data); a bad line is reported and the rest continue.
  std::size_t start = 0;
  int line_number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (++entries_read_ > limits_.max_entries) {
      if (!entry_limit_reported_) {
        issues.push_back(ClaimsIssue(Severity::kWarning, "too-costly", "claims.too-many-entries",
                                     "more than " + std::to_string(limits_.max_entries) +
                                         " entries; the rest of the input is not read",
                                     "", source, line_number));
        entry_limit_reported_ = true;
      }
      return;
    }
    json::ParsedJson parsed = json::ParseJson(line, json_limits);
    if (!parsed.ok()) {
      issues.push_back(ClaimsIssue(Severity::kError, "structure", parsed.error->id,
                                   "NDJSON line is not JSON: " + parsed.error->message, "", source, line_number));
      continue;
    }
    owned_.push_back(std::make_unique<nlohmann::json>(std::move(parsed.value)));
    AddDocument(*owned_.back(), source, line_number, issues);
  }
}

void ClaimsInput::AddDocument(const nlohmann::json& value, const std::string& source, int line, Issues& issues) {
  if (!value.is_object() || json::StringAt(value, "resourceType").empty()) {
    issues.push_back(ClaimsIssue(Severity::kError, "structure", "claims.not-a-resource",
                                 "the input is not a FHIR resource (a JSON object with resourceType)", "", source,
                                 line));
    return;
  }
  if (json::StringAt(value, "resourceType") == "Bundle") {
    AddBundle(value, "Bundle", source, line, 0, issues);
  } else {
    AddResource(value, std::string(json::StringAt(value, "resourceType")), source, line, "", issues);
  }
}

void ClaimsInput::AddBundle(const nlohmann::json& bundle, const std::string& where, const std::string& source,
                            int line, int depth, Issues& issues) {
  const nlohmann::json* entries = json::ArrayAt(bundle, "entry");
  if (entries == nullptr) {
    if (json::MemberAt(bundle, "entry") != nullptr) {
      issues.push_back(ClaimsIssue(Severity::kError, "structure", "claims.wrong-type", "Bundle.entry is not an array",
                                   where + ".entry", source, line));
    }
    return;
  }
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const std::string entry_where = where + ".entry[" + std::to_string(i) + "]";
    if (++entries_read_ > limits_.max_entries) {
      if (!entry_limit_reported_) {
        issues.push_back(ClaimsIssue(Severity::kWarning, "too-costly", "claims.too-many-entries",
                                     "more than " + std::to_string(limits_.max_entries) +
                                         " entries; the rest of the input is not read",
                                     entry_where, source, line));
        entry_limit_reported_ = true;
      }
      return;
    }
    const nlohmann::json& entry = (*entries)[i];
    const nlohmann::json* resource = json::ObjectAt(entry, "resource");
    if (resource == nullptr || json::StringAt(*resource, "resourceType").empty()) {
      issues.push_back(ClaimsIssue(Severity::kWarning, "structure", "claims.entry-not-resource",
                                   "Bundle entry without a resource (object with resourceType); skipped",
                                   entry_where, source, line));
      continue;
    }
    if (json::StringAt(*resource, "resourceType") == "Bundle") {
      if (depth + 1 < kMaxBundleDepth) {
        AddBundle(*resource, entry_where + ".resource", source, line, depth + 1, issues);
      } else {
        issues.push_back(ClaimsIssue(Severity::kWarning, "too-costly", "claims.bundle-too-deep",
                                     "a Bundle inside a Bundle inside a Bundle; not read", entry_where, source, line));
      }
      continue;
    }
    AddResource(*resource, entry_where + ".resource", source, line, json::StringAt(entry, "fullUrl"), issues);
  }
}

void ClaimsInput::AddResource(const nlohmann::json& resource, const std::string& where, const std::string& source,
                              int line, std::string_view full_url, Issues& issues) {
  const std::string_view type = json::StringAt(resource, "resourceType");
  const std::string_view id = json::StringAt(resource, "id");
  if (!id.empty()) by_reference_.emplace(std::string(type) + "/" + std::string(id), &resource);
  if (!full_url.empty()) by_reference_.emplace(std::string(full_url), &resource);
  if (type != "ExplanationOfBenefit") return;
  if (eobs_.size() >= limits_.max_eobs) {
    if (!eob_limit_reported_) {
      issues.push_back(ClaimsIssue(Severity::kWarning, "too-costly", "claims.too-many-eobs",
                                   "more than " + std::to_string(limits_.max_eobs) +
                                       " ExplanationOfBenefit resources; the rest are not converted",
                                   where, source, line));
      eob_limit_reported_ = true;
    }
    return;
  }
  eobs_.push_back(EobSource{&resource, where, source, line});
}

const nlohmann::json* ClaimsInput::Find(std::string_view reference) const {
  if (reference.empty()) return nullptr;
  auto it = by_reference_.find(std::string(reference));
  if (it != by_reference_.end()) return it->second;
  const std::optional<pdex_common::ReferenceParts> parts = pdex_common::ParseReference(reference);
  if (!parts || parts->contained || parts->urn) return nullptr;
  it = by_reference_.find(pdex_common::TypeAndId(*parts));
  return it != by_reference_.end() ? it->second : nullptr;
}

}  // namespace pdex::claims
