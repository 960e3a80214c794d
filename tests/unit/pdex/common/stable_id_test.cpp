#include "pdex/common/fhir_refs.h"
#include "pdex/common/stable_id.h"

#include <catch2/catch.hpp>

using pdex::pdex_common::IsFhirId;
using pdex::pdex_common::StableHash;
using pdex::pdex_common::StableId;

TEST_CASE("StableId is deterministic, a valid FHIR id, and separates its parts", "[stable-id]") {
  const std::string id = StableId("enc", {"https://payer.example/claim", "CLM-1", "encounter"});
  CHECK(id == StableId("enc", {"https://payer.example/claim", "CLM-1", "encounter"}));
  CHECK(id.rfind("enc-", 0) == 0);
  CHECK(id.size() == 4 + 16);
  CHECK(IsFhirId(id));
  CHECK(id != StableId("enc", {"https://payer.example/claim", "CLM-2", "encounter"}));
  // Part boundaries matter: {"ab", "c"} and {"a", "bc"} differ.
  CHECK(StableHash({"ab", "c"}) != StableHash({"a", "bc"}));
  // The FNV-1a value is fixed across platforms (ids of stored resources must never change).
  CHECK(StableHash({}) == 14695981039346656037ull);
}

TEST_CASE("IsFhirId accepts [A-Za-z0-9-.]{1,64} only", "[stable-id]") {
  CHECK(IsFhirId("npi-1234567893"));
  CHECK(IsFhirId(std::string(64, 'a')));
  CHECK_FALSE(IsFhirId(std::string(65, 'a')));
  CHECK_FALSE(IsFhirId(""));
  CHECK_FALSE(IsFhirId("a_b"));
  CHECK_FALSE(IsFhirId("a/b"));
}
