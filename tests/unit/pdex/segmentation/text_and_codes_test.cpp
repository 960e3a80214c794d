// The sensitive value sets (compiled in from core/pdex/segmentation/valuesets), the label rules and
// the free-text scan.
#include "pdex/common/codes.h"
#include "pdex/segmentation/security_labels.h"
#include "pdex/segmentation/sensitive_codes.h"
#include "pdex/segmentation/text_scan.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace pdex::segmentation;
namespace codes = pdex::pdex_codes;

TEST_CASE("ICD-10-CM chapter F in full, HIV codes, ICD-9-CM 290-319: with or without dots, any case") {
  for (const char* code : {"F01", "F01.50", "F32.9", "f329", "F99", "F10.20", "F11.23", "F41.1", "F84.0"}) {
    INFO(code);
    CHECK(SensitiveCodeCategory(codes::kIcd10Cm, code));
  }
  CHECK(SensitiveCodeCategory(codes::kIcd10Cm, "F11.20") == Category::kSubstanceUse);  // SUD wins over MH
  CHECK(SensitiveCodeCategory(codes::kIcd10Cm, "F32.9") == Category::kMentalHealth);
  for (const char* code : {"B20", "Z21", "O98.7", "O98.72"}) CHECK(SensitiveCodeCategory(codes::kIcd10Cm, code) == Category::kHiv);
  for (const char* code : {"290", "290.0", "296.30", "304.00", "319"}) {
    INFO(code);
    CHECK(SensitiveCodeCategory(codes::kIcd9Cm, code));
  }
  for (const char* code : {"042", "V08"}) CHECK(SensitiveCodeCategory(codes::kIcd9Cm, code) == Category::kHiv);
  // Neighbours are not sensitive.
  for (const char* code : {"E11.9", "I10", "G30.9", "B19", "O98.6", "Z22", "F", "F0"}) {
    INFO(code);
    CHECK_FALSE(SensitiveCodeCategory(codes::kIcd10Cm, code));
  }
  for (const char* code : {"289.9", "320", "401.9", "940.0", "V07"}) {
    INFO(code);
    CHECK_FALSE(SensitiveCodeCategory(codes::kIcd9Cm, code));
  }
}

TEST_CASE("the listed SNOMED CT, RxNorm (MOUD), LOINC, CPT, HCPCS and NUBC codes") {
  CHECK(SensitiveCodeCategory(codes::kRxNorm, "1819") == Category::kSubstanceUse);  // buprenorphine
  CHECK(SensitiveCodeCategory(codes::kRxNorm, "6813") == Category::kSubstanceUse);  // methadone
  CHECK(SensitiveCodeCategory(codes::kRxNorm, "7243") == Category::kSubstanceUse);  // naltrexone
  CHECK(SensitiveCodeCategory(codes::kSnomedCt, "86406008") == Category::kHiv);
  CHECK(SensitiveCodeCategory(codes::kLoinc, "44261-6") == Category::kMentalHealth);
  CHECK(SensitiveCodeCategory(codes::kCpt, "90785") == Category::kMentalHealth);
  CHECK(SensitiveCodeCategory(codes::kCpt, "90899") == Category::kMentalHealth);
  CHECK(SensitiveCodeCategory(codes::kCpt, "87389") == Category::kHiv);
  CHECK(SensitiveCodeCategory(codes::kHcpcsCms, "J0572") == Category::kSubstanceUse);
  CHECK(SensitiveCodeCategory(codes::kNubcRevenue, "0912") == Category::kMentalHealth);
  CHECK_FALSE(SensitiveCodeCategory(codes::kCpt, "99213"));
  CHECK_FALSE(SensitiveCodeCategory(codes::kRxNorm, "197361"));
  CHECK_FALSE(SensitiveCodeCategory(codes::kLoinc, "2339-0"));
  CHECK_FALSE(SensitiveCodeCategory("http://example.org/local", "F32.9"));
}

TEST_CASE("code system knowledge: listed, display-only (NDC), structural, unknown") {
  CHECK(KnowledgeOf(codes::kIcd10Cm) == SystemKnowledge::kListed);
  CHECK(KnowledgeOf(codes::kSnomedCt) == SystemKnowledge::kListed);
  CHECK(KnowledgeOf(codes::kNdc) == SystemKnowledge::kDisplayOnly);
  CHECK(KnowledgeOf("http://terminology.hl7.org/CodeSystem/claim-type") == SystemKnowledge::kStructural);
  CHECK(KnowledgeOf("http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication") == SystemKnowledge::kStructural);
  CHECK(KnowledgeOf("http://acme.example/codes") == SystemKnowledge::kUnknown);
  CHECK(KnowledgeOf("") == SystemKnowledge::kUnknown);
}

TEST_CASE("every shipped value set is loaded, with its category, and every concept of its JSON is a member") {
  const auto loaded = LoadedValueSets();
  CHECK(loaded.size() == 3);
  std::size_t files = 0;
  for (const auto& file : std::filesystem::directory_iterator(PDEX_SENSITIVE_VALUESETS_DIR)) {
    ++files;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    const auto value_set = nlohmann::json::parse(text.str());
    INFO(file.path().string());
    CHECK(value_set["resourceType"] == "ValueSet");
    const auto summary = std::find_if(loaded.begin(), loaded.end(), [&](const auto& s) { return s.url == value_set["url"]; });
    REQUIRE(summary != loaded.end());
    for (const auto& include : value_set["compose"]["include"]) {
      for (const auto& concept_json : include.value("concept", nlohmann::json::array())) {
        INFO(include["system"].get<std::string>() + "|" + concept_json["code"].get<std::string>());
        CHECK(SensitiveCodeCategory(include["system"].get<std::string>(), concept_json["code"].get<std::string>()));
      }
      for (const auto& filter : include.value("filter", nlohmann::json::array())) {
        CHECK(filter["op"] == "is-a");
        const std::string value = filter["value"];
        CHECK(SensitiveCodeCategory(include["system"].get<std::string>(), value.substr(0, value.find('-'))));
      }
    }
  }
  CHECK(files == loaded.size());
}

TEST_CASE("security labels: sensitivity codes, R/V and 42CFRPart2 are sensitive; caveats benign; the rest unknown") {
  auto label = [](std::string_view system, const char* code) { return ClassifyLabel({{"system", system}, {"code", code}}); };
  for (const char* code : {"ETH", "SUD", "ETHUD", "OPIOIDUD", "BH", "MH", "PSY", "PSYTHPN", "HIV", "STD", "SEX", "SDV", "MST",
                           "GDIS", "SCA", "SPI", "42CFRPart2"}) {
    INFO(code);
    CHECK(label(codes::kV3ActCode, code).kind == LabelKind::kSensitive);
  }
  CHECK(label(codes::kV3Confidentiality, "R").category == Category::kRestricted);
  CHECK(label(codes::kV3Confidentiality, "V").kind == LabelKind::kSensitive);
  CHECK(label(codes::kV3Confidentiality, "N").kind == LabelKind::kBenign);
  CHECK(label(codes::kV3ActCode, "NORDSCLCD").kind == LabelKind::kBenign);
  CHECK(label(codes::kV3ObservationValue, "PAYAST").kind == LabelKind::kBenign);
  CHECK(label(codes::kV3ActCode, "XYZ").kind == LabelKind::kUnknown);
  CHECK(label("http://acme.example/labels", "PRIVATE").kind == LabelKind::kUnknown);
  CHECK(label(codes::kV3Confidentiality, "Q").kind == LabelKind::kUnknown);
}

TEST_CASE("free text: whole words and phrases, ICD-10-CM-shaped codes, markup skipped; no false friends") {
  CHECK(ScanText("History of Schizophrenia.") == Category::kMentalHealth);
  CHECK(ScanText("on buprenorphine since May") == Category::kSubstanceUse);
  CHECK(ScanText("Opioid Use Disorders, severe") == Category::kSubstanceUse);
  CHECK(ScanText("HIV negative") == Category::kHiv);
  CHECK(ScanText("dx F32.9 noted") == Category::kMentalHealth);
  CHECK(ScanText("<div><b>methadone</b>&nbsp;clinic</div>", true) == Category::kSubstanceUse);
  CHECK_FALSE(ScanText("hearing aids fitted"));
  CHECK_FALSE(ScanText("substance P levels"));
  CHECK_FALSE(ScanText("Routine visit. Blood pressure stable."));
  CHECK_FALSE(ScanText("<div class=\"psychiatric\">ok</div>", true));  // attribute, not text
  CHECK_FALSE(ScanText("I10 and E11.9"));
}

TEST_CASE("base64 decoding and readable content types") {
  CHECK(DecodeBase64("aGVsbG8gd29ybGQ=", 100) == std::string("hello world"));
  CHECK(DecodeBase64("aGVs\nbG8=", 100) == std::string("hello"));
  CHECK_FALSE(DecodeBase64("a*b", 100));
  CHECK_FALSE(DecodeBase64("aGVsbG8gd29ybGQ=", 4));
  CHECK(IsReadableContentType("text/plain; charset=utf-8"));
  CHECK(IsReadableContentType("application/fhir+json"));
  CHECK_FALSE(IsReadableContentType("application/pdf"));
  CHECK_FALSE(IsReadableContentType("image/png"));
}
