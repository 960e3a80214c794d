#include "validation/vital_signs.h"

#include "json/fields.h"

#include <initializer_list>
#include <string_view>

namespace pdex::validation::internal {
namespace {

using json::StringAt;

constexpr const char* kLoinc = "http://loinc.org";
constexpr const char* kSnomed = "http://snomed.info/sct";

struct VitalSignsGroup {
  const char* system;  // code system URI
  const char* profile;
  const char* name;
  // The first code of a LOINC group is the one the spec's table lists (the profile's own code); the
  // others, and the SNOMED CT groups, are equivalents.
  std::initializer_list<const char*> codes;
};

// Checked in order; the first group with a matching coding wins (LOINC groups before SNOMED CT ones),
// so a code listed twice selects its first group.
const std::initializer_list<VitalSignsGroup> kGroups = {
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/vitalspanel", "Vital Signs Panel", {"85353-1"}},
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/resprate", "Respiratory Rate",
     {"9279-1", "76170-0", "76172-6", "76171-8", "19840-8", "33438-3", "76270-8", "11291-2"}},
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/heartrate", "Heart rate",
     {"8867-4", "60978-4", "73795-7", "73799-9", "76476-1", "76477-9", "8889-8", "8890-6", "8891-4", "8892-2",
      "8893-0", "40443-4", "55425-3", "68999-2", "11328-2", "69000-8", "8886-4"}},
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/oxygensat", "Oxygen saturation",
     {"2708-6", "19224-5", "20564-1", "2709-4", "2710-2", "2711-0", "2713-6", "51733-4", "59408-5", "59417-6",
      "89276-0", "97549-0"}},
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/bodytemp", "Body temperature",
     {"8310-5", "60834-9", "60835-6", "60836-4", "60838-0", "60955-2", "61009-7", "75539-7", "75987-8", "76010-8",
      "76011-6", "76278-1", "8309-7", "8328-7", "8329-5", "8330-3", "8331-1", "8332-9", "8333-7", "8334-5",
      "91371-5", "98657-0", "98663-8"}},
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/bodyheight", "Body height",
     {"8302-2", "3137-7", "3138-5", "8306-3", "8308-9"}},
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/headcircum", "Head circumference", {"9843-4", "8287-5"}},
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/bodyweight", "Body weight",
     {"29463-7", "3141-9", "3142-7", "75292-3", "79348-9", "8350-1", "8351-9"}},
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/bmi", "Body mass index", {"39156-5", "59574-4", "89270-3"}},
    {kLoinc, "http://hl7.org/fhir/StructureDefinition/bp", "Blood pressure systolic and diastolic",
     {"85354-9", "35094-2", "8459-0", "76534-7", "55284-4", "8480-6"}},
    {kSnomed, "http://hl7.org/fhir/StructureDefinition/vitalspanel", "Vital Signs Panel", {"46680005"}},
    {kSnomed, "http://hl7.org/fhir/StructureDefinition/resprate", "Respiratory Rate",
     {"86290005", "271625008", "271306003"}},
    {kSnomed, "http://hl7.org/fhir/StructureDefinition/heartrate", "Heart rate",
     {"249043002", "444981005", "399017001", "251670001", "429525003", "429614003"}},
    {kSnomed, "http://hl7.org/fhir/StructureDefinition/oxygensat", "Oxygen saturation",
     {"103228002", "442349007", "442476006", "442440005", "431314004", "442734002", "713194001"}},
    {kSnomed, "http://hl7.org/fhir/StructureDefinition/bodytemp", "Body temperature",
     {"386725007", "276885007", "300076005", "1222808002", "364246006", "307047009", "708499008", "431598003",
      "698831002", "698832009", "415882003", "415974002", "415929009", "415945006"}},
    {kSnomed, "http://hl7.org/fhir/StructureDefinition/bodyheight", "Body height",
     {"1153637007", "1162419008", "50373000", "1162418000", "1230278008", "1162392001", "1162417005"}},
    {kSnomed, "http://hl7.org/fhir/StructureDefinition/headcircum", "Head circumference",
     {"363812007", "169876006", "1269262007", "363811000"}},
    {kSnomed, "http://hl7.org/fhir/StructureDefinition/bodyweight", "Body weight",
     {"60621009", "735395000", "425024002", "424927000", "784399000", "1162416001", "1162415002"}},
    {kSnomed, "http://hl7.org/fhir/StructureDefinition/bp", "Blood pressure systolic and diastolic",
     {"75367002", "251076008", "163033001", "163035008", "386534000", "386536003", "271649006", "271650006",
      "407556006", "407554009", "716579001", "399304008"}},
};

// The code of the first coding of `codings` in `group` (only its spec code unless
// `equivalent_codes`), or empty.
std::string_view MatchingCode(const nlohmann::json& codings, const VitalSignsGroup& group, bool equivalent_codes) {
  if (!equivalent_codes && group.system != kLoinc) return {};
  for (const nlohmann::json& coding : codings) {
    if (!coding.is_object() || StringAt(coding, "system") != group.system) continue;
    const std::string_view code = StringAt(coding, "code");
    for (const char* listed : group.codes) {
      if (code == listed) return code;
      if (!equivalent_codes) break;  // the spec code only
    }
  }
  return {};
}

}  // namespace

VitalSignsMatch VitalSignsProfileFor(const nlohmann::json& observation, bool equivalent_codes) {
  VitalSignsMatch match;
  if (!observation.is_object()) return match;
  const auto code = observation.find("code");
  if (code == observation.end() || !code->is_object()) return match;
  const auto codings = code->find("coding");
  if (codings == code->end() || !codings->is_array()) return match;
  for (const VitalSignsGroup& group : kGroups) {
    const std::string_view found = MatchingCode(*codings, group, equivalent_codes);
    if (found.empty()) continue;
    match.profile = group.profile;
    match.name = group.name;
    match.system = group.system == kLoinc ? "LOINC" : "SNOMED CT";
    match.code = std::string(found);
    return match;
  }
  return match;
}

}  // namespace pdex::validation::internal
