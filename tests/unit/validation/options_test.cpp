// The ValidatorOptions that mirror switches of the HL7 validator (security_checks, markdown_html,
// validate_contained, assume_valid_rest_references, for_publication, no_experimental_content), the
// text scans behind the HTML checks (html_text.h) and Duration bounds relative to now (relative_time.h).
#include "test_support.h"

#include "json/parse.h"
#include "validation/html_text.h"
#include "validation/relative_time.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>

namespace pdex::validation::testing {
namespace {

Issues Run(const std::string& text, const ValidatorOptions& options = {}) {
  static const terminology::TerminologyService terminology(CoreRegistry());
  static const Validator validator(CoreRegistry(), terminology);
  const json::ParsedJson parsed = json::ParseJson(text);
  REQUIRE(parsed.ok());
  return validator.Validate(parsed.value, options);
}

// The severity of the first issue with `id` at `expression`, or nullopt.
std::optional<Severity> Find(const Issues& issues, const std::string& id, const std::string& expression) {
  for (const Issue& issue : issues) {
    if (issue.id == id && issue.expression == expression) return issue.severity;
  }
  return std::nullopt;
}

// 2020-02-29T12:00:00Z: a leap day, so calendar arithmetic has to clamp.
constexpr std::int64_t kLeapDayNoon = 1582977600;

nlohmann::json Duration(double value, const std::string& code) {
  return {{"value", value}, {"system", "http://unitsofmeasure.org"}, {"code", code}};
}

}  // namespace

TEST_CASE("HTML tags in text are recognised as the HL7 validator recognises them", "[validator][text]") {
  CHECK(LooksLikeHtmlTags("Standard <script>somescript</script>"));
  CHECK(LooksLikeHtmlTags("x <a href=\"y\">link</a>"));
  CHECK_FALSE(LooksLikeHtmlTags("1 < 2 and 3 > 2"));
  CHECK_FALSE(LooksLikeHtmlTags("a <b>c"));  // no '<' after the tag: not counted, as in Java
  CHECK_FALSE(LooksLikeHtmlTags("<1a> </x>"));
  CHECK_FALSE(LooksLikeHtmlTags("plain text"));

  CHECK(MarkdownHtmlTagAt("<resource type>\\<id>") == std::optional<std::size_t>(0));
  CHECK(MarkdownHtmlTagAt("see \\<b> and <i>") == std::optional<std::size_t>(13));
  CHECK_FALSE(MarkdownHtmlTagAt("a < b, \\<escaped>, x<").has_value());

  // Linear time on hostile input: a megabyte of '<' and one of alternating '<' and '>'.
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(LooksLikeHtmlTags(std::string(1 << 20, '<')));
  std::string alternating;
  for (int i = 0; i < (1 << 19); ++i) alternating += "<>";
  CHECK_FALSE(LooksLikeHtmlTags(alternating));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("security_checks turn HTML in strings from information into errors", "[validator][text]") {
  const std::string patient = R"({"resourceType":"Patient","name":[{"text":"Standard <script>x</script>"}],
    "text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>ok</p></div>"}})";
  const Issues plain = Run(patient);
  INFO(Describe(plain, false));
  CHECK(Find(plain, "validator.string-html", "Patient.name[0].text") == Severity::kInformation);
  CHECK_FALSE(Find(plain, "validator.string-html", "Patient.text.div"));  // XHTML is checked as XHTML
  ValidatorOptions secure;
  secure.security_checks = true;
  const Issues checked = Run(patient, secure);
  CHECK(Find(checked, "validator.string-html", "Patient.name[0].text") == Severity::kError);
  CHECK(CountErrors(checked) == 1);
}

TEST_CASE("markdown_html: raw HTML tags in markdown are a warning, an error or ignored", "[validator][text]") {
  const std::string communication = R"({"resourceType":"Communication","status":"completed",
    "note":[{"text":"<resource type>"},{"text":"a \\<escaped> tag and 1 < 2"}]})";
  const Issues warned = Run(communication);
  CHECK(Find(warned, "validator.markdown-html", "Communication.note[0].text") == Severity::kWarning);
  CHECK_FALSE(Find(warned, "validator.markdown-html", "Communication.note[1].text"));
  CHECK_FALSE(Find(warned, "validator.string-html", "Communication.note[0].text"));  // markdown: own rule
  ValidatorOptions options;
  options.markdown_html = MarkdownHtml::kError;
  CHECK(Find(Run(communication, options), "validator.markdown-html", "Communication.note[0].text") == Severity::kError);
  options.markdown_html = MarkdownHtml::kIgnore;
  CHECK_FALSE(Find(Run(communication, options), "validator.markdown-html", "Communication.note[0].text"));
}

TEST_CASE("validate_contained = false skips contained resources and dom-3", "[validator][contained]") {
  const std::string condition = R"({"resourceType":"Condition","subject":{"reference":"Patient/1"},
    "contained":[{"resourceType":"Practitioner","id":"1234567890123456789012345678901234567890123456789012345678901234567890"}]})";
  const Issues checked = Run(condition);
  INFO(Describe(checked, false));
  CHECK(Find(checked, "validator.primitive-format", "Condition.contained[0].id"));
  CHECK(Find(checked, "validator.invariant", "Condition"));  // dom-3: not referenced
  ValidatorOptions ignore;
  ignore.validate_contained = false;
  const Issues skipped = Run(condition, ignore);
  INFO(Describe(skipped, false));
  CHECK(CountErrors(skipped) == 0);
}

TEST_CASE("assume_valid_rest_references: the type in an absolute reference URL is a resource type",
          "[validator][references]") {
  const std::string observation = R"({"resourceType":"Observation","status":"final","code":{"text":"x"},
    "focus":[{"reference":"https://example.org/fhir/Chicken/1"},{"reference":"https://example.org/fhir/Patient/1"},
             {"reference":"https://example.org/fhir"}]})";
  CHECK(CountErrors(Run(observation)) == 0);
  ValidatorOptions rest;
  rest.assume_valid_rest_references = true;
  const Issues issues = Run(observation, rest);
  INFO(Describe(issues, false));
  CHECK(Find(issues, "validator.reference-format", "Observation.focus[0]") == Severity::kError);
  CHECK(CountErrors(issues) == 1);  // Patient is a type; "example.org" is not type-shaped
}

TEST_CASE("for_publication: HL7 canonical resources name their work group", "[validator][rules]") {
  const std::string code_system = R"({"resourceType":"CodeSystem","url":"http://hl7.org/fhir/my-codes",
    "status":"draft","content":"complete","concept":[{"code":"a"}]})";
  ValidatorOptions publication;
  publication.for_publication = true;
  CHECK(CountErrors(Run(code_system)) == 0);
  CHECK(Find(Run(code_system, publication), "validator.hl7-workgroup-missing", "CodeSystem") == Severity::kError);
  nlohmann::json with_wg = nlohmann::json::parse(code_system);
  with_wg["extension"] = {{{"url", "http://hl7.org/fhir/StructureDefinition/structuredefinition-wg"}, {"valueCode", "vocab"}}};
  CHECK_FALSE(Find(Run(with_wg.dump(), publication), "validator.hl7-workgroup-missing", "CodeSystem"));
  nlohmann::json other = nlohmann::json::parse(code_system);
  other["url"] = "http://example.org/my-codes";
  CHECK_FALSE(Find(Run(other.dump(), publication), "validator.hl7-workgroup-missing", "CodeSystem"));
}

TEST_CASE("no_experimental_content: experimental canonical resources are errors", "[validator][rules]") {
  const std::string value_set = R"({"resourceType":"ValueSet","url":"http://example.org/vs","status":"draft",
    "experimental":true})";
  ValidatorOptions production;
  production.no_experimental_content = true;
  CHECK_FALSE(Find(Run(value_set), "validator.experimental-content", "ValueSet"));
  CHECK(Find(Run(value_set, production), "validator.experimental-content", "ValueSet") == Severity::kError);
  nlohmann::json released = nlohmann::json::parse(value_set);
  released["experimental"] = false;
  CHECK_FALSE(Find(Run(released.dump(), production), "validator.experimental-content", "ValueSet"));
  released["experimental"] = "yes";  // a type error is reported elsewhere; never a crash here
  CHECK_FALSE(Find(Run(released.dump(), production), "validator.experimental-content", "ValueSet"));
}

TEST_CASE("check_references_exist: relative references resolve among the resources sent together",
          "[validator][references]") {
  // A $member-match request: the Coverage names its beneficiary among the Parameters' resources.
  const std::string request = R"({"resourceType":"Parameters","parameter":[
    {"name":"MemberPatient","resource":{"resourceType":"Patient","id":"1"}},
    {"name":"CoverageToMatch","resource":{"resourceType":"Coverage","id":"c","status":"active",
      "beneficiary":{"reference":"Patient/1"},"payor":[{"reference":"http://example.org/fhir/Organization/p"}]}},
    {"name":"Wrapper","part":[{"name":"Nested","resource":{"resourceType":"Coverage","id":"d","status":"active",
      "beneficiary":{"reference":"Patient/2"},"payor":[{"reference":"Patient/1"}]}}]}]})";
  ValidatorOptions exist;
  exist.check_references_exist = true;
  CHECK_FALSE(Find(Run(request), "validator.reference-unresolved", "Parameters.parameter[2].part[0].resource.beneficiary"));
  const Issues checked = Run(request, exist);
  CHECK(Find(checked, "validator.reference-unresolved", "Parameters.parameter[2].part[0].resource.beneficiary") ==
        Severity::kError);
  CHECK_FALSE(Find(checked, "validator.reference-unresolved", "Parameters.parameter[1].resource.beneficiary"));
  CHECK_FALSE(Find(checked, "validator.reference-unresolved", "Parameters.parameter[2].part[0].resource.payor[0]"));
  CHECK_FALSE(Find(checked, "validator.reference-unresolved", "Parameters.parameter[1].resource.payor[0]"));
  // Outside Bundles and Parameters a relative reference has nothing to resolve against.
  CHECK(Find(Run(R"({"resourceType":"Coverage","status":"active","beneficiary":{"reference":"Patient/1"},
    "payor":[{"display":"P"}]})", exist), "validator.reference-unresolved", "Coverage.beneficiary") == Severity::kError);
}

TEST_CASE("Duration bounds are relative to now, at the value's precision", "[validator][relative-time]") {
  // A minimum of now - 1 a is 2019-02-28T12:00Z (clamped), a maximum of now + 1 a 2021-02-28T12:00Z.
  CHECK(CompareWithNowOffset("2019-02-27", Duration(1, "a"), -1, kLeapDayNoon) == -1);
  CHECK(CompareWithNowOffset("2019-02-28", Duration(1, "a"), -1, kLeapDayNoon) == 0);
  CHECK(CompareWithNowOffset("2019-02-28T11:59:59Z", Duration(1, "a"), -1, kLeapDayNoon) == -1);
  CHECK(CompareWithNowOffset("2019-02-28T13:00:00+02:00", Duration(1, "a"), -1, kLeapDayNoon) == -1);
  CHECK(CompareWithNowOffset("2019-02-28T13:00:00Z", Duration(1, "a"), -1, kLeapDayNoon) == 1);
  CHECK(CompareWithNowOffset("2019", Duration(1, "a"), -1, kLeapDayNoon) == 0);
  CHECK(CompareWithNowOffset("2021-03", Duration(1, "a"), 1, kLeapDayNoon) == 1);
  CHECK(CompareWithNowOffset("2020-03-29", Duration(1, "mo"), 1, kLeapDayNoon) == 0);
  CHECK(CompareWithNowOffset("2020-03-08", Duration(1, "wk"), 1, kLeapDayNoon) == 1);
  CHECK(CompareWithNowOffset("2020-02-29T11:00:00Z", Duration(90, "min"), -1, kLeapDayNoon) == 1);
  CHECK(CompareWithNowOffset("2020-02-29T14:00:00Z", Duration(0.5, "d"), 1, kLeapDayNoon) == -1);
  // Not comparable: other units and systems, absurd sizes, non-dates.
  CHECK_FALSE(CompareWithNowOffset("2020", Duration(1, "kg"), 1, kLeapDayNoon));
  nlohmann::json other_system = Duration(1, "a");
  other_system["system"] = "http://example.org/units";
  CHECK_FALSE(CompareWithNowOffset("2020", other_system, 1, kLeapDayNoon));
  CHECK_FALSE(CompareWithNowOffset("2020", Duration(1e300, "a"), 1, kLeapDayNoon));
  CHECK_FALSE(CompareWithNowOffset("12:00:00", Duration(1, "h"), 1, kLeapDayNoon));
}

TEST_CASE("minValueDuration / maxValueDuration bound a date relative to today", "[validator][relative-time]") {
  const TestValidator validator({R"({"resourceType":"StructureDefinition","url":"http://example.org/recent-birth",
    "name":"RecentBirth","status":"active","kind":"resource","abstract":false,"type":"Patient",
    "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Patient","derivation":"constraint",
    "differential":{"element":[{"path":"Patient.birthDate",
      "minValueDuration":{"value":150,"system":"http://unitsofmeasure.org","code":"a"},
      "maxValueDuration":{"value":1,"system":"http://unitsofmeasure.org","code":"d"}}]}})"});
  ValidatorOptions options;
  options.profiles = {"http://example.org/recent-birth"};
  auto born = [&](const std::string& date) {
    return validator.Run(R"({"resourceType":"Patient","birthDate":")" + date + "\"}", options);
  };
  // Dates far enough from today that the test holds for decades.
  CHECK(Find(born("1800-01-01"), "validator.min-value", "Patient.birthDate") == Severity::kError);
  CHECK(Find(born("2999-01-01"), "validator.max-value", "Patient.birthDate") == Severity::kError);
  const Issues ok = born("2000-06-15");
  INFO(Describe(ok, false));
  CHECK(CountErrors(ok) == 0);
}

}  // namespace pdex::validation::testing
