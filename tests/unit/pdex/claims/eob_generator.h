// A deterministic generator of varied CARIN BB ExplanationOfBenefit Bundles for the claims tests:
// every claim type, several lines, missing optional parts, unknown code systems, uncoded diagnoses,
// undated lines, compounds, contained vs referenced vs logical (NPI only) providers, incomplete
// provider resources, shared providers across claims. Same seed, same Bundle.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>

namespace pdex::claims_testing {

struct GeneratedClaims {
  nlohmann::json bundle;  // collection Bundle: the EOBs and the providers they reference
  int eobs = 0;
};

GeneratedClaims GenerateClaims(std::uint64_t seed, int eob_count);

}  // namespace pdex::claims_testing
