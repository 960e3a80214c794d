// Membership of a coding in the sensitive value sets we ship (valuesets/ValueSet-pdex-sensitive-*.json,
// compiled in at build time: see CMakeLists.txt and docs/segmentation.md for why not the profiles
// pack), and which code systems the segmenter can classify at all.
#pragma once

#include "pdex/segmentation/sensitive_category.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::segmentation {

// The category of system|code when a sensitive value set holds it; nullopt otherwise. ICD codes are
// compared without dots and case (F32.9 = f329); `is-a` filters on ICD systems select the code or
// block and every code below it (a prefix, or a range of 3-character categories "F01-F99").
std::optional<Category> SensitiveCodeCategory(std::string_view system, std::string_view code);

// How well the segmenter knows a code system (the "can this payer comply?" rule, §4.1).
enum class SystemKnowledge {
  kListed,       // sensitive codes of this system are listed: a code not listed is not sensitive
  kDisplayOnly,  // no list (NDC): a coding is classified by its display text only
  kStructural,   // administrative/structural codes (HL7, CARIN, CMS claim codes...): never clinical content
  kUnknown,      // cannot be classified
};
SystemKnowledge KnowledgeOf(std::string_view system);

// The value sets as loaded: {url, category, number of codes, number of filters} (for tests and docs).
struct ValueSetSummary {
  std::string url;
  Category category;
  std::size_t codes = 0;
  std::size_t filters = 0;
};
std::vector<ValueSetSummary> LoadedValueSets();

}  // namespace pdex::segmentation
