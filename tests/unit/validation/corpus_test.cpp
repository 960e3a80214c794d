// Real data against base R4 (and IG examples against their declared IG profiles): Synthea bundles
// (/work/shared/fixtures/synthea) and every example of /work/shared/ig/*/examples. The goal is zero
// errors; remaining disagreements are listed in corpus_expected_errors.txt with a reason each.
#include "test_support.h"

#include "json/parse.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

namespace pdex::validation::testing {
namespace {

namespace fs = std::filesystem;

struct CorpusResult {
  int files = 0;
  int files_with_errors = 0;
  int errors = 0;
  std::vector<std::string> unexpected;  // files with errors not listed
  std::vector<std::string> fixed;       // listed files that now pass
};

void RunCorpus(const std::string& label, const std::string& root, const std::vector<std::string>& files,
               const package::Registry& registry, CorpusResult& result) {
  const terminology::TerminologyService terminology(registry);
  const Validator validator(registry, terminology);
  const auto expected = ReadReasonList("corpus_expected_errors.txt");
  for (const auto& [file, reason] : expected) CHECK_FALSE(reason.empty());  // every agreed error says why
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  for (const std::string& file : files) {
    const auto text = ReadText(file);
    if (!text) continue;
    bytes += text->size();
    const json::ParsedJson parsed = json::ParseJson(*text);
    if (!parsed.ok()) continue;
    if (!parsed.value.is_object() || !parsed.value.contains("resourceType")) continue;
    const Issues issues = validator.Validate(parsed.value);
    const int errors = CountErrors(issues);
    ++result.files;
    result.errors += errors;
    const std::string relative = fs::relative(file, root).string();
    const bool listed = expected.count(label + "/" + relative) > 0;
    if (errors > 0) {
      ++result.files_with_errors;
      if (!listed) {
        result.unexpected.push_back(relative);
        std::cout << "[" << label << "] " << relative << ": " << errors << " errors\n" << Describe(issues).substr(0, 3000);
      }
    } else if (listed) {
      result.fixed.push_back(relative);
    }
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  std::cout << "[" << label << "] " << result.files << " files, " << result.errors << " errors in "
            << result.files_with_errors << " files; " << bytes / 1024 << " KiB validated in " << ms.count() << " ms\n";
}

}  // namespace

TEST_CASE("Synthea bundles have no errors against base R4", "[corpus]") {
  const std::string root = std::string(PDEX_SHARED_DIR) + "/fixtures/synthea";
  if (!Exists(root)) {
    WARN("skipped: " << root << " is absent");
    return;
  }
  CorpusResult result;
  RunCorpus("synthea", root, JsonFilesUnder(root, true), CoreRegistry(), result);
  CHECK(result.files > 0);
  CHECK(result.unexpected.empty());
  CHECK(result.fixed.empty());
}

TEST_CASE("IG examples have no errors against base R4 and their IG profiles", "[corpus]") {
  const std::string root = std::string(PDEX_SHARED_DIR) + "/ig";
  if (!Exists(root)) {
    WARN("skipped: " << root << " is absent");
    return;
  }
  int total_files = 0, total_errors = 0;
  std::vector<std::string> unexpected, fixed;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    // The IG's own package after the dependencies its package.json names (those present here).
    package::Registry registry;
    registry.LoadPackText(ReadText(PDEX_DEFAULT_DEFINITIONS_PACK).value_or(""), "pack");
    const std::string name = entry.path().filename().string();
    const json::ParsedJson manifest = json::ParseJson(ReadText(entry.path().string() + "/package.json").value_or("{}"));
    if (manifest.ok() && manifest.value.contains("dependencies") && manifest.value["dependencies"].is_object()) {
      for (const auto& [dependency, version] : manifest.value["dependencies"].items()) {
        const std::string folder = root + "/" + dependency + "#" + (version.is_string() ? version.get<std::string>() : "");
        if (Exists(folder)) registry.LoadFolder(folder);
      }
    }
    registry.LoadFolder(entry.path().string());
    CorpusResult result;
    RunCorpus("ig/" + name, entry.path().string() + "/examples", JsonFilesUnder(entry.path().string() + "/examples", false),
              registry, result);
    total_files += result.files;
    total_errors += result.errors;
    for (const auto& f : result.unexpected) unexpected.push_back(name + "/" + f);
    for (const auto& f : result.fixed) fixed.push_back(name + "/" + f);
  }
  std::cout << "[ig] total: " << total_files << " examples, " << total_errors << " errors\n";
  CHECK(total_files > 0);
  CHECK(unexpected.empty());
  CHECK(fixed.empty());
}

}  // namespace pdex::validation::testing
