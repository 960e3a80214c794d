// Removing parts of a resource instead of withholding it whole, where the part is a separable
// statement and removing it keeps the resource valid (docs/segmentation.md, "Withhold or redact"):
//   ExplanationOfBenefit  item[], diagnosis[], procedure[], supportingInfo[]: the line or entry goes,
//                         with the items that point at a removed diagnosis/procedure, and every
//                         *Sequence renumbered; a removed principal diagnosis, or no item or diagnosis
//                         left, withholds the claim.
//   Encounter             reasonCode[], reasonReference[], diagnosis[], participant[]
//   any resource          reasonCode[], reasonReference[], note[], text (narrative), and references to
//                         withheld data in reference arrays, `encounter`, `context`
// Anything else that is sensitive withholds the resource.
#pragma once

#include "pdex/segmentation/classify.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string_view>
#include <vector>

namespace pdex::segmentation {

// Removes every part `findings` point at. False (and `resource` in an unspecified state) when some
// part cannot be removed without breaking the resource: withhold it.
bool RedactParts(nlohmann::json& resource, const std::vector<Finding>& findings);

enum class ScrubResult { kUnchanged, kRedacted, kWithhold };

// Removes the references for which `is_withheld(reference)` holds (RedactParts rules); kWithhold when
// one cannot be removed (a required subject, a contained resource pointing out, ...).
ScrubResult ScrubReferences(nlohmann::json& resource, const std::function<bool(std::string_view)>& is_withheld);

// Marks a redacted resource: meta.security v3-ObservationValue#REDACTED, and its narrative removed
// (it would describe what was removed).
void MarkRedacted(nlohmann::json& resource);

}  // namespace pdex::segmentation
