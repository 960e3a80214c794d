// Date/time comparison shared by operators and functions (internal).
#pragma once

#include "fhirpath/value.h"

#include <optional>

namespace pdex::fhirpath {

// <0, 0, >0; nullopt when the values differ only in precision (or timezone presence) so the
// result is unknown (FHIRPath §6.1.1, §6.2). Both must be Time, or both Date/DateTime.
std::optional<int> CompareTemporal(const DateTimeValue& a, const DateTimeValue& b);

}  // namespace pdex::fhirpath
