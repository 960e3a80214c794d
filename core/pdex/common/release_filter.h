// The seam between assembling or ingesting a release and the consent decision / sensitive-data
// segmentation (core/pdex/segmentation): both core/pdex/release and core/pdex/ingest hand every
// resource they are about to release (or store) to a ReleaseFilter and keep only what it returns.
#pragma once

#include "common/issue.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <vector>

namespace pdex::pdex_common {

struct FilterResult {
  // The resources that may be released, each with its original resourceType and id (a redacted resource
  // keeps its id). Anything given to the filter whose Type/id is not here counts as withheld: the caller
  // drops it, removes it from Provenance.target, and masks every reference to it.
  std::vector<nlohmann::json> released;
  // What the filter wants to say (counts per rule, never the withheld data itself).
  Issues issues;
};

// Gets the resources selected for release (or received for storing), returns the releasable ones.
// An empty std::function releases everything.
using ReleaseFilter = std::function<FilterResult(const std::vector<nlohmann::json>& selected)>;

}  // namespace pdex::pdex_common
