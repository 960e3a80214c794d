// Display checks, the system of a bare code, and the code syntax of external code systems, on a
// registry of hand-made code systems and value sets.
#include "terminology/code_syntax.h"
#include "terminology/terminology.h"

#include <catch2/catch.hpp>

namespace pdex::terminology {
namespace {

package::Registry& TestRegistry() {
  static package::Registry* registry = [] {
    auto* r = new package::Registry();
    r->Add(nlohmann::json::parse(R"({"resourceType":"CodeSystem","url":"http://example.org/colors","content":"complete",
      "concept":[{"code":"red","display":"Red colour","designation":[{"value":"Crimson"},{"language":"en-GB","value":"Scarlet"}]},
                 {"code":"blue","display":"Blue"},{"code":"none"},
                 {"code":"long","display":"A display that R4 cut after exactly fifty characte"}]})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"CodeSystem","url":"http://example.org/farben","content":"complete",
      "language":"de","concept":[{"code":"rot","display":"Rot"}]})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"ValueSet","url":"http://example.org/vs/some-colors",
      "compose":{"include":[{"system":"http://example.org/colors","concept":[{"code":"red"}]},
                            {"valueSet":["http://example.org/vs/farben"]}]}})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"ValueSet","url":"http://example.org/vs/farben",
      "compose":{"include":[{"system":"http://example.org/farben"}]}})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"ValueSet","url":"http://example.org/vs/filtered",
      "compose":{"include":[{"system":"http://example.org/colors","filter":[{"property":"concept","op":"is-a","value":"red"}]}]}})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"ValueSet","url":"http://example.org/vs/places",
      "compose":{"include":[{"system":"urn:iso:std:iso:3166"},{"system":"urn:iso:std:iso:3166:-2"}]}})"));
    r->Add(nlohmann::json::parse(R"({"resourceType":"ValueSet","url":"http://example.org/vs/findings",
      "compose":{"include":[{"system":"http://snomed.info/sct","filter":[{"property":"concept","op":"is-a","value":"404684003"}]}]}})"));
    return r;
  }();
  return *registry;
}

}  // namespace

TEST_CASE("a display matches the concept's display or an English designation, ignoring case", "[terminology]") {
  const TerminologyService service(TestRegistry());
  const std::string colors = "http://example.org/colors";
  CHECK(service.CheckDisplay(colors, "red", "Red colour", "").verdict == DisplayVerdict::kValid);
  CHECK(service.CheckDisplay(colors, "red", "RED COLOUR", "").verdict == DisplayVerdict::kValid);
  CHECK(service.CheckDisplay(colors, "red", "crimson", "en-US").verdict == DisplayVerdict::kValid);
  CHECK(service.CheckDisplay(colors, "red", "Scarlet", "").verdict == DisplayVerdict::kValid);
  const DisplayCheck wrong = service.CheckDisplay(colors, "red", "Blue", "");
  CHECK(wrong.verdict == DisplayVerdict::kWrong);
  CHECK(wrong.message ==
        "Wrong Display Name 'Blue' for http://example.org/colors#red. Valid display is one of 3 choices: 'Red colour', "
        "'Crimson' or 'Scarlet' (for the language(s) 'en-US')");
  const DisplayCheck spaces = service.CheckDisplay(colors, "blue", " blue ", "");
  CHECK(spaces.verdict == DisplayVerdict::kWrong);
  CHECK(spaces.message.rfind("Wrong whitespace in Display Name ' blue ' for http://example.org/colors#blue. "
                             "Valid display is 'Blue'", 0) == 0);
  // A display R4 cut at 50 characters: its full form is accepted, another text is not.
  CHECK(service.CheckDisplay(colors, "long", "A display that R4 cut after exactly fifty characters", "").verdict ==
        DisplayVerdict::kValid);
  CHECK(service.CheckDisplay(colors, "long", "A display", "").verdict == DisplayVerdict::kWrong);
}

TEST_CASE("displays are not checked where the local terminology cannot tell", "[terminology]") {
  const TerminologyService service(TestRegistry());
  const std::string colors = "http://example.org/colors";
  CHECK(service.CheckDisplay(colors, "none", "Anything", "").verdict == DisplayVerdict::kNotChecked);  // no display
  CHECK(service.CheckDisplay(colors, "green", "Green", "").verdict == DisplayVerdict::kNotChecked);    // unknown code
  CHECK(service.CheckDisplay(colors, "red", "Rot", "de").verdict == DisplayVerdict::kNotChecked);      // German resource
  CHECK(service.CheckDisplay("http://example.org/farben", "rot", "Red", "").verdict == DisplayVerdict::kNotChecked);
  CHECK(service.CheckDisplay("http://loinc.org", "8310-5", "Temp", "").verdict == DisplayVerdict::kNotChecked);
  CHECK(service.CheckDisplay(colors, "red", "", "").verdict == DisplayVerdict::kNotChecked);
}

TEST_CASE("the systems that hold a bare code in a value set", "[terminology]") {
  const TerminologyService service(TestRegistry());
  const auto red = service.SystemsForCode("http://example.org/vs/some-colors", "red");
  REQUIRE(red);
  CHECK(*red == std::vector<std::string>{"http://example.org/colors"});
  const auto rot = service.SystemsForCode("http://example.org/vs/some-colors", "rot");
  REQUIRE(rot);
  CHECK(*rot == std::vector<std::string>{"http://example.org/farben"});
  const auto blue = service.SystemsForCode("http://example.org/vs/some-colors", "blue");  // not in the concept list
  REQUIRE(blue);
  CHECK(blue->empty());
  CHECK_FALSE(service.SystemsForCode("http://example.org/vs/filtered", "red"));  // filters: not told
  CHECK_FALSE(service.SystemsForCode("http://example.org/vs/places", "AU"));     // not enumerable
  CHECK_FALSE(service.SystemsForCode("http://example.org/vs/unknown", "red"));
}

TEST_CASE("code syntax rules out codes of external systems", "[terminology]") {
  const std::string snomed = "http://snomed.info/sct";
  CHECK(MalformedCode(snomed, "22298006").empty());
  CHECK(MalformedCode(snomed, "276885007").empty());
  CHECK(MalformedCode(snomed, "428191000124101").empty());  // long format (namespace), partition 10
  CHECK(MalformedCode(snomed, "128045006:{363698007=56459004}").empty());  // an expression: not judged
  CHECK_FALSE(MalformedCode(snomed, "276885007x").empty());
  CHECK_FALSE(MalformedCode(snomed, "276885008").empty());  // check digit
  CHECK_FALSE(MalformedCode(snomed, "1").empty());
  CHECK_FALSE(MalformedCode(snomed, "34552-0").empty());  // a LOINC code
  CHECK_FALSE(MalformedCode(snomed, "754738019").empty());  // a description id (partition 01)
  CHECK(MalformedCode("http://loinc.org", "8310-5").empty());
  CHECK(MalformedCode("http://loinc.org", "LA6576-8").empty());
  CHECK_FALSE(MalformedCode("http://loinc.org", "test").empty());
  CHECK(MalformedCode("urn:iso:std:iso:3166", "AU").empty());
  CHECK(MalformedCode("urn:iso:std:iso:3166", "AUS").empty());
  CHECK(MalformedCode("urn:iso:std:iso:3166", "036").empty());
  CHECK_FALSE(MalformedCode("urn:iso:std:iso:3166", "Australia").empty());
  CHECK(MalformedCode("urn:iso:std:iso:3166:-2", "AU-NSW").empty());
  CHECK_FALSE(MalformedCode("urn:iso:std:iso:3166:-2", "AU").empty());
  CHECK(MalformedCode("http://example.org/colors", "anything at all").empty());  // no rule
}

TEST_CASE("malformed codes are not members even where the system is not enumerable", "[terminology]") {
  const TerminologyService service(TestRegistry());
  CHECK(service.CheckCodeSystem("http://snomed.info/sct", "276885007x").membership == Membership::kNotMember);
  CHECK(service.CheckCodeSystem("http://snomed.info/sct", "276885007").membership == Membership::kNotChecked);
  CHECK(service.CheckCode("http://example.org/vs/findings", "http://snomed.info/sct", "1").membership ==
        Membership::kNotMember);
  CHECK(service.CheckCode("http://example.org/vs/findings", "http://snomed.info/sct", "22298006").membership ==
        Membership::kNotChecked);
  // A bare code: a member of no included system when it fits none of their syntaxes.
  CHECK(service.CheckCode("http://example.org/vs/places", "", "Australia").membership == Membership::kNotMember);
  CHECK(service.CheckCode("http://example.org/vs/places", "", "AU").membership == Membership::kNotChecked);
  CHECK(service.CheckCode("http://example.org/vs/places", "", "AU-NSW").membership == Membership::kNotChecked);
}

}  // namespace pdex::terminology
