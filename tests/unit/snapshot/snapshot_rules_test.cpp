// One small hand-made differential per snapshot generation rule (R4 profiling.html#snapshot).
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "snapshot/resolver.h"
#include "snapshot/snapshot.h"
#include "test_definitions.h"

namespace pdex::snapshot::testing {
namespace {

// A differential element: id (path derived as for Element) plus the given properties.
nlohmann::json Diff(const std::string& id, nlohmann::json properties = nlohmann::json::object()) {
  nlohmann::json element = Element(id, 0, "*");
  element.erase("min");
  element.erase("max");
  element.erase("base");
  for (auto it = properties.begin(); it != properties.end(); ++it) element[it.key()] = it.value();
  return element;
}

SnapshotResult Generate(std::vector<nlohmann::json> diff) {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  diff.insert(diff.begin(), Diff("Thing"));
  return GenerateSnapshot(
      Definition("http://example.org/StructureDefinition/my-thing", "Thing", kThingUrl, std::move(diff), false),
      resolver.AsLookup());
}

std::size_t Position(const std::vector<std::string>& ids, const std::string& id) {
  return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

}  // namespace

TEST_CASE("an empty differential reproduces the base snapshot", "[snapshot]") {
  SnapshotResult result = Generate({});
  REQUIRE(result.ok);
  CHECK(SnapshotIds(result) == std::vector<std::string>{"Thing", "Thing.id", "Thing.extension", "Thing.identifier",
                                                        "Thing.value[x]", "Thing.component", "Thing.component.id",
                                                        "Thing.component.code", "Thing.component.value[x]",
                                                        "Thing.component.child", "Thing.note"});
}

TEST_CASE("cardinality narrowing and merged properties", "[snapshot]") {
  SnapshotResult result = Generate(
      {Diff("Thing.identifier", {{"min", 1}, {"max", "3"}, {"mustSupport", true}, {"short", "Business ids"}})});
  REQUIRE(result.ok);
  nlohmann::json identifier = SnapshotElement(result, "Thing.identifier");
  CHECK(identifier["min"] == 1);
  CHECK(identifier["max"] == "3");
  CHECK(identifier["mustSupport"] == true);
  CHECK(identifier["short"] == "Business ids");
  CHECK(identifier["base"]["max"] == "*");  // base info is the base's, not the profile's
  CHECK(SnapshotIds(result).size() == 11);
}

TEST_CASE("widening the base cardinality is reported as a warning", "[snapshot]") {
  SnapshotResult result = Generate({Diff("Thing.note", {{"max", "*"}})});
  CHECK(result.ok);
  CHECK(HasIssue(result, "snapshot.cardinality-widened"));
}

TEST_CASE("a profile cannot change a value its base fixes", "[snapshot]") {
  const std::string base_url = "http://example.org/StructureDefinition/fixed-base";
  auto derive = [&](const nlohmann::json& diff) {
    SnapshotResolver resolver;
    AddBaseDefinitions(resolver);
    resolver.AddOwned(Definition(base_url, "Thing", kThingUrl,
                                 {Diff("Thing"), Diff("Thing.identifier.system", {{"fixedUri", "http://example.org/ids"}})},
                                 false));
    return GenerateSnapshot(Definition("http://example.org/StructureDefinition/derived", "Thing", base_url,
                                       {Diff("Thing"), diff}, false),
                            resolver.AsLookup());
  };
  CHECK(derive(Diff("Thing.identifier.system", {{"fixedUri", "http://example.org/ids"}})).ok);
  const SnapshotResult changed = derive(Diff("Thing.identifier.system", {{"fixedUri", "http://example.org/other"}}));
  CHECK_FALSE(changed.ok);
  CHECK(HasIssue(changed, "snapshot.fixed-changed"));
  CHECK(SnapshotElement(changed, "Thing.identifier.system")["fixedUri"] == "http://example.org/other");
  const SnapshotResult elsewhere = derive(Diff("Thing.identifier.value", {{"fixedString", "x"}}));
  CHECK(elsewhere.ok);
  CHECK_FALSE(HasIssue(elsewhere, "snapshot.fixed-changed"));
}

TEST_CASE("type restriction, binding and constraints", "[snapshot]") {
  nlohmann::json constraint = {{"key", "my-1"}, {"severity", "error"}, {"human", "x"}, {"expression", "true"}};
  SnapshotResult result = Generate(
      {Diff("Thing.value[x]", {{"type", {{{"code", "Coding"}}}},
                               {"binding", {{"strength", "required"}, {"valueSet", "http://example.org/ValueSet/v"}}},
                               {"constraint", {constraint}}})});
  REQUIRE(result.ok);
  nlohmann::json value = SnapshotElement(result, "Thing.value[x]");
  CHECK(value["type"] == nlohmann::json::array({{{"code", "Coding"}}}));
  CHECK(value["binding"]["strength"] == "required");
  CHECK(value["constraint"][0]["source"] == "http://example.org/StructureDefinition/my-thing");
}

TEST_CASE("a required renamed choice becomes a closed type slice", "[snapshot]") {
  SnapshotResult result = Generate({Diff("Thing.valueCoding", {{"min", 1}, {"mustSupport", true}}),
                                    Diff("Thing.valueCoding.system", {{"fixedUri", "http://loinc.org"}})});
  REQUIRE(result.ok);
  nlohmann::json choice = SnapshotElement(result, "Thing.value[x]");
  CHECK(choice["type"] == nlohmann::json::array({{{"code", "Coding"}}}));
  CHECK(choice["min"] == 1);
  CHECK(choice["slicing"]["rules"] == "closed");
  CHECK(choice["slicing"]["discriminator"][0]["type"] == "type");
  nlohmann::json slice = SnapshotElement(result, "Thing.value[x]:valueCoding");
  CHECK(slice["sliceName"] == "valueCoding");
  CHECK(slice["path"] == "Thing.value[x]");
  CHECK(slice["mustSupport"] == true);
  CHECK(SnapshotElement(result, "Thing.value[x]:valueCoding.system")["fixedUri"] == "http://loinc.org");
  CHECK(SnapshotElement(result, "Thing.value[x]:valueCoding.system")["path"] == "Thing.value[x].system");
}

TEST_CASE("an optional renamed choice only adds the type slice", "[snapshot]") {
  SnapshotResult result = Generate({Diff("Thing.valueBoolean", {{"mustSupport", true}})});
  REQUIRE(result.ok);
  nlohmann::json choice = SnapshotElement(result, "Thing.value[x]");
  CHECK(choice["type"].size() == 3);
  CHECK(choice["slicing"]["rules"] == "open");
  CHECK(SnapshotElement(result, "Thing.value[x]:valueBoolean")["type"] ==
        nlohmann::json::array({{{"code", "boolean"}}}));
}

TEST_CASE("slicing a backbone element: slices follow the sliced element's children", "[snapshot]") {
  nlohmann::json slicing = {{"discriminator", {{{"type", "pattern"}, {"path", "code"}}}}, {"rules", "open"}};
  SnapshotResult result = Generate({Diff("Thing.component", {{"slicing", slicing}, {"min", 1}, {"mustSupport", true}}),
                                    Diff("Thing.component:a", {{"sliceName", "a"}, {"max", "1"}}),
                                    Diff("Thing.component:a.code", {{"patternCoding", {{"code", "a"}}}}),
                                    Diff("Thing.component:b", {{"sliceName", "b"}, {"min", 1}})});
  REQUIRE(result.ok);
  std::vector<std::string> ids = SnapshotIds(result);
  CHECK(Position(ids, "Thing.component:a") == Position(ids, "Thing.component.child") + 1);
  CHECK(Position(ids, "Thing.component:a.code") == Position(ids, "Thing.component:a") + 2);
  CHECK(Position(ids, "Thing.component:b") == Position(ids, "Thing.component:a.child") + 1);
  CHECK(Position(ids, "Thing.note") == Position(ids, "Thing.component:b.child") + 1);
  nlohmann::json a = SnapshotElement(result, "Thing.component:a");
  CHECK(a["min"] == 0);               // a slice does not inherit the sliced element's min
  CHECK(!a.contains("mustSupport"));  // nor its other profile constraints
  CHECK(!a.contains("slicing"));
  CHECK(SnapshotElement(result, "Thing.component:a.code")["patternCoding"]["code"] == "a");
  CHECK(SnapshotElement(result, "Thing.component:b")["min"] == 1);
  CHECK(SnapshotElement(result, "Thing.component")["slicing"]["discriminator"][0]["path"] == "code");
}

TEST_CASE("a renamed choice inside a slice narrows the choice in place", "[snapshot]") {
  nlohmann::json slicing = {{"discriminator", {{{"type", "pattern"}, {"path", "code"}}}}, {"rules", "open"}};
  SnapshotResult result =
      Generate({Diff("Thing.component", {{"slicing", slicing}}), Diff("Thing.component:a", {{"sliceName", "a"}}),
                Diff("Thing.component:a.valueString", {{"min", 1}})});
  REQUIRE(result.ok);
  nlohmann::json value = SnapshotElement(result, "Thing.component:a.value[x]");
  CHECK(value["type"] == nlohmann::json::array({{{"code", "string"}}}));
  CHECK(value["min"] == 1);
  CHECK(SnapshotElement(result, "Thing.component:a.value[x]:valueString").is_null());
}

TEST_CASE("re-slicing a slice", "[snapshot]") {
  nlohmann::json slicing = {{"discriminator", {{{"type", "pattern"}, {"path", "code"}}}}, {"rules", "open"}};
  SnapshotResult result =
      Generate({Diff("Thing.component", {{"slicing", slicing}}),
                Diff("Thing.component:a", {{"sliceName", "a"}, {"slicing", slicing}, {"mustSupport", true}}),
                Diff("Thing.component:a/x", {{"sliceName", "a/x"}, {"max", "1"}}),
                Diff("Thing.component:a/y", {{"sliceName", "a/y"}}), Diff("Thing.component:b", {{"sliceName", "b"}})});
  REQUIRE(result.ok);
  std::vector<std::string> ids = SnapshotIds(result);
  REQUIRE(Position(ids, "Thing.component:a/x") < ids.size());
  CHECK(Position(ids, "Thing.component:a/x") == Position(ids, "Thing.component:a.child") + 1);
  // Re-slices stay in the group of their slice, in differential order, before the next slice.
  CHECK(Position(ids, "Thing.component:a/y") == Position(ids, "Thing.component:a/x.child") + 1);
  CHECK(Position(ids, "Thing.component:b") == Position(ids, "Thing.component:a/y.child") + 1);
  nlohmann::json reslice = SnapshotElement(result, "Thing.component:a/x");
  CHECK(reslice["sliceName"] == "a/x");
  CHECK(reslice["mustSupport"] == true);  // a re-slice starts from its slice
  CHECK(reslice["max"] == "1");
}

TEST_CASE("extension slices: implied slicing, profile root text, no unfolding", "[snapshot]") {
  nlohmann::json type = {{{"code", "Extension"}, {"profile", {kExtensionProfileUrl}}}};
  SnapshotResult result =
      Generate({Diff("Thing.extension:foo",
                     {{"sliceName", "foo"}, {"type", type}, {"max", "1"}, {"binding", {{"strength", "required"}}}})});
  REQUIRE(result.ok);
  nlohmann::json extension = SnapshotElement(result, "Thing.extension");
  CHECK(extension["slicing"]["discriminator"][0] == nlohmann::json({{"type", "value"}, {"path", "url"}}));
  CHECK(extension["slicing"]["rules"] == "open");
  nlohmann::json slice = SnapshotElement(result, "Thing.extension:foo");
  CHECK(slice["type"][0]["profile"][0] == kExtensionProfileUrl);
  CHECK(slice["short"] == "Foo extension");
  CHECK(!slice.contains("binding"));  // an Extension cannot be bound
  CHECK(SnapshotElement(result, "Thing.extension:foo.url").is_null());
}

TEST_CASE("constraining inside a profiled extension unfolds the extension's snapshot", "[snapshot]") {
  nlohmann::json type = {{{"code", "Extension"}, {"profile", {kExtensionProfileUrl}}}};
  SnapshotResult result = Generate({Diff("Thing.extension:foo", {{"sliceName", "foo"}, {"type", type}}),
                                    Diff("Thing.extension:foo.value[x]", {{"type", {{{"code", "string"}}}}})});
  REQUIRE(result.ok);
  CHECK(SnapshotElement(result, "Thing.extension:foo.url")["fixedUri"] == kExtensionProfileUrl);
  CHECK(SnapshotElement(result, "Thing.extension:foo.value[x]")["path"] == "Thing.extension.value[x]");
}

TEST_CASE("complex datatypes unfold when the differential constrains a child", "[snapshot]") {
  SnapshotResult result = Generate({Diff("Thing.identifier.system", {{"fixedUri", "http://example.org/ids"}})});
  REQUIRE(result.ok);
  std::vector<std::string> ids = SnapshotIds(result);
  CHECK(Position(ids, "Thing.identifier.id") == Position(ids, "Thing.identifier") + 1);
  CHECK(Position(ids, "Thing.value[x]") == Position(ids, "Thing.identifier.value") + 1);
  nlohmann::json system = SnapshotElement(result, "Thing.identifier.system");
  CHECK(system["fixedUri"] == "http://example.org/ids");
  CHECK(system["base"]["path"] == "Identifier.system");
}

TEST_CASE("a profiled datatype unfolds from its profile", "[snapshot]") {
  nlohmann::json type = {{{"code", "Identifier"}, {"profile", {kIdentifierProfileUrl}}}};
  SnapshotResult result =
      Generate({Diff("Thing.identifier", {{"type", type}}), Diff("Thing.identifier.value", {{"min", 1}})});
  REQUIRE(result.ok);
  CHECK(SnapshotElement(result, "Thing.identifier.system")["fixedUri"] == "http://hl7.org/fhir/sid/us-npi");
  CHECK(SnapshotElement(result, "Thing.identifier.value")["min"] == 1);
}

TEST_CASE("slices of a datatype element unfold their children on demand", "[snapshot]") {
  nlohmann::json slicing = {{"discriminator", {{{"type", "value"}, {"path", "system"}}}}, {"rules", "open"}};
  SnapshotResult result =
      Generate({Diff("Thing.identifier", {{"slicing", slicing}}), Diff("Thing.identifier:npi", {{"sliceName", "npi"}}),
                Diff("Thing.identifier:npi.system", {{"fixedUri", "http://npi"}})});
  REQUIRE(result.ok);
  CHECK(SnapshotElement(result, "Thing.identifier:npi.system")["fixedUri"] == "http://npi");
  CHECK(SnapshotElement(result, "Thing.identifier:npi.system")["path"] == "Thing.identifier.system");
  CHECK(SnapshotElement(result, "Thing.identifier.system").is_null());  // the sliced element stays folded
}

TEST_CASE("contentReference elements unfold from the referenced element", "[snapshot]") {
  SnapshotResult result = Generate({Diff("Thing.component.child.code", {{"patternCoding", {{"code", "x"}}}})});
  REQUIRE(result.ok);
  nlohmann::json child = SnapshotElement(result, "Thing.component.child");
  CHECK(!child.contains("contentReference"));
  CHECK(child["type"][0]["code"] == "BackboneElement");
  CHECK(SnapshotElement(result, "Thing.component.child.code")["patternCoding"]["code"] == "x");
  CHECK(SnapshotElement(result, "Thing.component.child.code")["path"] == "Thing.component.child.code");
}

TEST_CASE("a logical model (specialization) adds its own elements", "[snapshot]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  nlohmann::json model =
      Definition("http://example.org/StructureDefinition/Metric", "http://example.org/StructureDefinition/Metric",
                 "http://hl7.org/fhir/StructureDefinition/Base",
                 {Diff("Metric"), Diff("Metric.source", {{"min", 1}, {"max", "1"}, {"type", {{{"code", "code"}}}}}),
                  Diff("Metric.payer", {{"min", 0}, {"max", "1"}, {"type", {{{"code", "Identifier"}}}}}),
                  Diff("Metric.payer.value", {{"min", 1}})},
                 false);
  model["derivation"] = "specialization";
  SnapshotResult result = GenerateSnapshot(model, resolver.AsLookup());
  REQUIRE(result.ok);
  CHECK(SnapshotIds(result) == std::vector<std::string>{"Metric", "Metric.source", "Metric.payer", "Metric.payer.id",
                                                        "Metric.payer.extension", "Metric.payer.system",
                                                        "Metric.payer.value"});
  CHECK(SnapshotElement(result, "Metric.source")["base"]["path"] == "Metric.source");
}

}  // namespace pdex::snapshot::testing

namespace pdex::snapshot::testing {

TEST_CASE("differential elements without ids belong to the slice declared before them", "[snapshot]") {
  SnapshotResolver resolver;
  AddBaseDefinitions(resolver);
  nlohmann::json slicing = {{"discriminator", {{{"type", "pattern"}, {"path", "code"}}}}, {"rules", "open"}};
  nlohmann::json diff = nlohmann::json::array({{{"path", "Thing"}},
                                               {{"path", "Thing.component"}, {"slicing", slicing}},
                                               {{"path", "Thing.component"}, {"sliceName", "a"}},
                                               {{"path", "Thing.component.code"}, {"patternCoding", {{"code", "a"}}}},
                                               {{"path", "Thing.component"}, {"sliceName", "b"}},
                                               {{"path", "Thing.component.code"}, {"patternCoding", {{"code", "b"}}}},
                                               {{"path", "Thing.note"}, {"min", 1}}});
  nlohmann::json profile = {{"resourceType", "StructureDefinition"},
                            {"url", "http://example.org/p"},
                            {"type", "Thing"},
                            {"derivation", "constraint"},
                            {"baseDefinition", kThingUrl},
                            {"differential", {{"element", diff}}}};
  SnapshotResult result = GenerateSnapshot(profile, resolver.AsLookup());
  REQUIRE(result.ok);
  CHECK(SnapshotElement(result, "Thing.component:a.code")["patternCoding"]["code"] == "a");
  CHECK(SnapshotElement(result, "Thing.component:b.code")["patternCoding"]["code"] == "b");
  CHECK_FALSE(SnapshotElement(result, "Thing.component.code").contains("patternCoding"));
  CHECK(SnapshotElement(result, "Thing.note")["min"] == 1);
}

}  // namespace pdex::snapshot::testing
