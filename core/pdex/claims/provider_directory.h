// The Practitioners, Organizations and Locations that claims name (EOB.provider, careTeam.provider,
// facility, item.locationReference, insurer), as US Core 3.1.1 resources keyed by NPI and
// de-duplicated across all claims of one conversion (pdex-facts.md §7.2 last row, §7.4 steps 3-5).
//
// A referenced resource is found in the EOB's `contained` or elsewhere in the input (ClaimsInput); it
// is emitted once, with id "npi-<NPI>" (or a stable hash of its source reference when it has no NPI),
// when it has what its US Core profile requires (Practitioner: identifier and name.family;
// Organization and Location: name). Otherwise, and for logical references (identifier only), the
// produced resources keep the claim's reference as given.
#pragma once

#include "common/issue.h"
#include "pdex/claims/claims_input.h"

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace pdex::claims {

struct ProviderRef {
  // The Reference the produced resources carry; null when the claim's reference is unusable (not an
  // object, or "#id" naming no contained resource).
  nlohmann::json reference;
  std::string type;      // Practitioner, Organization, Location, ...; empty when unknown (logical reference)
  std::string produced;  // "Practitioner/npi-1234567893" when this conversion emits the resource
  std::string npi;       // the NPI when known
};

class ProviderDirectory {
 public:
  explicit ProviderDirectory(const ClaimsInput& input) : input_(input) {}

  // Resolves the Reference `reference` read at `expression` of the EOB `eob`.
  ProviderRef Resolve(const nlohmann::json& reference, const EobSource& eob, const std::string& expression,
                      Issues& issues);
  // Adds a resource given directly (the payer Organization passed as an option).
  ProviderRef AddResource(const nlohmann::json& resource, const std::string& source_key, const std::string& where,
                          const std::string& source, Issues& issues);

  // The emitted resources, in the order they were first named.
  const std::vector<nlohmann::json>& resources() const { return resources_; }

 private:
  ProviderRef FromResource(const nlohmann::json& resource, const std::string& source_key, const std::string& where,
                           const std::string& source, int line, Issues& issues);

  const ClaimsInput& input_;
  std::vector<nlohmann::json> resources_;
  std::unordered_map<std::string, ProviderRef> by_key_;  // "Practitioner|npi|123", "Organization|src|..."
};

// The NPI among `identifiers` (an Identifier array): system us-npi, or typed npi (CARIN BB
// C4BBIdentifierType, v2-0203 NPI) without a system; empty when none.
std::string NpiOf(const nlohmann::json& identifiers);

}  // namespace pdex::claims
