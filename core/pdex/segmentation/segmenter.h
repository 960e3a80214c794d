// Sensitive-data segmentation of a member's data for one release under an HRex consent decision
// (../shared/spec/pdex-facts.md §4.1; docs/segmentation.md):
//   - a consent that is not permitted releases nothing;
//   - #sensitive releases everything;
//   - #regular withholds (or redacts) everything sensitive: labelled data, data with codes of the
//     sensitive value sets, sensitive free text, unreadable attachments, and whatever refers to
//     withheld data where the reference cannot be removed; no id of withheld data remains;
//   - and when a resource that would be released holds content the segmenter cannot classify with
//     confidence (an unknown security label, clinical codes from unknown systems), a #regular consent
//     cannot be honoured: nothing is released (the consent-constraint answer, §4.1).
#pragma once

#include "common/issue.h"
#include "pdex/consent/consent_decision.h"

#include <nlohmann/json.hpp>

#include <cstddef>

namespace pdex::segmentation {

struct SegmentOptions {
  std::size_t max_entries = 100000;                       // docs/limits.md
  std::size_t max_attachment_bytes = 8u * 1024u * 1024u;  // decoded text attachment
};

struct SegmentResult {
  bool released = false;  // false: nothing may be released; `issues` say why
  nlohmann::json bundle;  // the releasable Bundle when released (same type; released entries keep fullUrl and id)
  // Counts, never data: {"policy", "outcome": "released"|"refused", "input", "released", "redacted",
  // "withheld", "withheldByRule": {rule: n}, "withheldByCategory": {category: n},
  // "redactedPartsByRule": {...}, "redactedPartsByCategory": {...}, "unclassifiable": {reason: n}}.
  nlohmann::json report;
  Issues issues;
};

// `bundle` is a parsed Bundle (any type) holding one member's data; `decision` the consent decision
// for this release (core/pdex/consent). Never throws.
SegmentResult Segment(const nlohmann::json& bundle, const consent::ConsentDecision& decision,
                      const SegmentOptions& options = {});

}  // namespace pdex::segmentation
