#include "pdex/segmentation/security_labels.h"

#include "json/fields.h"
#include "pdex/common/codes.h"

#include <string_view>

namespace pdex::segmentation {
namespace {

namespace codes = pdex_codes;

struct SensitiveCode {
  std::string_view code;
  Category category;
};

// v3-ActCode ActInformationSensitivityPolicy (information, entity and role sensitivity) and the
// ActPrivacyLaw 42CFRPart2 (§4.3). Every one of them marks data narrower law protects.
constexpr SensitiveCode kSensitiveActCodes[] = {
    {"ETH", Category::kSubstanceUse}, {"SUD", Category::kSubstanceUse}, {"ETHUD", Category::kSubstanceUse},
    {"OPIOIDUD", Category::kSubstanceUse}, {"42CFRPart2", Category::kSubstanceUse},
    {"BH", Category::kMentalHealth}, {"MH", Category::kMentalHealth}, {"PSY", Category::kMentalHealth},
    {"PSYTHPN", Category::kMentalHealth}, {"COGN", Category::kMentalHealth}, {"DVD", Category::kMentalHealth},
    {"EMOTDIS", Category::kMentalHealth}, {"HIPAAPsyNotes", Category::kMentalHealth},
    {"HIV", Category::kHiv},
    {"STD", Category::kSexualHealth}, {"SEX", Category::kSexualHealth}, {"SDV", Category::kSexualHealth},
    {"MST", Category::kSexualHealth},
    {"GDIS", Category::kGenetic}, {"SCA", Category::kGenetic}, {"SICKLE", Category::kGenetic},
    {"SPI", Category::kOther}, {"VIO", Category::kOther}, {"TBOO", Category::kOther}, {"HLIST", Category::kOther},
    // Entity and role sensitivity (demographics, adolescents, celebrities, employees...).
    {"DEMO", Category::kOther}, {"DOB", Category::kOther}, {"GENDER", Category::kOther}, {"LIVARG", Category::kOther},
    {"MARST", Category::kOther}, {"RACE", Category::kOther}, {"REL", Category::kOther}, {"B", Category::kOther},
    {"EMPL", Category::kOther}, {"LOCIS", Category::kOther}, {"SSP", Category::kOther}, {"ADOL", Category::kOther},
    {"CEL", Category::kOther}, {"DIA", Category::kOther}, {"DRGIS", Category::kOther}, {"EMP", Category::kOther},
    {"PDS", Category::kOther}, {"PHY", Category::kOther}, {"PRS", Category::kOther},
};

// v3-ActCode labels that say how to handle data (obligations, refrains) or why it is used (purpose
// of use), not what it is about: they accompany a sensitivity label when data is sensitive, so
// alone they do not make it so.
constexpr std::string_view kBenignActCodes[] = {
    "PROCESSINLINELABEL", "MASK", "ENCRYPT", "ENCRYPTR", "ENCRYPTT", "ENCRYPTU", "REDACT", "ANONY", "PSEUD",
    "CPLYPOL", "CPLYCC", "CPLYCD", "AUDIT", "AUDTR", "DECLASSIFYLABEL", "DELAU", "DOWNGRDLABEL", "DRIVLABEL",
    "HUAPRV", "LABEL", "NOAUTH", "NOCOLLECT", "NODSCLCD", "NODSCLCDS", "NOINTEGRATE", "NOLIST", "NOMOU", "NOORGPOL",
    "NOPAT", "NOPERSISTP", "NORDSCLCD", "NORDSCLCDS", "NORDSCLW", "NORELINK", "NOREUSE", "NOVIP", "ORCON",
    "TREAT", "HPAYMT", "HOPERAT", "ETREAT", "PATRQT", "COVERAGE", "HRESCH", "PUBHLTH", "HDIRECT", "HSYSADMIN",
    "HIPAAConsentCD", "HIPAAAuth", "HIPAANOPP", "HIPAAOPP", "HIPAAROA", "HIPAASelfPay",
};

}  // namespace

LabelClass ClassifyLabel(const nlohmann::json& coding) {
  const std::string_view system = json::StringAt(coding, "system");
  const std::string_view code = json::StringAt(coding, "code");
  if (system == codes::kV3Confidentiality) {
    if (code == "R" || code == "V") return {LabelKind::kSensitive, Category::kRestricted};
    if (code == "U" || code == "L" || code == "M" || code == "N") return {LabelKind::kBenign};
    return {};
  }
  if (system == codes::kV3ObservationValue) return {LabelKind::kBenign};  // integrity, provenance, REDACTED
  if (system == codes::kV3ActCode) {
    for (const SensitiveCode& sensitive : kSensitiveActCodes) {
      if (code == sensitive.code) return {LabelKind::kSensitive, sensitive.category};
    }
    for (std::string_view benign : kBenignActCodes) {
      if (code == benign) return {LabelKind::kBenign};
    }
  }
  return {};
}

}  // namespace pdex::segmentation
