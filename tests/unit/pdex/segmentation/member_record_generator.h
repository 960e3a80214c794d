// Random member records for the segmentation property test: a Patient, a payer Organization, clean
// clinical resources (US Core 3.1.1 / PDex / base R4) and sensitive items injected in every place the
// segmenter must look (docs/segmentation.md), labelled and unlabelled, in combinations. The generator
// knows the truth: which resources are clean (must be released), which content is sensitive (must
// not appear in the output) and which ids belong to sensitive data (must not appear either).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace pdex::segmentation_testing {

// The places a sensitive item is injected (one generator branch each).
enum class Place {
  kSecurityLabel, kConditionCode, kConditionIcd9, kConditionNote, kEncounterReasonCode, kEncounterDiagnosisRef,
  kMedicationRequestCode, kContainedMedication, kReferencedMedication, kMedicationDispenseNdc, kObservationCode,
  kObservationValue, kDiagnosticReportResult, kDocumentAttachmentText, kDocumentTitle, kDocumentBinary, kNarrative,
  kContainedResource, kProvenanceOnlySensitive, kEobDiagnosis, kEobPrincipalDiagnosis, kEobItem, kEobSupportingInfo,
  kEobProcedure, kProcedureCpt, kObservationEncounterRef, kCodingDisplayOnly,
};
inline constexpr int kPlaceCount = 27;
const char* PlaceName(Place place);

struct MemberRecord {
  nlohmann::json bundle;
  std::set<std::string> clean_ids;          // "Type/id" that must be released (possibly redacted)
  std::set<std::string> sensitive_ids;      // "Type/id" (and raw ids) that must not appear in the output
  std::set<std::pair<std::string, std::string>> sensitive_codes;  // system|code that must not appear
  std::set<std::string> sensitive_words;    // lower-case words that must not appear in the output text
  std::set<std::string> sensitive_labels;   // meta.security codes injected as sensitive labels
  std::set<std::string> sensitive_blobs;    // base64 attachment data that must not appear
  std::vector<Place> places;                // what was injected
};

class MemberRecordGenerator {
 public:
  explicit MemberRecordGenerator(std::uint64_t seed) : rng_(seed) {}
  // One record with `sensitive_items` injected sensitive items (0 = a clean record).
  MemberRecord Next(int sensitive_items);

 private:
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  std::mt19937_64 rng_;
  std::uint64_t record_ = 0;
};

}  // namespace pdex::segmentation_testing
