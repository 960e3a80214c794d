// The segmenter as the release seam of core/pdex/release and core/pdex/ingest
// (pdex_common::ReleaseFilter): what a payer assembles for Patient/$everything, or what a receiving
// payer is about to store, passes through Segment under the consent's decision.
#pragma once

#include "pdex/common/release_filter.h"
#include "pdex/consent/consent_decision.h"
#include "pdex/segmentation/segmenter.h"

namespace pdex::segmentation {

// A filter that segments the resources it is given under `decision`. When nothing may be released
// (consent not permitted, content a #regular consent cannot be honoured for) it releases nothing and
// its error issues say why, so the caller answers with an OperationOutcome rather than an empty page.
// Otherwise it releases what Segment releases, with one information issue `segmentation.report`
// holding the report's counts (never data).
pdex_common::ReleaseFilter ReleaseFilterFor(consent::ConsentDecision decision, SegmentOptions options = {});

}  // namespace pdex::segmentation
