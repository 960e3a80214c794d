#include "pdex/segmentation/release_filter.h"

#include "json/fields.h"

#include <utility>

namespace pdex::segmentation {

pdex_common::ReleaseFilter ReleaseFilterFor(consent::ConsentDecision decision, SegmentOptions options) {
  return [decision = std::move(decision), options](const std::vector<nlohmann::json>& selected) {
    nlohmann::json entries = nlohmann::json::array();
    for (const nlohmann::json& resource : selected) entries.push_back({{"resource", resource}});
    const nlohmann::json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", std::move(entries)}};
    SegmentResult segmented = Segment(bundle, decision, options);

    pdex_common::FilterResult result;
    result.issues = std::move(segmented.issues);
    if (!segmented.released) {
      if (!HasErrors(result.issues)) {  // never an empty release that looks like "no data"
        result.issues.push_back(Issue{.severity = Severity::kError, .code = "forbidden", .id = "segmentation.refused",
                                      .diagnostics = "nothing may be released under this consent"});
      }
      return result;
    }
    if (const nlohmann::json* released = json::ArrayAt(segmented.bundle, "entry")) {
      for (const nlohmann::json& entry : *released) {
        if (const nlohmann::json* resource = json::ObjectAt(entry, "resource")) result.released.push_back(*resource);
      }
    }
    result.issues.push_back(Issue{.severity = Severity::kInformation, .code = "informational", .id = "segmentation.report",
                                  .diagnostics = segmented.report.dump()});
    return result;
  };
}

}  // namespace pdex::segmentation
