#include "package/registry.h"

#include "json/fields.h"
#include "json/parse.h"
#include "package/tar.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

namespace pdex::package {
namespace {

Issue LoadIssue(std::string id, std::string message, Severity severity = Severity::kError) {
  return Issue{.severity = severity, .code = "processing", .id = std::move(id), .diagnostics = std::move(message)};
}

using json::StringAt;


bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(buffer).str();
}

}  // namespace

std::string Registry::Key(std::string_view type, std::string_view url) {
  std::string key;
  key.reserve(type.size() + url.size() + 1);
  key.append(type).append(" ").append(url);
  return key;
}

void Registry::Add(nlohmann::json resource) {
  const std::string type(StringAt(resource, "resourceType"));
  if (type.empty()) return;
  resources_.push_back(std::make_unique<nlohmann::json>(std::move(resource)));
  const nlohmann::json* stored = resources_.back().get();
  const std::string_view url = StringAt(*stored, "url");
  if (url.empty()) return;
  by_url_[Key(type, url)] = stored;
  const std::string_view version = StringAt(*stored, "version");
  if (!version.empty()) by_url_[Key(type, std::string(url) + "|" + std::string(version))] = stored;
}

Issues Registry::LoadPackText(std::string_view text, std::string_view source) {
  json::ParsedJson parsed = json::ParseJson(text, json::JsonLimits{.max_bytes = 256u * 1024u * 1024u});
  if (!parsed.ok()) {
    return {LoadIssue("package.bad-json", std::string(source) + ": " + parsed.error->message)};
  }
  if (StringAt(parsed.value, "format") != kPackFormat) {
    return {LoadIssue("package.bad-pack", std::string(source) + ": not a definitions pack (format is not '" +
                                              std::string(kPackFormat) + "')")};
  }
  auto resources = parsed.value.find("resources");
  if (resources == parsed.value.end() || !resources->is_array()) {
    return {LoadIssue("package.bad-pack", std::string(source) + ": the pack has no resources array")};
  }
  resources_.reserve(resources_.size() + resources->size());
  for (nlohmann::json& resource : *resources) Add(std::move(resource));
  return {};
}

Issues Registry::LoadResourceText(std::string_view text, std::string_view source) {
  json::ParsedJson parsed = json::ParseJson(text);
  if (!parsed.ok()) {
    return {LoadIssue("package.bad-json", std::string(source) + ": " + parsed.error->message)};
  }
  if (StringAt(parsed.value, "format") == kPackFormat) return LoadPackText(text, source);
  if (StringAt(parsed.value, "resourceType").empty()) {
    return {LoadIssue("package.not-a-resource", std::string(source) + ": no resourceType, not a FHIR resource",
                      Severity::kWarning)};
  }
  if (StringAt(parsed.value, "resourceType") == "Bundle") {
    auto entries = parsed.value.find("entry");
    if (entries != parsed.value.end() && entries->is_array()) {
      for (nlohmann::json& entry : *entries) {
        if (!entry.is_object()) continue;
        auto resource = entry.find("resource");
        if (resource != entry.end() && resource->is_object()) Add(std::move(*resource));
      }
    }
    return {};
  }
  Add(std::move(parsed.value));
  return {};
}

Issues Registry::LoadTar(std::string_view tar_bytes, std::string_view source) {
  Issues issues;
  const std::string error = ForEachTarFile(tar_bytes, [&](std::string_view name, std::string_view content) {
    // FHIR NPM packages: conformance resources are package/*.json; examples live in package/example/.
    if (name.substr(0, 8) != "package/" || !EndsWith(name, ".json")) return;
    const std::string_view file = name.substr(8);
    if (file.find('/') != std::string_view::npos || file == "package.json" || file.substr(0, 1) == ".") return;
    Issues loaded = LoadResourceText(content, std::string(source) + ":" + std::string(name));
    issues.insert(issues.end(), loaded.begin(), loaded.end());
  });
  if (!error.empty()) issues.push_back(LoadIssue("package.bad-tar", std::string(source) + ": " + error));
  return issues;
}

Issues Registry::LoadFile(const std::string& path, bool quiet_non_resources) {
  const std::optional<std::string> text = ReadFile(path);
  if (!text) return {LoadIssue("package.unreadable", "cannot read " + path)};
  if (EndsWith(path, ".tar")) return LoadTar(*text, path);
  Issues issues = LoadResourceText(*text, path);
  if (quiet_non_resources) {
    std::erase_if(issues, [](const Issue& issue) { return issue.id == "package.not-a-resource"; });
  }
  return issues;
}

Issues Registry::LoadFolder(const std::string& dir) {
  std::error_code ec;
  std::filesystem::path root(dir);
  if (std::filesystem::is_directory(root / "package", ec)) root /= "package";
  std::vector<std::string> files;
  for (std::filesystem::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!it->is_regular_file(ec) || !EndsWith(name, ".json") || name == "package.json" || name[0] == '.') continue;
    files.push_back(it->path().string());
  }
  if (ec) return {LoadIssue("package.unreadable", "cannot list " + dir + ": " + ec.message())};
  std::sort(files.begin(), files.end());  // deterministic order: later duplicates win the plain url
  Issues issues;
  for (const std::string& file : files) {
    Issues loaded = LoadFile(file, /*quiet_non_resources=*/true);
    issues.insert(issues.end(), loaded.begin(), loaded.end());
  }
  return issues;
}

Issues Registry::LoadPath(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return LoadFolder(path);
  if (EndsWith(path, ".tgz") || EndsWith(path, ".gz")) {
    return {LoadIssue("package.compressed", path + ": gunzip the package first (package/gunzip.h)")};
  }
  return LoadFile(path, /*quiet_non_resources=*/false);
}

const nlohmann::json* Registry::Find(std::string_view resource_type, std::string_view canonical) const {
  const auto it = by_url_.find(Key(resource_type, canonical));
  if (it != by_url_.end()) return it->second;
  // "url|version" where that version is not loaded: fall back to the plain url (FHIR R4 3.1.3.2
  // lets a system resolve to another version when the exact one is unavailable).
  const std::size_t bar = canonical.find('|');
  if (bar != std::string_view::npos) return Find(resource_type, canonical.substr(0, bar));
  return nullptr;
}

const nlohmann::json* Registry::FindStructureDefinition(std::string_view canonical) const {
  return Find("StructureDefinition", canonical);
}
const nlohmann::json* Registry::FindValueSet(std::string_view canonical) const { return Find("ValueSet", canonical); }
const nlohmann::json* Registry::FindCodeSystem(std::string_view canonical) const {
  return Find("CodeSystem", canonical);
}

const nlohmann::json* Registry::FindTypeDefinition(std::string_view type_name) const {
  if (type_name.find(':') != std::string_view::npos) return FindStructureDefinition(type_name);
  return FindStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + std::string(type_name));
}

std::vector<const nlohmann::json*> Registry::All(std::string_view resource_type) const {
  std::vector<const nlohmann::json*> out;
  for (const auto& resource : resources_) {
    if (StringAt(*resource, "resourceType") == resource_type) out.push_back(resource.get());
  }
  return out;
}

StructureDefinitionLookup Registry::Lookup() const {
  return [this](std::string_view canonical) { return FindStructureDefinition(canonical); };
}

}  // namespace pdex::package
