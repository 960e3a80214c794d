// Error cases: every problem is an Issue with a stable id; nothing throws; the resolver detects
// circular base chains and serves versioned canonicals.
#include <catch2/catch.hpp>
#include <string>

#include "snapshot/resolver.h"
#include "snapshot/snapshot.h"
#include "test_definitions.h"

namespace pdex::snapshot::testing {
namespace {

nlohmann::json Profile(const std::string& url, const std::string& base, nlohmann::json elements) {
  return {{"resourceType", "StructureDefinition"},
          {"url", url},
          {"type", "Thing"},
          {"derivation", "constraint"},
          {"baseDefinition", base},
          {"differential", {{"element", std::move(elements)}}}};
}

const Issue* FindIssue(const SnapshotResult& result, const std::string& id) {
  for (const auto& issue : result.issues) {
    if (issue.id == id) return &issue;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("unknown base definition", "[snapshot][errors]") {
  SnapshotResolver resolver;
  SnapshotResult result = GenerateSnapshot(
      Profile("http://example.org/p", "http://example.org/missing", {{{"id", "Thing"}, {"path", "Thing"}}}),
      resolver.AsLookup());
  CHECK_FALSE(result.ok);
  const Issue* issue = FindIssue(result, "snapshot.base-not-found");
  REQUIRE(issue != nullptr);
  CHECK(issue->expression == "http://example.org/p");
  CHECK(issue->severity == Severity::kError);
  CHECK_FALSE(result.structure_definition.contains("snapshot"));
}

TEST_CASE("differential path not in the base", "[snapshot][errors]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  SnapshotResult result = GenerateSnapshot(Profile("http://example.org/p", kThingUrl,
                                                   {{{"id", "Thing"}, {"path", "Thing"}},
                                                    {{"id", "Thing.nothing"}, {"path", "Thing.nothing"}, {"min", 1}},
                                                    {{"id", "Other.note"}, {"path", "Other.note"}},
                                                    {{"id", "Thing.note"}, {"path", "Thing.note"}, {"min", 1}}}),
                                           resolver.AsLookup());
  CHECK_FALSE(result.ok);
  const Issue* issue = FindIssue(result, "snapshot.path-not-found");
  REQUIRE(issue != nullptr);
  CHECK(issue->expression == "Thing.nothing");
  // Generation goes on past a bad element: later elements still apply.
  CHECK(SnapshotElement(result, "Thing.note")["min"] == 1);
}

TEST_CASE("children of a multi-type element and slices without slicing", "[snapshot][errors]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  SnapshotResult result =
      GenerateSnapshot(Profile("http://example.org/p", kThingUrl,
                               {{{"id", "Thing.value[x].system"}, {"path", "Thing.value[x].system"}},
                                {{"id", "Thing.identifier:npi"}, {"path", "Thing.identifier"}, {"sliceName", "npi"}}}),
                       resolver.AsLookup());
  CHECK(HasIssue(result, "snapshot.ambiguous-type"));
  const Issue* slicing = FindIssue(result, "snapshot.slicing-missing");
  REQUIRE(slicing != nullptr);
  CHECK(slicing->severity == Severity::kWarning);
  CHECK(SnapshotElement(result, "Thing.identifier:npi")["sliceName"] == "npi");
}

TEST_CASE("circular base chains are detected", "[snapshot][errors]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  resolver.AddOwned(Profile("http://example.org/a", "http://example.org/b", {{{"id", "Thing"}, {"path", "Thing"}}}));
  resolver.AddOwned(Profile("http://example.org/b", "http://example.org/a", {{{"id", "Thing"}, {"path", "Thing"}}}));
  CHECK(resolver.Find("http://example.org/a") == nullptr);
  bool circular = false;
  for (const auto& issue : resolver.issues()) circular = circular || issue.id == "snapshot.circular-base";
  CHECK(circular);

  SnapshotResult self = GenerateSnapshot(
      Profile("http://example.org/self", "http://example.org/self", {{{"id", "Thing"}, {"path", "Thing"}}}),
      resolver.AsLookup());
  CHECK(HasIssue(self, "snapshot.circular-base"));
}

TEST_CASE("the resolver generates base chains and serves url|version", "[snapshot]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  nlohmann::json a =
      Profile("http://example.org/a", kThingUrl, {{{"id", "Thing.note"}, {"path", "Thing.note"}, {"min", 1}}});
  a["version"] = "1.0.0";
  nlohmann::json b = Profile("http://example.org/b", "http://example.org/a|1.0.0",
                             {{{"id", "Thing.note"}, {"path", "Thing.note"}, {"mustSupport", true}}});
  resolver.AddOwned(a);
  resolver.AddOwned(b);
  const nlohmann::json* generated = resolver.Find("http://example.org/b");
  REQUIRE(generated != nullptr);
  bool found = false;
  for (const auto& element : (*generated)["snapshot"]["element"]) {
    if (element["id"] == "Thing.note") {
      found = true;
      CHECK(element["min"] == 1);  // from a
      CHECK(element["mustSupport"] == true);
    }
  }
  CHECK(found);
  CHECK(resolver.Find("http://example.org/a|1.0.0") != nullptr);
  CHECK(resolver.Find("http://example.org/unknown") == nullptr);
}

TEST_CASE("malformed input never throws", "[snapshot][errors]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  StructureDefinitionLookup lookup = resolver.AsLookup();
  CHECK(HasIssue(GenerateSnapshot(nlohmann::json(42), lookup), "snapshot.invalid-input"));
  CHECK(HasIssue(GenerateSnapshot(nlohmann::json::object(), lookup), "snapshot.invalid-input"));
  nlohmann::json no_differential = Profile("http://example.org/p", kThingUrl, nullptr);
  no_differential.erase("differential");
  CHECK(HasIssue(GenerateSnapshot(no_differential, lookup), "snapshot.invalid-input"));
  // Wrong JSON types everywhere inside the differential.
  nlohmann::json messy = Profile("http://example.org/p", kThingUrl,
                                 {7,
                                  {{"id", 5}},
                                  {{"id", "Thing.note"}, {"min", "one"}, {"max", 3}, {"type", "x"}},
                                  {{"id", "Thing.value[x]"}, {"binding", "x"}, {"slicing", 1}, {"constraint", "c"}},
                                  {{"id", "Thing.identifier:s"}, {"sliceName", 3}},
                                  {{"id", "Thing.component.child.code"}},
                                  {{"path", "Thing.note"}}});
  SnapshotResult result;
  CHECK_NOTHROW(result = GenerateSnapshot(messy, lookup));
  CHECK(result.structure_definition.contains("snapshot"));
  CHECK_FALSE(HasIssue(result, "snapshot.internal"));
  // A lookup that returns garbage is not trusted either.
  nlohmann::json garbage = "not a definition";
  SnapshotResult odd = GenerateSnapshot(Profile("http://example.org/p", kThingUrl, nlohmann::json::array()),
                                        [&](std::string_view) { return &garbage; });
  CHECK(HasIssue(odd, "snapshot.base-not-found"));
}

}  // namespace pdex::snapshot::testing

namespace pdex::snapshot::testing {

TEST_CASE("limits: deep element ids and long base chains", "[snapshot][errors]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  std::string deep = "Thing.component";
  for (int i = 0; i < 5000; ++i) deep += ".child";
  SnapshotResult result = GenerateSnapshot(Profile("http://example.org/p", kThingUrl, {{{"id", deep}, {"path", deep}}}),
                                           resolver.AsLookup());
  CHECK(HasIssue(result, "snapshot.too-large"));
  CHECK(result.structure_definition["snapshot"]["element"].size() == 11);

  // 40 profiles each based on the next: generation stops at kMaxBaseChain with an issue, no crash.
  for (int i = 0; i < 40; ++i) {
    std::string base = i == 39 ? std::string(kThingUrl) : "http://example.org/chain" + std::to_string(i + 1);
    resolver.AddOwned(Profile("http://example.org/chain" + std::to_string(i), base,
                              {{{"id", "Thing.note"}, {"path", "Thing.note"}}}));
  }
  CHECK(resolver.Find("http://example.org/chain0") == nullptr);
  bool too_long = false;
  for (const auto& issue : resolver.issues()) too_long = too_long || issue.id == "snapshot.chain-too-long";
  CHECK(too_long);
  CHECK(resolver.Find("http://example.org/chain20") != nullptr);  // a shorter chain still resolves
}

}  // namespace pdex::snapshot::testing

namespace pdex::snapshot::testing {

// Randomly damaged differentials (fixed seed): wrong JSON types, dropped and duplicated elements,
// odd ids. Generation must never throw and must always return a result.
TEST_CASE("randomly damaged differentials never throw", "[snapshot][errors]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  StructureDefinitionLookup lookup = resolver.AsLookup();
  const nlohmann::json slicing = {{"discriminator", {{{"type", "value"}, {"path", "system"}}}}, {"rules", "open"}};
  const nlohmann::json good =
      Profile("http://example.org/p", kThingUrl,
              {{{"id", "Thing"}, {"path", "Thing"}},
               {{"id", "Thing.identifier"}, {"path", "Thing.identifier"}, {"slicing", slicing}},
               {{"id", "Thing.identifier:a"}, {"path", "Thing.identifier"}, {"sliceName", "a"}, {"min", 1}},
               {{"id", "Thing.identifier:a.system"}, {"path", "Thing.identifier.system"}, {"fixedUri", "u"}},
               {{"id", "Thing.valueCoding"}, {"path", "Thing.valueCoding"}, {"min", 1}},
               {{"id", "Thing.component.child.code"}, {"path", "Thing.component.child.code"}},
               {{"id", "Thing.extension:e"},
                {"path", "Thing.extension"},
                {"sliceName", "e"},
                {"type", {{{"code", "Extension"}, {"profile", {kExtensionProfileUrl}}}}}}});
  const nlohmann::json replacements[] = {
      nullptr,    1,      -3,         "x",  "", true, nlohmann::json::array(), nlohmann::json::object(),
      {{"a", 1}}, {1, 2}, "Thing.:x", ":::"};
  unsigned state = 12345;
  auto next = [&state](unsigned bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % bound;
  };
  int generated = 0;
  for (int round = 0; round < 500; ++round) {
    nlohmann::json profile = good;
    nlohmann::json& elements = profile["differential"]["element"];
    for (int edits = 0; edits < 3; ++edits) {
      nlohmann::json& element = elements[next(static_cast<unsigned>(elements.size()))];
      switch (next(4)) {
        case 0:
          if (!element.is_object()) break;
          element[std::vector<const char*>{"id", "path", "min", "max", "type", "slicing", "sliceName",
                                           "binding"}[next(8)]] = replacements[next(12)];
          break;
        case 1:
          elements.push_back(element);
          break;
        case 2:
          element = replacements[next(12)];
          break;
        default:
          if (element.is_object() && element.contains("type") && element["type"].is_array()) {
            element["type"].push_back(replacements[next(12)]);
          }
      }
    }
    SnapshotResult result;
    REQUIRE_NOTHROW(result = GenerateSnapshot(profile, lookup));
    if (result.structure_definition.contains("snapshot")) ++generated;
    // Bad input is handled by checks, not by the last-resort exception guard.
    for (const auto& issue : result.issues) {
      if (issue.id == "snapshot.internal") FAIL_CHECK("round " << round << ": " << issue.diagnostics);
    }
  }
  CHECK(generated > 0);
}

TEST_CASE("a differential path must name the element its id names", "[snapshot][errors]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  auto generate = [&](nlohmann::json element) {
    return GenerateSnapshot(
        Profile("http://example.org/p", kThingUrl, {{{"id", "Thing"}, {"path", "Thing"}}, std::move(element)}),
        resolver.AsLookup());
  };
  // A choice may be written renamed to one of its types, on either side.
  CHECK(generate({{"id", "Thing.valueCoding"}, {"path", "Thing.valueCoding"}}).ok);
  CHECK(generate({{"id", "Thing.value[x]"}, {"path", "Thing.valueString"}}).ok);
  CHECK(generate({{"id", "Thing.valueCoding.code"}, {"path", "Thing.valueCoding.code"}}).ok);
  // A type the choice does not have, or another element, is a mismatch.
  SnapshotResult bad_type = generate({{"id", "Thing.valueCoding"}, {"path", "Thing.valueBla"}});
  CHECK_FALSE(bad_type.ok);
  const Issue* issue = FindIssue(bad_type, "snapshot.path-mismatch");
  REQUIRE(issue != nullptr);
  CHECK(issue->expression == "Thing.valueCoding");
  CHECK(HasIssue(generate({{"id", "Thing.value[x]"}, {"path", "Thing.valueIdentifier"}}), "snapshot.path-mismatch"));
  CHECK(HasIssue(generate({{"id", "Thing.note"}, {"path", "Thing.identifier"}}), "snapshot.path-mismatch"));
}

TEST_CASE("slicing the root element is an error", "[snapshot][errors]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  SnapshotResult result = GenerateSnapshot(
      Profile("http://example.org/p", kThingUrl,
              {{{"id", "Thing"}, {"path", "Thing"}, {"slicing", {{"discriminator", {{{"type", "value"}, {"path", "id"}}}}, {"rules", "open"}}}}}),
      resolver.AsLookup());
  CHECK_FALSE(result.ok);
  CHECK(HasIssue(result, "snapshot.root-slicing"));
}

}  // namespace pdex::snapshot::testing
