// What claims-to-clinical reads: ExplanationOfBenefit resources, alone, in Bundles (any type) or as
// NDJSON lines, together with the resources they reference (Practitioner, Organization, Location,
// Patient) found in the same Bundles or files. Collected once, with limits, before mapping.
#pragma once

#include "common/issue.h"
#include "json/parse.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pdex::claims {

// Documented in docs/limits.md (claims-to-clinical).
struct ClaimsLimits {
  std::size_t max_eobs = 20000;          // EOBs converted per call; the rest are reported and skipped
  std::size_t max_entries = 200000;      // Bundle entries / NDJSON lines read per call
  std::size_t max_lines_per_eob = 1000;  // items, diagnoses, procedures, careTeam, supportingInfo, contained per EOB
  std::size_t max_resources = 200000;    // produced resources per call; later claims are not converted
};

// One EOB to convert and where it was found, for issue locations.
struct EobSource {
  const nlohmann::json* eob = nullptr;
  std::string where;   // FHIRPath-style prefix: "ExplanationOfBenefit", "Bundle.entry[3].resource"
  std::string source;  // the input's name (file), empty when there is one unnamed input
  int line = 0;        // NDJSON line (1-based), 0 otherwise
};

// The EOBs of all inputs, and every other resource by "Type/id" and by Bundle fullUrl.
class ClaimsInput {
 public:
  explicit ClaimsInput(ClaimsLimits limits) : limits_(limits) {}

  // Adds a parsed document: an EOB, a Bundle (entries read, nested Bundles one level deep), or any
  // other resource (indexed only). `value` must outlive this object.
  void AddDocument(const nlohmann::json& value, const std::string& source, int line, Issues& issues);
  // Parses `text` (one JSON document, or NDJSON when it is not one) and adds what it holds; the
  // parsed values are kept by this object.
  void AddText(std::string_view text, const std::string& source, const json::JsonLimits& json_limits, Issues& issues);

  const std::vector<EobSource>& eobs() const { return eobs_; }
  // The resource a literal reference names ("Type/id", absolute URL ending in Type/id, or a Bundle
  // fullUrl such as urn:uuid:...), or nullptr.
  const nlohmann::json* Find(std::string_view reference) const;
  const ClaimsLimits& limits() const { return limits_; }

 private:
  void AddResource(const nlohmann::json& resource, const std::string& where, const std::string& source, int line,
                   std::string_view full_url, Issues& issues);
  void AddBundle(const nlohmann::json& bundle, const std::string& where, const std::string& source, int line,
                 int depth, Issues& issues);

  ClaimsLimits limits_;
  std::vector<EobSource> eobs_;
  std::unordered_map<std::string, const nlohmann::json*> by_reference_;
  std::vector<std::unique_ptr<nlohmann::json>> owned_;
  std::size_t entries_read_ = 0;
  bool eob_limit_reported_ = false;
  bool entry_limit_reported_ = false;
};

}  // namespace pdex::claims
