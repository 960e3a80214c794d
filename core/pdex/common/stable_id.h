// Deterministic FHIR ids: the same inputs give the same id on every run and every machine, so that
// re-running a conversion (claims → clinical, an ingest of the same pages) updates resources in place
// instead of creating duplicates. Used by core/pdex/claims; generic for any capability that derives
// resources from a source record.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <initializer_list>

namespace pdex::pdex_common {

// 64-bit FNV-1a over the parts, each followed by a 0x1f separator (so {"ab","c"} != {"a","bc"}).
std::uint64_t StableHash(std::initializer_list<std::string_view> parts);

// "<prefix>-<16 lowercase hex digits of StableHash(parts)>": a valid FHIR id ([A-Za-z0-9-.]{1,64})
// whenever `prefix` is one (at most 47 such characters).
std::string StableId(std::string_view prefix, std::initializer_list<std::string_view> parts);

}  // namespace pdex::pdex_common
