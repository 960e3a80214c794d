#include "test_support.h"

#include "json/parse.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

namespace pdex::validation::testing {

std::map<std::string, std::string> ReadReasonList(const std::string& file_name) {
  std::map<std::string, std::string> entries;
  const auto text = ReadText(std::string(PDEX_SOURCE_DIR) + "/tests/unit/validation/" + file_name);
  if (!text) return entries;
  std::istringstream in(*text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t bar = line.find(" | ");
    entries[line.substr(0, bar)] = bar == std::string::npos ? "" : line.substr(bar + 3);
  }
  return entries;
}

std::optional<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

bool Exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

const package::Registry& CoreRegistry() {
  static const package::Registry* registry = [] {
    auto* loaded = new package::Registry();
    const auto start = std::chrono::steady_clock::now();
    const std::optional<std::string> text = ReadText(PDEX_DEFAULT_DEFINITIONS_PACK);
    if (!text) {
      std::cerr << "definitions pack missing: " << PDEX_DEFAULT_DEFINITIONS_PACK
                << " (build target pdex_definitions_pack)\n";
      return loaded;
    }
    const Issues issues = loaded->LoadPackText(*text, PDEX_DEFAULT_DEFINITIONS_PACK);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::cout << "[pack] " << PDEX_DEFAULT_DEFINITIONS_PACK << ": " << text->size() / 1024 << " KiB, "
              << loaded->size() << " resources, loaded in " << ms.count() << " ms, " << issues.size() << " issues\n";
    return loaded;
  }();
  return *registry;
}

int CountErrors(const Issues& issues) {
  int count = 0;
  for (const Issue& issue : issues) {
    if (issue.severity == Severity::kError || issue.severity == Severity::kFatal) ++count;
  }
  return count;
}

std::string Describe(const Issues& issues, bool errors_only) {
  std::string out;
  for (const Issue& issue : issues) {
    if (errors_only && issue.severity != Severity::kError && issue.severity != Severity::kFatal) continue;
    out += std::string("  ") + SeverityCode(issue.severity) + " " + issue.id + " @ " + issue.expression + ": " +
           issue.diagnostics + "\n";
  }
  return out;
}

TestValidator::TestValidator(const std::vector<std::string>& extra) {
  static const std::string pack = ReadText(PDEX_DEFAULT_DEFINITIONS_PACK).value_or("");
  registry.LoadPackText(pack, "pack");
  for (const std::string& text : extra) registry.Add(ParseTestJson(text));
  terminology = std::make_unique<terminology::TerminologyService>(registry);
  validator = std::make_unique<Validator>(registry, *terminology);
}

nlohmann::json ParseTestJson(const std::string& text) {
  json::ParsedJson parsed = json::ParseJson(text);
  if (!parsed.ok()) throw std::runtime_error("test JSON does not parse: " + parsed.error->message);
  return std::move(parsed.value);
}

std::vector<std::string> JsonFilesUnder(const std::string& dir, bool recursive) {
  std::vector<std::string> files;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  if (recursive) {
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path().string());
    }
  } else {
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace pdex::validation::testing
