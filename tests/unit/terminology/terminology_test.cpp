// Local ValueSet expansion and membership over a registry of hand-made and R4 core resources.
#include "terminology/terminology.h"

#include <catch2/catch.hpp>

namespace pdex::terminology {
namespace {

package::Registry& TestRegistry() {
  static package::Registry* registry = [] {
    auto* r = new package::Registry();
    r->Add(nlohmann::json::parse(R"({"resourceType":"CodeSystem","url":"http://example.org/cs","content":"complete",
      "concept":[{"code":"animal","concept":[{"code":"dog","concept":[{"code":"puppy"}]},{"code":"cat"}]},{"code":"rock"}]})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"CodeSystem","url":"http://example.org/v2-ids","content":"complete",
      "concept":[{"code":"NNxxx","display":"National Person Identifier where the xxx is the ISO table 3166 3-character (alphabetic) country code"},{"code":"NH"}]})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"CodeSystem","url":"http://example.org/fragment","content":"fragment",
      "concept":[{"code":"a"}]})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"ValueSet","url":"http://example.org/vs/all","version":"1",
      "compose":{"include":[{"system":"http://example.org/cs"}]}})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"ValueSet","url":"http://example.org/vs/animals",
      "compose":{"include":[{"system":"http://example.org/cs","filter":[{"property":"concept","op":"is-a","value":"animal"}]}],
                 "exclude":[{"system":"http://example.org/cs","concept":[{"code":"cat"}]}]}})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"ValueSet","url":"http://example.org/vs/mixed",
      "compose":{"include":[{"system":"http://loinc.org","concept":[{"code":"1-8"}]},{"system":"http://snomed.info/sct"},
                            {"valueSet":["http://example.org/vs/animals"]},{"system":"http://example.org/fragment"}]}})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"ValueSet","url":"http://example.org/vs/loop",
      "compose":{"include":[{"valueSet":["http://example.org/vs/loop"]}]}})"));
    return r;
  }();
  return *registry;
}

}  // namespace

TEST_CASE("whole code systems, is-a filters and excludes", "[terminology]") {
  const TerminologyService service(TestRegistry());
  CHECK(service.CheckCode("http://example.org/vs/all", "http://example.org/cs", "puppy").membership == Membership::kMember);
  CHECK(service.CheckCode("http://example.org/vs/all|1", "http://example.org/cs", "rock").membership == Membership::kMember);
  CHECK(service.CheckCode("http://example.org/vs/all", "http://example.org/cs", "nope").membership == Membership::kNotMember);
  CHECK(service.CheckCode("http://example.org/vs/animals", "http://example.org/cs", "puppy").membership == Membership::kMember);
  CHECK(service.CheckCode("http://example.org/vs/animals", "http://example.org/cs", "animal").membership == Membership::kMember);
  CHECK(service.CheckCode("http://example.org/vs/animals", "http://example.org/cs", "cat").membership == Membership::kNotMember);
  CHECK(service.CheckCode("http://example.org/vs/animals", "http://example.org/cs", "rock").membership == Membership::kNotMember);
  CHECK(service.CheckCode("http://example.org/vs/animals", "", "dog").membership == Membership::kMember);
}

TEST_CASE("external, fragment and unknown systems are not checked, with a reason", "[terminology]") {
  const TerminologyService service(TestRegistry());
  CHECK(service.CheckCode("http://example.org/vs/mixed", "http://loinc.org", "1-8").membership == Membership::kMember);
  const CodeCheck snomed = service.CheckCode("http://example.org/vs/mixed", "http://snomed.info/sct", "22298006");
  CHECK(snomed.membership == Membership::kNotChecked);
  CHECK(snomed.reason.find("SNOMED CT") != std::string::npos);
  CHECK(service.CheckCode("http://example.org/vs/mixed", "http://example.org/fragment", "a").membership ==
        Membership::kNotChecked);
  CHECK(service.CheckCode("http://example.org/vs/mixed", "http://example.org/cs", "dog").membership == Membership::kMember);
  CHECK(service.CheckCode("http://example.org/vs/none", "http://x", "y").membership == Membership::kNotChecked);
  CHECK(service.CheckCodeSystem("http://loinc.org", "1-8").membership == Membership::kNotChecked);
  CHECK(service.CheckCodeSystem("http://unitsofmeasure.org", "mg").membership == Membership::kNotChecked);
  CHECK(service.CheckCodeSystem("http://example.org/cs", "cat").membership == Membership::kMember);
  CHECK(service.CheckCodeSystem("http://example.org/cs", "cow").membership == Membership::kNotMember);
  CHECK(IsExternalCodeSystem("http://hl7.org/fhir/sid/icd-10-cm"));
}

TEST_CASE("circular value set imports terminate", "[terminology]") {
  const TerminologyService service(TestRegistry());
  CHECK(service.CheckCode("http://example.org/vs/loop", "http://x", "y").membership == Membership::kNotChecked);
}

TEST_CASE("a v2 code with the xxx country placeholder stands for each country's code", "[terminology]") {
  const TerminologyService service(TestRegistry());
  CHECK(service.CheckCodeSystem("http://example.org/v2-ids", "NNFIN").membership == Membership::kMember);
  CHECK(service.CheckCodeSystem("http://example.org/v2-ids", "NNxxx").membership == Membership::kMember);
  CHECK(service.CheckCodeSystem("http://example.org/v2-ids", "NNfin").membership == Membership::kNotMember);
  CHECK(service.CheckCodeSystem("http://example.org/v2-ids", "NNFI").membership == Membership::kNotMember);
  CHECK(service.CheckCodeSystem("http://example.org/v2-ids", "NHFIN").membership == Membership::kNotMember);
}

}  // namespace pdex::terminology
