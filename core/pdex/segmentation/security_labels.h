// Reading meta.security labels (FHIR R4 Resource.meta.security, THO v3 code systems; DS4P IG;
// ../shared/spec/pdex-facts.md §4.3) for a #regular release.
#pragma once

#include "pdex/segmentation/sensitive_category.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace pdex::segmentation {

enum class LabelKind {
  kSensitive,  // withhold: confidentiality R/V, an ActInformationSensitivityPolicy code, 42CFRPart2
  kBenign,     // confidentiality U/L/M/N, integrity/provenance (v3-ObservationValue), handling caveats, purpose of use
  kUnknown,    // a label this segmenter does not know: it cannot tell whether it is sensitive
};

struct LabelClass {
  LabelKind kind = LabelKind::kUnknown;
  Category category = Category::kOther;  // for kSensitive
};

// Classifies one Coding of meta.security.
LabelClass ClassifyLabel(const nlohmann::json& coding);

}  // namespace pdex::segmentation
