// Line/column of issues in the JSON text they came from: a scan of the (already parsed, so
// well-formed) text records where each value starts, keyed by its location in the validator's
// FHIRPath form ("Patient.name[0].given[1]", JSON property names, `_x` also reachable as `x`).
//
// Used after validation, only when there are issues: one linear pass over the text. Never throws.
#pragma once

#include "common/issue.h"

#include <string_view>

namespace pdex::validation {

// Fills Issue::line / column for each issue whose expression names a value in `text` (the nearest
// enclosing value when the exact one is absent, e.g. a missing required element -> its parent).
// `text` must be the JSON the issues were produced from; issues that already have a line are kept.
void AnnotatePositions(std::string_view text, Issues& issues);

}  // namespace pdex::validation
