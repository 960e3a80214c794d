// The segmentation property test (issue #13 §2): random member records with sensitive items injected
// in every place the segmenter must look (member_record_generator.h), in combinations, labelled and
// unlabelled, segmented under a #regular consent. Zero leaks over >= 100,000 records; the clean data
// kept (the fraction of clean resources released, printed); no dangling references; and every
// released resource of a sample validates against its declared profile with zero errors.
#include "member_record_generator.h"
#include "../common/pdex_test_support.h"
#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"
#include "pdex/segmentation/segmenter.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <iostream>

namespace {

using namespace pdex::segmentation_testing;
using nlohmann::json;
namespace codes = pdex::pdex_codes;

constexpr int kRecords = 100000;
constexpr std::uint64_t kSeed = 20261204;
constexpr int kValidatedRecords = 150;  // the sample whose released resources are validated

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Every way sensitive data could show in `node`: its codes, labels, words, attachment data and ids.
void FindLeaks(const json& node, const MemberRecord& record, std::vector<std::string>& leaks) {
  if (node.is_string()) {
    const std::string& text = node.get_ref<const std::string&>();
    const std::string lower = Lower(text);
    for (const auto& word : record.sensitive_words) {
      if (lower.find(word) != std::string::npos) leaks.push_back("word '" + word + "'");
    }
    if (record.sensitive_blobs.count(text) != 0) leaks.push_back("attachment data");
    for (const auto& id : record.sensitive_ids) {
      if (text == id || (id.find('/') != std::string::npos && text.find(id) != std::string::npos)) leaks.push_back("id " + id);
    }
    return;
  }
  if (node.is_object()) {
    const auto system = node.find("system");
    const auto code = node.find("code");
    if (system != node.end() && code != node.end() && system->is_string() && code->is_string()) {
      if (record.sensitive_codes.count({system->get<std::string>(), code->get<std::string>()}) != 0) {
        leaks.push_back("code " + code->get<std::string>());
      }
      if ((*system == codes::kV3ActCode || *system == codes::kV3Confidentiality) &&
          record.sensitive_labels.count(code->get<std::string>()) != 0) {
        leaks.push_back("label " + code->get<std::string>());
      }
    }
  }
  if (node.is_object() || node.is_array()) {
    for (const auto& child : node) FindLeaks(child, record, leaks);
  }
}

// References in `resource` that name neither a resource of `released` nor one of its contained ones.
void FindDangling(const json& node, const std::set<std::string>& released, const json& resource, std::vector<std::string>& out) {
  if (node.is_object()) {
    if (const auto reference = node.find("reference"); reference != node.end() && reference->is_string()) {
      const std::string& text = reference->get_ref<const std::string&>();
      if (text.rfind("#", 0) == 0) {
        bool found = false;
        for (const auto& contained : resource.value("contained", json::array())) found = found || "#" + contained.value("id", "") == text;
        if (!found) out.push_back(text);
      } else if (released.count(text) == 0) {
        out.push_back(text);
      }
    }
  }
  if (node.is_object() || node.is_array()) {
    for (const auto& child : node) FindDangling(child, released, resource, out);
  }
}

}  // namespace

TEST_CASE("segmentation property: zero leaks over 100,000 generated member records, clean data kept, profiles met") {
  MemberRecordGenerator generator(kSeed);
  pdex::consent::ConsentDecision regular;
  regular.permitted = true;
  regular.policy = pdex::consent::ConsentPolicy::kRegular;

  long long resources = 0, clean = 0, clean_released = 0, redacted = 0, sensitive_items = 0;
  int leak_records = 0, dangling_records = 0, refused = 0, validated = 0, invalid = 0;
  std::array<int, kPlaceCount> injected{};
  std::string first_leak, first_dangling, first_invalid, first_refusal;
  const auto started = std::chrono::steady_clock::now();

  for (int i = 0; i < kRecords; ++i) {
    // 10% clean records; the rest carry 1-5 sensitive items in random places, so places combine.
    const int items = i % 10 == 0 ? 0 : 1 + (i * 7919) % 5;
    const MemberRecord record = generator.Next(items);
    for (Place place : record.places) ++injected[static_cast<int>(place)];
    sensitive_items += items;
    resources += static_cast<long long>(record.bundle["entry"].size());
    const auto result = pdex::segmentation::Segment(record.bundle, regular);
    if (!result.released) {
      if (refused++ == 0) first_refusal = pdex::ToOperationOutcome(result.issues).dump();
      continue;
    }
    std::vector<std::string> leaks;
    FindLeaks(result.bundle, record, leaks);
    if (!leaks.empty() && leak_records++ == 0) {
      std::string places;
      for (Place place : record.places) places += std::string(PlaceName(place)) + " ";
      first_leak = "record " + std::to_string(i) + " (" + places + "): " + leaks.front();
    }
    std::set<std::string> released;
    for (const auto& entry : result.bundle["entry"]) {
      released.insert(entry["resource"]["resourceType"].get<std::string>() + "/" + entry["resource"]["id"].get<std::string>());
    }
    for (const auto& id : record.clean_ids) clean_released += released.count(id);
    clean += static_cast<long long>(record.clean_ids.size());
    redacted += result.report.value("redacted", 0);
    std::vector<std::string> dangling;
    for (const auto& entry : result.bundle["entry"]) FindDangling(entry["resource"], released, entry["resource"], dangling);
    if (!dangling.empty() && dangling_records++ == 0) first_dangling = "record " + std::to_string(i) + ": " + dangling.front();
    if (i < kValidatedRecords) {
      for (const auto& entry : result.bundle["entry"]) {
        ++validated;
        const std::string errors = pdex::pdex_testing::ProfileErrors(entry["resource"]);
        if (!errors.empty() && invalid++ == 0) first_invalid = entry["resource"].dump() + "\n" + errors;
      }
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double clean_fraction = clean == 0 ? 0.0 : static_cast<double>(clean_released) / static_cast<double>(clean);

  std::cout << "segmentation property (seed " << kSeed << "): " << kRecords << " member records, " << resources
            << " resources, " << sensitive_items << " sensitive items injected\n"
            << "  injected per place:";
  for (int p = 0; p < kPlaceCount; ++p) std::cout << " " << PlaceName(static_cast<Place>(p)) << "=" << injected[p];
  std::cout << "\n  records with a leak: " << leak_records << "; with a dangling reference: " << dangling_records
            << "; refused: " << refused << "\n  clean resources released: " << clean_released << " / " << clean << " = "
            << clean_fraction << " (" << redacted << " released resources redacted)\n"
            << "  profile validation of the released resources of the first " << kValidatedRecords << " records: "
            << validated << " resources, " << invalid << " with errors\n"
            << "  time: " << seconds << " s\n";

  // The checks can fail: the same generator's records released under #sensitive leak, and a profiled
  // resource missing a required element has errors.
  {
    MemberRecordGenerator control(kSeed);
    pdex::consent::ConsentDecision everything = regular;
    everything.policy = pdex::consent::ConsentPolicy::kSensitive;
    int control_leaks = 0;
    for (int i = 0; i < 100; ++i) {
      const MemberRecord record = control.Next(3);
      std::vector<std::string> leaks;
      FindLeaks(pdex::segmentation::Segment(record.bundle, everything).bundle, record, leaks);
      control_leaks += leaks.empty() ? 0 : 1;
    }
    CHECK(control_leaks == 100);
    const json broken = {{"resourceType", "Condition"}, {"id", "x"},
                         {"meta", {{"profile", {std::string(codes::kUsCoreBase) + "us-core-condition"}}}}};
    CHECK(pdex::pdex_testing::ProfileErrors(broken) != "");
  }

  INFO(first_leak);
  INFO(first_dangling);
  INFO(first_invalid);
  INFO(first_refusal);
  CHECK(refused == 0);
  CHECK(leak_records == 0);
  CHECK(dangling_records == 0);
  CHECK(invalid == 0);
  CHECK(validated > 1000);
  for (int p = 0; p < kPlaceCount; ++p) CHECK(injected[p] > 1000);  // every place exercised, many times
  // Over-withholding is a defect too: clean data is released unless it refers to withheld data in a
  // way that cannot be removed (the generator makes none of those), so all of it must be released.
  CHECK(clean_fraction >= 0.99);
}
