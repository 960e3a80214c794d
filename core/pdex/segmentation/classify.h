// Finding sensitive content anywhere in one resource (docs/segmentation.md, "Where data hides"): a
// walk over the whole JSON, so nothing is missed for lack of a path list — codings in any element,
// extensions and contained resources; security labels; free text of every string element; narrative;
// attachments. Each finding says where (a path the redaction can act on), which rule and category.
#pragma once

#include "pdex/segmentation/sensitive_category.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace pdex::segmentation {

// One step down a JSON tree: the member `key`, and when that member is an array, its element `index`.
struct PathStep {
  std::string key;
  std::ptrdiff_t index = -1;
};
using JsonPath = std::vector<PathStep>;

struct Finding {
  JsonPath path;  // where: the coding, string, label, narrative or attachment
  Rule rule;
  Category category;
};

// Content the segmenter cannot classify with confidence (the §4.1 "can this payer comply?" rule).
enum class Unclassifiable {
  kUnknownLabel,       // a meta.security label that is neither a known sensitive nor a known benign code
  kUnknownCodeSystem,  // a clinical code whose codings are all from systems the segmenter cannot classify
  kUncodedClinicalText,  // a clinical CodeableConcept with text and no coding at all
};
inline constexpr int kUnclassifiableCount = 3;
const char* UnclassifiableName(Unclassifiable reason);

struct Classification {
  std::vector<Finding> findings;
  std::vector<Unclassifiable> unclassifiable;
};

struct ClassifyOptions {
  std::size_t max_attachment_bytes = 8u * 1024u * 1024u;  // larger decoded text attachments are unreadable
};

Classification ClassifyResource(const nlohmann::json& resource, const ClassifyOptions& options = {});

// The value at `path` in `root`, or nullptr.
const nlohmann::json* ValueAt(const nlohmann::json& root, const JsonPath& path);

}  // namespace pdex::segmentation
