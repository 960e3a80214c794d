// Snapshot generation: turns a StructureDefinition that carries only a `differential` into one with a
// full `snapshot`, following FHIR R4 "Profiling" (http://hl7.org/fhir/R4/profiling.html#snapshot) and
// the behaviour of the HL7 Java ProfileUtilities that produced the official IG snapshots.
//
// Usage: the validator calls GenerateSnapshot for every profile that arrives without a snapshot. The
// base definition (and any datatype or extension profile it needs to unfold) is obtained through a
// caller-supplied lookup, which may itself generate snapshots on demand (see resolver.h).
//
// Never throws. Every problem is an Issue with a stable id (documented in docs/issue-ids.md):
//   snapshot.invalid-input       the input is not a StructureDefinition with a differential
//   snapshot.base-not-found      baseDefinition (or a type/profile needed for unfolding) cannot be resolved
//   snapshot.path-not-found      a differential element matches nothing in the base
//   snapshot.path-mismatch       a differential element's path names another element than its id
//   snapshot.root-slicing        the differential slices the root element (illegal, R4 sdf-20)
//   snapshot.slicing-missing     slices on an element that has no slicing (warning; generation goes on)
//   snapshot.ambiguous-type      a child of an element with several types is constrained
//   snapshot.cardinality-widened the differential loosens min/max of the base (warning)
//   snapshot.fixed-changed       the differential changes a value the base fixes (fixed[x])
//   snapshot.circular-base       base definitions form a cycle (reported by SnapshotResolver)
//   snapshot.too-large           the result would exceed kMaxSnapshotElements, or an element id is
//                                deeper than kMaxElementDepth
//   snapshot.chain-too-long      more than kMaxBaseChain definitions generated recursively (resolver)
//   snapshot.internal            a defect of our own code (caught here, never escapes)
// Thread-safety: GenerateSnapshot is reentrant; it only calls `lookup` on the calling thread.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>

#include "common/issue.h"

namespace pdex::snapshot {

// Returns a StructureDefinition WITH a snapshot for a canonical URL (possibly `url|version`), or
// nullptr when unknown. The pointee must stay valid until GenerateSnapshot returns.
using StructureDefinitionLookup = std::function<const nlohmann::json*(std::string_view canonical_url)>;

struct SnapshotResult {
  nlohmann::json structure_definition;  // the input plus the generated snapshot
  pdex::Issues issues;
  bool ok = false;  // false when an error issue was reported; the snapshot is then best effort
};

// Limits (for docs/limits.md). The largest official R4/IG snapshot has ~1,500 elements; the deepest
// element path in R4 has 7 segments; base chains in real IGs are 2-5 definitions long.
inline constexpr std::size_t kMaxSnapshotElements = 20000;
inline constexpr std::size_t kMaxElementDepth = 64;
inline constexpr std::size_t kMaxBaseChain = 32;

SnapshotResult GenerateSnapshot(const nlohmann::json& profile, const StructureDefinitionLookup& lookup);

}  // namespace pdex::snapshot
