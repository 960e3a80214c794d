// The text API the bindings expose (api/text_api.h, options.h, prepared.h, outcomes.h): options as
// JSON, prepared FHIRPath inputs, and one JSON-error mapping shared with Engine::Validate.
#include "api/engine.h"
#include "api/options.h"
#include "api/outcomes.h"
#include "api/prepared.h"
#include "api/text_api.h"
#include "json/serialize.h"

#include <catch2/catch.hpp>

#include <string>

using pdex::api::Engine;
namespace text = pdex::api::text;

namespace {

nlohmann::json Parse(const std::string& text) { return nlohmann::json::parse(text); }

}  // namespace

TEST_CASE("validate options are read from JSON, defaults kept for what is absent or mistyped", "[api][options]") {
  const pdex::api::ValidateOptions defaults = pdex::api::ValidateOptionsFromJson("{}");
  CHECK(defaults.profiles.empty());
  CHECK_FALSE(defaults.allow_comments);
  CHECK_FALSE(defaults.display_issues_are_warnings);
  CHECK(defaults.validate_contained);
  CHECK(defaults.markdown_html == pdex::api::MarkdownHtml::kWarning);

  const pdex::api::ValidateOptions all = pdex::api::ValidateOptionsFromJson(
      R"({"profiles": ["http://a", 7, "http://b"], "allowComments": true, "reportMustSupport": true,
          "displayIssuesAreWarnings": true, "securityChecks": true, "markdownHtml": "error",
          "validateContained": false, "checkReferencesExist": true})");
  CHECK(all.profiles == std::vector<std::string>{"http://a", "http://b"});
  CHECK(all.allow_comments);
  CHECK(all.report_must_support);
  CHECK(all.display_issues_are_warnings);
  CHECK(all.security_checks);
  CHECK(all.markdown_html == pdex::api::MarkdownHtml::kError);
  CHECK_FALSE(all.validate_contained);
  CHECK(all.check_references_exist);

  for (const char* unreadable : {"", "not json", "[]", R"({"allowComments": "yes", "markdownHtml": 1})"}) {
    INFO(unreadable);
    const pdex::api::ValidateOptions options = pdex::api::ValidateOptionsFromJson(unreadable);
    CHECK_FALSE(options.allow_comments);
    CHECK(options.markdown_html == pdex::api::MarkdownHtml::kWarning);
  }
  CHECK(pdex::api::FhirPathVariablesFromJson(R"({"variables": {"x": 1}})") == nlohmann::json{{"x", 1}});
  CHECK(pdex::api::FhirPathVariablesFromJson(R"({"variables": [1]})") == nlohmann::json::object());
}

TEST_CASE("a JSON limit is too-costly and bad syntax is structure, in Validate and ParsedResource alike", "[api][limits]") {
  const Engine engine(pdex::json::JsonLimits{.max_bytes = 64, .max_depth = 4});
  for (const auto& [input, id, code] : {std::tuple{std::string("[[[[[[]]]]]]"), "json.too-deep", "too-costly"},
                                        std::tuple{std::string(100, ' ') + "{}", "json.too-large", "too-costly"},
                                        std::tuple{std::string("{\"a\":}"), "json.syntax", "structure"}}) {
    INFO(input);
    const pdex::api::ParsedResource parsed(input, engine.limits());
    REQUIRE_FALSE(parsed.parsed().ok());
    const nlohmann::json from_parse = Parse(parsed.Error());
    const nlohmann::json from_validate = engine.Validate(input);
    CHECK(from_parse == from_validate);
    CHECK(from_parse["issue"][0]["code"] == code);
    CHECK(from_parse["issue"][0]["extension"].dump().find(id) != std::string::npos);
  }
  CHECK(pdex::api::ParsedResource("{}", engine.limits()).Error().empty());
}

TEST_CASE("an internal error is one fatal engine.internal issue", "[api]") {
  const pdex::Issue issue = pdex::api::InternalErrorIssue("out of memory", "while validating");
  CHECK(issue.severity == pdex::Severity::kFatal);
  CHECK(issue.code == "exception");
  CHECK(issue.id == "engine.internal");
  CHECK(issue.diagnostics == "internal error while validating: out of memory");
  CHECK(pdex::api::InternalErrorIssue("boom").diagnostics == "internal error: boom");
  const nlohmann::json outcome = Parse(pdex::api::InternalErrorOutcomeText("boom"));
  CHECK(outcome["resourceType"] == "OperationOutcome");
  CHECK(outcome["issue"].size() == 1);
  CHECK(outcome["issue"][0]["severity"] == "fatal");
}

TEST_CASE("prepared FHIRPath inputs evaluate as the one-shot call does", "[api][fhirpath]") {
  Engine engine;
  const std::string patient = R"({"resourceType": "Patient", "name": [{"given": ["Ann", "Eva"]}], "gender": "female"})";
  const std::unique_ptr<pdex::api::CompiledFhirPath> given(text::CompileFhirPath(engine, "name.given"));
  const std::unique_ptr<pdex::api::ParsedResource> resource(text::ParseResource(engine, patient));
  CHECK(given->Error().empty());
  CHECK(engine.EvaluateCompiled(*given, *resource) == engine.EvaluateFhirPath("name.given", patient));
  CHECK(Parse(engine.EvaluateCompiled(*given, *resource))["result"] == nlohmann::json{"Ann", "Eva"});

  const pdex::api::CompiledFhirPath broken("name.(");
  CHECK(Parse(broken.Error())["kind"] == "syntax");
  CHECK(Parse(engine.EvaluateCompiled(broken, *resource))["error"]["kind"] == "syntax");
  const pdex::api::ParsedResource bad("{", engine.limits());
  CHECK(Parse(engine.EvaluateCompiled(*given, bad))["error"]["kind"] == "execution");
}

TEST_CASE("the text API answers in JSON text what Engine answers in JSON", "[api]") {
  Engine engine;
  CHECK(Parse(text::ListProfiles(engine)) == nlohmann::json::array());
  const nlohmann::json loaded = Parse(text::LoadResources(engine, "not json", "bad input"));
  CHECK(loaded["resourceType"] == "OperationOutcome");
  CHECK(loaded["issue"][0]["severity"] == "error");
  const std::string patient = R"({"resourceType": "Patient", "gender": "female"})";
  CHECK(text::Validate(engine, patient, "{}") == engine.ValidateToText(patient));
  CHECK(Parse(text::Validate(engine, "// c\n" + patient, R"({"allowComments": true})"))["issue"][0]["severity"] ==
        "information");
  CHECK(Parse(text::EvaluateFhirPath(engine, "%x + 1", "{}", R"({"variables": {"x": 2}})"))["result"] ==
        nlohmann::json{3});
}
