// The official FHIRPath R4 suite (shared/fixtures/fhirpath/tests-fhir-r4.json, inputs from
// input-json/) run table-driven. Prints passed/failed/total and every failure; stays green through
// kExpectedFailures (one reason each). The test fails when an unlisted case fails or a listed
// case starts passing, so the list stays honest. Skips (with a message) when the fixtures are absent.
#include "fhirpath/fhirpath.h"
#include "json/parse.h"
#include "json/serialize.h"
#include "model/type_model.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace fp = pdex::fhirpath;
using Json = nlohmann::json;

namespace {

// group/name -> why it fails. Keep in sync with the printed figures in the report.
const std::map<std::string, std::string> kExpectedFailures = {
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const pdex::model::TypeModel* Model() {
  static std::optional<pdex::model::TypeModel> model = [] {
    std::string error;
    return pdex::model::TypeModel::LoadFromDirectory(PDEX_MEDPLUM_R4_DIR, error);
  }();
  return model ? &*model : nullptr;
}

bool SameOutput(const fp::Value& got, const Json& expected) {
  const std::string want = expected.value("value", "");
  const std::string type = expected.value("type", "");
  std::string literal = fp::ToLiteral(got);
  if (literal == want) return true;
  auto system = fp::ToSystem(got);
  if (type == "decimal" || type.empty()) {
    auto a = fp::ParseDecimal(literal);
    auto b = fp::ParseDecimal(want);
    if (a && b && std::fabs(a->value - b->value) < 1e-9 && (type == "decimal" || a->scale == b->scale)) return true;
  }
  if (type == "Quantity" && system && system->kind() == fp::ValueKind::kQuantity) {
    auto space = want.find(' ');
    auto b = fp::ParseDecimal(want.substr(0, space));
    std::string unit = space == std::string::npos ? "1" : want.substr(space + 1);
    if (unit.size() >= 2 && unit.front() == '\'') unit = unit.substr(1, unit.size() - 2);
    return b && std::fabs(b->value - system->quantity().value.value) < 1e-9 && unit == system->quantity().unit;
  }
  return false;
}

}  // namespace

TEST_CASE("FHIRPath R4 conformance suite", "[fhirpath][conformance]") {
  const std::string dir = std::string(PDEX_SHARED_DIR) + "/fixtures/fhirpath";
  if (!std::filesystem::exists(dir + "/tests-fhir-r4.json")) {
    WARN("FHIRPath suite not found under " << dir << "; skipped");
    return;
  }
  REQUIRE(Model() != nullptr);
  auto suite = pdex::json::ParseJson(ReadFile(dir + "/tests-fhir-r4.json"));
  REQUIRE(suite.ok());
  std::map<std::string, Json> inputs;
  int passed = 0, failed = 0, total = 0, passed21 = 0, total21 = 0;
  std::vector<std::string> unexpected;
  std::set<std::string> failing;
  for (const Json& group : suite.value["groups"]) {
    for (const Json& test : group["tests"]) {
      const std::string key = group.value("name", "") + "/" + test.value("name", "");
      const bool v21 = test.value("version", "") == "2.1.0";
      ++total;
      if (v21) ++total21;
      Json input = Json::object();
      if (test.contains("inputfileJson")) {
        const std::string file = test["inputfileJson"].get<std::string>();
        if (!inputs.count(file)) inputs[file] = pdex::json::ParseJson(ReadFile(dir + "/input-json/" + file)).value;
        input = inputs[file];
      }
      const std::string expression = test.value("expression", "");
      const bool invalid = test.contains("expression.invalid");
      fp::Environment env;
      env.model = Model();
      env.strict = test.value("mode", "") == "strict" || test.value("expression.mode", "") == "strict";
      std::string got_text;
      bool ok = false;
      auto compiled = fp::Compile(expression);
      if (!compiled.ok()) {
        ok = invalid;
        got_text = compiled.error().ToString();
      } else {
        auto result = fp::Evaluate(compiled.value(), inputs.count(test.value("inputfileJson", "")) ? inputs[test.value("inputfileJson", "")] : input, env);
        if (!result.ok()) {
          ok = invalid;
          got_text = result.error().ToString();
        } else if (invalid) {
          got_text = "no error: " + fp::ToJson(result.value()).dump();
        } else {
          fp::Collection got = result.value();
          // The bindings' text fast path must match the tree-based serialization byte for byte.
          CHECK(fp::ResultToJsonText(got) == pdex::json::Serialize(Json{{"result", fp::ToJson(got)}}));
          if (test.value("predicate", "") == "true") {
            bool b = !got.empty();
            if (got.size() == 1) {
              auto v = fp::ToSystem(got[0]);
              if (v && v->kind() == fp::ValueKind::kBoolean) b = v->boolean();
            }
            got = {fp::Value::Boolean(b)};
          }
          const Json& outputs = test["outputs"];
          ok = got.size() == outputs.size();
          for (std::size_t i = 0; ok && i < got.size(); ++i) ok = SameOutput(got[i], outputs[i]);
          got_text = "[";
          for (std::size_t i = 0; i < got.size(); ++i) got_text += (i ? ", " : "") + fp::ToLiteral(got[i]);
          got_text += "]";
        }
      }
      if (ok) {
        ++passed;
        if (v21) ++passed21;
        if (kExpectedFailures.count(key)) unexpected.push_back("listed as failing but passes: " + key);
        continue;
      }
      ++failed;
      failing.insert(key);
      std::string expected = invalid ? "error (" + test["expression.invalid"].get<std::string>() + ")" : test["outputs"].dump();
      std::cout << "FAIL " << key << (v21 ? " [2.1.0]" : "") << "\n  expression: " << expression << "\n  expected: " << expected
                << "\n  got: " << got_text << "\n";
      if (!kExpectedFailures.count(key)) unexpected.push_back("unexpected failure: " + key);
    }
  }
  std::cout << "FHIRPath R4 suite: passed " << passed << ", failed " << failed << ", total " << total << " (2.1.0 tests: "
            << passed21 << "/" << total21 << " passed)\n";
  for (const auto& [key, reason] : kExpectedFailures) {
    if (!failing.count(key) && std::find(unexpected.begin(), unexpected.end(), "listed as failing but passes: " + key) == unexpected.end())
      unexpected.push_back("listed failure not in the suite: " + key);
  }
  for (const std::string& u : unexpected) UNSCOPED_INFO(u);
  CHECK(unexpected.empty());
}
