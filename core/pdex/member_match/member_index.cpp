#include "pdex/member_match/member_index.h"

#include "json/fields.h"
#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"
#include "pdex/member_match/name_normalize.h"

#include <algorithm>

namespace pdex::member_match {
namespace {

using json::ArrayAt;
using json::ObjectAt;
using json::StringAt;

constexpr int kMaxBundleDepth = 4;  // Bundles in Bundles (a batch of searchsets); deeper is ignored

bool HasType(const nlohmann::json& identifier, std::string_view system, std::string_view code) {
  const nlohmann::json* type = ObjectAt(identifier, "type");
  return type != nullptr && pdex_common::HasCoding(*type, system, code);
}

// The first identifier of `identifiers` typed system#code with a value, as {system, value}; null if none.
nlohmann::json TypedIdentifier(const nlohmann::json* identifiers, std::string_view system, std::string_view code) {
  if (identifiers == nullptr) return nullptr;
  for (const nlohmann::json& identifier : *identifiers) {
    if (!StringAt(identifier, "value").empty() && HasType(identifier, system, code)) {
      nlohmann::json out = {{"value", identifier["value"]}};
      if (!StringAt(identifier, "system").empty()) out["system"] = identifier["system"];
      return out;
    }
  }
  return nullptr;
}

nlohmann::json FirstIdentifier(const nlohmann::json* identifiers) {
  if (identifiers == nullptr) return nullptr;
  for (const nlohmann::json& identifier : *identifiers) {
    if (StringAt(identifier, "value").empty()) continue;
    nlohmann::json out = {{"value", identifier["value"]}};
    if (!StringAt(identifier, "system").empty()) out["system"] = identifier["system"];
    return out;
  }
  return nullptr;
}

}  // namespace

std::string BeneficiaryId(const nlohmann::json& coverage, const std::unordered_map<std::string, std::string>* urn_ids) {
  const nlohmann::json* beneficiary = ObjectAt(coverage, "beneficiary");
  if (beneficiary == nullptr) return {};
  const std::string_view reference = StringAt(*beneficiary, "reference");
  if (urn_ids != nullptr) {
    if (const auto it = urn_ids->find(std::string(reference)); it != urn_ids->end()) return it->second;
  }
  const auto parts = pdex_common::ParseReference(reference);
  if (!parts || parts->type != "Patient") return {};
  return parts->id;
}

void MemberIndex::Clear() {
  members_.clear();
  by_patient_id_.clear();
  unresolved_.clear();
  blocks_.clear();
}

void MemberIndex::AddBlockKey(const std::string& key, std::uint32_t member) {
  if (key.empty()) return;
  std::vector<std::uint32_t>& block = blocks_[key];
  if (std::find(block.begin(), block.end(), member) == block.end()) block.push_back(member);
}

void MemberIndex::AddPatient(const nlohmann::json& patient, std::string id) {
  std::uint32_t index = 0;
  if (const auto it = by_patient_id_.find(id); it != by_patient_id_.end()) {
    index = it->second;  // a later load of the same Patient replaces its demographics
  } else {
    index = static_cast<std::uint32_t>(members_.size());
    members_.emplace_back();
    by_patient_id_.emplace(id, index);
  }
  Member& member = members_[index];
  member.patient_id = id;
  member.demographics = ReadDemographics(patient);
  const nlohmann::json* identifiers = ArrayAt(patient, "identifier");
  member.patient_ids = ReadIdValues(identifiers);
  member.unique_member_identifier = TypedIdentifier(identifiers, pdex_codes::kHrexTemp, "UMB");
  nlohmann::json mb = TypedIdentifier(identifiers, pdex_codes::kV2IdentifierType, "MB");
  member.member_identifier_from_patient = !mb.is_null();
  if (!mb.is_null()) member.member_identifier = std::move(mb);
  for (const IdValue& id_value : member.patient_ids) AddBlockKey(id_value.value, index);
  // Coverages that arrived before their Patient.
  const auto [first, last] = unresolved_.equal_range(id);
  std::vector<nlohmann::json> waiting;
  for (auto it = first; it != last; ++it) waiting.push_back(std::move(it->second));
  unresolved_.erase(id);
  for (const nlohmann::json& coverage : waiting) AttachCoverage(index, coverage);
}

void MemberIndex::AttachCoverage(std::uint32_t index, const nlohmann::json& coverage) {
  Member& member = members_[index];
  CoverageKeys keys = ReadCoverageKeys(coverage);
  for (const IdValue& id_value : keys.member_ids) AddBlockKey(id_value.value, index);
  AddBlockKey(keys.subscriber_id, index);
  if (!member.member_identifier_from_patient) {
    const nlohmann::json* identifiers = ArrayAt(coverage, "identifier");
    nlohmann::json chosen = TypedIdentifier(identifiers, pdex_codes::kV2IdentifierType, "MB");
    if (chosen.is_null() && member.member_identifier.is_null()) chosen = FirstIdentifier(identifiers);
    if (chosen.is_null() && member.member_identifier.is_null() && !StringAt(coverage, "subscriberId").empty()) {
      chosen = {{"value", coverage["subscriberId"]}};
    }
    if (!chosen.is_null()) member.member_identifier = std::move(chosen);
  }
  member.coverages.push_back(std::move(keys));
}

void MemberIndex::AddCoverage(const nlohmann::json& coverage, const std::string& patient_id) {
  if (patient_id.empty()) {
    unresolved_.emplace(std::string(), coverage);  // counted as unresolved; can never attach
    return;
  }
  if (const auto it = by_patient_id_.find(patient_id); it != by_patient_id_.end()) {
    AttachCoverage(it->second, coverage);
  } else {
    unresolved_.emplace(patient_id, coverage);
  }
}

void MemberIndex::AddBundle(const nlohmann::json& bundle, LoadCounts& counts, int depth) {
  const nlohmann::json* entries = ArrayAt(bundle, "entry");
  if (entries == nullptr || depth > kMaxBundleDepth) return;
  // urn:uuid: fullUrls of the Bundle's Patients, for Coverages that reference them so.
  std::unordered_map<std::string, std::string> urn_ids;
  for (const nlohmann::json& entry : *entries) {
    const nlohmann::json* resource = ObjectAt(entry, "resource");
    if (resource == nullptr || StringAt(*resource, "resourceType") != "Patient") continue;
    const std::string_view full_url = StringAt(entry, "fullUrl");
    std::string id(StringAt(*resource, "id"));
    if (id.empty()) id = std::string(full_url);  // a Patient without id is known by its fullUrl
    if (!full_url.empty()) urn_ids.emplace(std::string(full_url), id);
    AddPatient(*resource, std::move(id));
    ++counts.patients;
  }
  for (const nlohmann::json& entry : *entries) {
    const nlohmann::json* resource = ObjectAt(entry, "resource");
    if (resource == nullptr) continue;
    const std::string_view type = StringAt(*resource, "resourceType");
    if (type == "Patient") continue;
    if (type == "Coverage") {
      AddCoverage(*resource, BeneficiaryId(*resource, &urn_ids));
      ++counts.coverages;
    } else if (type == "Bundle") {
      AddBundle(*resource, counts, depth + 1);
    } else {
      ++counts.other;
    }
  }
}

void MemberIndex::AddResource(const nlohmann::json& resource, LoadCounts& counts) {
  const std::string_view type = StringAt(resource, "resourceType");
  if (type == "Bundle") {
    AddBundle(resource, counts, 0);
  } else if (type == "Patient" && !StringAt(resource, "id").empty()) {
    AddPatient(resource, std::string(StringAt(resource, "id")));
    ++counts.patients;
  } else if (type == "Coverage") {
    AddCoverage(resource, BeneficiaryId(resource));
    ++counts.coverages;
  } else {
    ++counts.other;
  }
}

Issues MemberIndex::Add(std::string_view text, std::string_view name, const json::JsonLimits& limits, LoadCounts& counts) {
  json::ParsedJson whole = json::ParseJson(text, limits);
  if (whole.ok()) {
    AddResource(whole.value, counts);
    return {};
  }
  // NDJSON is read line by line, each line within the limits: a payer's export may be larger than
  // the limit for one JSON value (json.too-large), but not deeper (json.too-deep).
  const bool several_lines = text.find('\n') != std::string_view::npos && text.find('\n') + 1 < text.size();
  if (whole.error->id == "json.too-deep" || (whole.error->id != "json.syntax" && !several_lines)) {
    return {Issue{.code = "too-costly", .id = whole.error->id, .diagnostics = std::string(name) + ": " + whole.error->message}};
  }
  // NDJSON: one resource per line. Accepted when the text has several lines and at least one of them
  // parses; each line that does not is reported with its number.
  std::size_t parsed_lines = 0;
  std::size_t line_number = 0;
  std::size_t start = 0;
  Issues line_issues;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    ++line_number;
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    json::ParsedJson parsed = json::ParseJson(line, limits);
    if (!parsed.ok()) {
      line_issues.push_back(Issue{.code = "structure", .id = "member-match.index-bad-line",
                                  .diagnostics = std::string(name) + " line " + std::to_string(line_number) + ": " + parsed.error->message,
                                  .line = static_cast<int>(line_number)});
      if (line_issues.size() > 20) break;  // enough to say what is wrong
      continue;
    }
    ++parsed_lines;
    AddResource(parsed.value, counts);
  }
  if (parsed_lines == 0) {
    return {Issue{.code = whole.error->id == "json.syntax" ? "structure" : "too-costly", .id = whole.error->id,
                  .diagnostics = std::string(name) + ": " + whole.error->message, .line = whole.error->line,
                  .column = whole.error->column}};
  }
  return line_issues;
}

std::vector<std::uint32_t> MemberIndex::Candidates(const std::vector<std::string>& keys, std::size_t limit) const {
  std::vector<std::uint32_t> out;
  for (const std::string& key : keys) {
    const auto it = blocks_.find(key);
    if (it == blocks_.end()) continue;
    for (const std::uint32_t member : it->second) {
      if (std::find(out.begin(), out.end(), member) != out.end()) continue;
      out.push_back(member);
      if (out.size() > limit) return out;
    }
  }
  return out;
}

}  // namespace pdex::member_match
