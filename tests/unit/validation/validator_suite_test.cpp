// Conformance runner over the HL7 Java validator test cases (/work/shared/fixtures/validator, R4
// subset; see its README/SOURCE.md). For each JSON case: load the supporting files, validate the
// instance against base R4 (and against `profile.source` for the profile step), and compare the
// number of error+fatal issues and their locations with the Java reference outcome.
//
// Figures are printed last. Cases whose error count differs are listed in
// validator_suite_expected_failures.txt ("name | reason"); the test fails on an unlisted failure and
// on a listed case that now passes, so the list always matches reality.
#include "test_support.h"

#include "json/parse.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace pdex::validation::testing {
namespace {

const std::string kSuite = std::string(PDEX_SHARED_DIR) + "/fixtures/validator";

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<nlohmann::json> ReadJson(const std::string& path) {
  const auto text = ReadText(path);
  if (!text) return std::nullopt;
  json::ParsedJson parsed = json::ParseJson(*text);
  if (!parsed.ok()) return std::nullopt;
  return std::move(parsed.value);
}

// Java expression "Bundle.entry[0].resource/*Patient/1*/.name[0]" -> without the comment.
std::string StripComments(std::string expression) {
  for (std::size_t open = expression.find("/*"); open != std::string::npos; open = expression.find("/*")) {
    const std::size_t close = expression.find("*/", open);
    if (close == std::string::npos) break;
    expression.erase(open, close + 2 - open);
  }
  // "value.ofType(Quantity)" -> "valueQuantity": we name choice elements by their JSON property.
  for (std::size_t at = expression.find(".ofType("); at != std::string::npos; at = expression.find(".ofType(")) {
    const std::size_t close = expression.find(')', at);
    if (close == std::string::npos) break;
    std::string type = expression.substr(at + 8, close - at - 8);
    if (!type.empty() && type[0] >= 'a' && type[0] <= 'z') type[0] = static_cast<char>(type[0] - 'a' + 'A');
    expression.replace(at, close + 1 - at, type);
  }
  return expression;
}

std::multiset<std::string> JavaErrorLocations(const std::string& outcome_path) {
  std::multiset<std::string> locations;
  const auto outcome = ReadJson(outcome_path);
  if (!outcome || !outcome->contains("issue")) return locations;
  for (const auto& issue : (*outcome)["issue"]) {
    const std::string severity = issue.value("severity", "");
    if (severity != "error" && severity != "fatal") continue;
    std::string where;
    if (issue.contains("expression") && issue["expression"].is_array() && !issue["expression"].empty()) {
      where = StripComments(issue["expression"][0].get<std::string>());
    }
    locations.insert(where);
  }
  return locations;
}

struct Step {
  int expected = 0;
  int actual = 0;
  int locations_matched = 0;
  int locations_expected = 0;
  std::string first_java_error;
  std::string first_our_error;
};

struct CaseResult {
  std::string name;
  std::string skipped;  // reason, when not run
  std::vector<Step> steps;
  bool verdict_ok() const {
    for (const Step& step : steps) {
      if ((step.expected == 0) != (step.actual == 0)) return false;
    }
    return true;
  }
  bool count_ok() const {
    for (const Step& step : steps) {
      if (step.expected != step.actual) return false;
    }
    return true;
  }
};

Step RunStep(const Validator& validator, const nlohmann::json& instance, const ValidatorOptions& options,
             int expected_errors, const std::string& java_outcome) {
  Step step;
  step.expected = expected_errors;
  const Issues issues = validator.Validate(instance, options);
  if (std::getenv("PDEX_SUITE_DUMP")) std::cout << Describe(issues, /*errors_only=*/false);
  std::multiset<std::string> ours;
  for (const Issue& issue : issues) {
    if (issue.severity != Severity::kError && issue.severity != Severity::kFatal) continue;
    ++step.actual;
    ours.insert(issue.expression);
    if (step.first_our_error.empty()) step.first_our_error = issue.id + " @ " + issue.expression + ": " + issue.diagnostics;
  }
  const std::multiset<std::string> java = JavaErrorLocations(kSuite + "/outcomes/" + java_outcome);
  step.locations_expected = static_cast<int>(java.size());
  for (const std::string& where : java) {
    auto it = ours.find(where);
    if (it != ours.end()) {
      ++step.locations_matched;
      ours.erase(it);
    } else if (step.first_java_error.empty()) {
      step.first_java_error = where;
    }
  }
  return step;
}

CaseResult RunCase(const nlohmann::json& test, const nlohmann::json& summary) {
  CaseResult result;
  result.name = test.value("name", "");
  const std::string file = test.value("file", "");
  package::Registry registry;
  registry.LoadPackText(ReadText(PDEX_DEFAULT_DEFINITIONS_PACK).value_or(""), "pack");
  // The Java harness loads `supporting`/`profiles` for both steps and the profile step's own files
  // (profile.supporting, profile.source) only for the profile step.
  auto files = [](const nlohmann::json& holder, std::initializer_list<const char*> keys) {
    std::vector<std::string> out;
    for (const char* key : keys) {
      if (holder.contains(key) && holder[key].is_array()) {
        for (const auto& f : holder[key]) out.push_back(f.get<std::string>());
      }
    }
    return out;
  };
  const std::vector<std::string> supporting = files(test, {"supporting", "profiles"});
  std::vector<std::string> profile_files;
  std::string profile_url;
  if (test.contains("profile")) {
    profile_files = files(test["profile"], {"supporting"});
    if (test["profile"].contains("source")) {
      const std::string source = test["profile"]["source"].get<std::string>();
      const auto profile = EndsWith(source, ".json") ? ReadJson(kSuite + "/" + source) : std::nullopt;
      if (!profile) {
        result.skipped = "profile " + source + " is XML (no XML reader)";
        return result;
      }
      profile_files.push_back(source);
      profile_url = profile->value("url", "");
    }
  }
  for (const std::vector<std::string>* list : std::initializer_list<const std::vector<std::string>*>{&supporting, &profile_files}) {
    for (const std::string& f : *list) {
      if (!EndsWith(f, ".json")) {
        result.skipped = "supporting file " + f + " is XML (no XML reader)";
        return result;
      }
    }
  }
  for (const std::string& f : supporting) registry.LoadPath(kSuite + "/" + f);
  const auto instance_text = ReadText(kSuite + "/" + file);
  const json::ParsedJson parsed = json::ParseJson(
      instance_text.value_or(""), {}, test.value("allow-comments", false) ? json::Comments::kSkip : json::Comments::kReject);
  nlohmann::json instance = parsed.ok() ? parsed.value : nlohmann::json();
  auto expected_errors = [&](const char* step) {
    const auto& s = summary.at(step);
    return s.value("errors", 0);
  };
  auto java_file = [&](const nlohmann::json& holder) {
    return holder.contains("java") && holder["java"].is_string() ? holder["java"].get<std::string>() : std::string();
  };
  if (!parsed.ok()) {
    // Unparseable JSON (e.g. json5 comments): one fatal syntax issue, as the engine reports it.
    result.steps.push_back(Step{.expected = expected_errors("base"), .actual = 1,
                                .first_our_error = "json.syntax: " + parsed.error->message});
    return result;
  }
  // The Java harness rejects extensions it cannot resolve ("could not be found so is not allowed
  // here"), so the suite runs with the error policy; the product default is a warning.
  ValidatorOptions base_options;
  base_options.unknown_extensions = UnknownExtensionPolicy::kError;
  // It also applies the core vital-signs profiles for the equivalent vital-sign codes.
  base_options.vital_signs_equivalent_codes = true;
  base_options.allow_example_urls = test.value("examples", true);
  // The manifest's switches of the Java harness that have a ValidatorOptions equivalent.
  base_options.security_checks = test.value("security-checks", false);
  if (test.value("noHtmlInMarkdown", false)) base_options.markdown_html = MarkdownHtml::kError;
  base_options.validate_contained = test.value("validateContains", std::string()) != "IGNORE";
  base_options.assume_valid_rest_references = test.value("assumeValidRestReferences", false);
  base_options.for_publication = test.value("for-publication", false);
  base_options.no_experimental_content = test.value("no-experimental-content", false);
  base_options.check_references_exist = test.value("validateReference", std::string()).rfind("CHECK_EXISTS", 0) == 0;
  {
    const terminology::TerminologyService terminology(registry);
    const Validator validator(registry, terminology);
    result.steps.push_back(RunStep(validator, instance, base_options, expected_errors("base"), java_file(test)));
  }
  if (!profile_url.empty() && summary.contains("profile")) {
    for (const std::string& f : profile_files) registry.LoadPath(kSuite + "/" + f);
    const terminology::TerminologyService terminology(registry);
    const Validator validator(registry, terminology);
    ValidatorOptions options = base_options;
    options.profiles = {profile_url};
    result.steps.push_back(RunStep(validator, instance, options, expected_errors("profile"), java_file(test["profile"])));
  }
  return result;
}

}  // namespace

TEST_CASE("HL7 Java validator test cases (R4, JSON)", "[suite]") {
  const auto manifest = ReadJson(kSuite + "/manifest.json");
  const auto summary = ReadJson(kSuite + "/expected-summary.json");
  if (!manifest || !summary) {
    WARN("skipped: " << kSuite << " is absent");
    return;
  }
  const auto expected_failures = ReadReasonList("validator_suite_expected_failures.txt");
  int json_cases = 0, run = 0, verdict = 0, exact = 0, locations_matched = 0, locations_expected = 0;
  std::vector<std::string> unexpected, now_passing, skipped;
  for (const auto& test : (*manifest)["test-cases"]) {
    const std::string name = test.value("name", "");
    if (!EndsWith(test.value("file", ""), ".json")) continue;
    // PDEX_SUITE_DUMP=<case name>: run only that case and print all our issues.
    if (const char* only = std::getenv("PDEX_SUITE_DUMP"); only && name != only) continue;
    if (!(*summary)["tests"].contains(name)) continue;
    ++json_cases;
    const CaseResult result = RunCase(test, (*summary)["tests"][name]);
    if (!result.skipped.empty()) {
      skipped.push_back(name + ": " + result.skipped);
      continue;
    }
    ++run;
    verdict += result.verdict_ok() ? 1 : 0;
    exact += result.count_ok() ? 1 : 0;
    for (const Step& step : result.steps) {
      locations_matched += step.locations_matched;
      locations_expected += step.locations_expected;
    }
    const bool listed = expected_failures.count(name) > 0;
    if (!result.count_ok() && !listed) {
      std::string detail;
      for (const Step& step : result.steps) {
        detail += " [java " + std::to_string(step.expected) + " ours " + std::to_string(step.actual) +
                  (step.first_java_error.empty() ? "" : "; java-only at " + step.first_java_error) +
                  (step.first_our_error.empty() ? "" : "; ours: " + step.first_our_error.substr(0, 160)) + "]";
      }
      unexpected.push_back(name + " (" + test.value("module", "") + ")" + detail);
    }
    if (result.count_ok() && listed) now_passing.push_back(name);
  }
  std::cout << "\nskipped (" << skipped.size() << "):\n";
  for (const auto& s : skipped) std::cout << "  " << s << "\n";
  std::cout << "failing, not in the expected-failures list (" << unexpected.size() << "):\n";
  for (const auto& s : unexpected) std::cout << "  " << s << "\n";
  std::cout << "listed as expected failures but now passing (" << now_passing.size() << "):\n";
  for (const auto& s : now_passing) std::cout << "  " << s << "\n";
  auto pct = [](int a, int b) { return b == 0 ? 0.0 : 100.0 * a / b; };
  std::cout << "\n[validator suite] JSON cases: " << json_cases << ", run: " << run << ", skipped: " << skipped.size()
            << "\n[validator suite] verdict agreement: " << verdict << "/" << run << " = " << pct(verdict, run)
            << "% of run cases (" << pct(verdict, json_cases) << "% of all JSON cases)"
            << "\n[validator suite] exact error-count agreement: " << exact << "/" << run << " = " << pct(exact, run)
            << "% of run cases (" << pct(exact, json_cases) << "% of all JSON cases)"
            << "\n[validator suite] Java error locations we also report: " << locations_matched << "/" << locations_expected
            << " = " << pct(locations_matched, locations_expected) << "%\n";
  CHECK(run > 0);
  CHECK(unexpected.empty());
  CHECK(now_passing.empty());
}

}  // namespace pdex::validation::testing
