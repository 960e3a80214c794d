// Engine's registry-facing entry points (declared in api/engine.h): loading conformance resources and
// listing the loaded profiles.
#include "api/engine.h"

#include "api/outcomes.h"
#include "common/issue.h"
#include "package/registry.h"

#ifdef PDEX_HAVE_GUNZIP
#include "package/gunzip.h"
#endif

#include <algorithm>
#include <exception>
#include <fstream>
#include <sstream>

namespace pdex::api {
namespace {

nlohmann::json LoadOutcome(Issues issues, const std::string& what, std::size_t before, std::size_t after) {
  if (!HasErrors(issues)) {
    issues.push_back(Issue{.severity = Severity::kInformation,
                           .code = "informational",
                           .id = "package.loaded",
                           .diagnostics = what + ": " + std::to_string(after - before) + " conformance resources loaded"});
  }
  return ToOperationOutcome(issues);
}

}  // namespace

nlohmann::json Engine::Load(const std::string& what, const std::function<Issues()>& load) {
  try {
    const std::size_t before = registry_->size();
    Issues issues = load();
    ResetValidator();
    return LoadOutcome(std::move(issues), what, before, registry_->size());
  } catch (const std::exception& e) {
    return ToOperationOutcome({InternalErrorIssue(e.what())});
  }
}

nlohmann::json Engine::LoadDefinitions(std::string_view pack_text) {
  return Load("definitions pack", [&] { return registry_->LoadPackText(pack_text, "definitions pack"); });
}

nlohmann::json Engine::LoadPackageTar(std::string_view tar_bytes, std::string_view name) {
  return Load(std::string(name), [&] { return registry_->LoadTar(tar_bytes, name); });
}

nlohmann::json Engine::LoadResources(std::string_view json_text, std::string_view name) {
  return Load(std::string(name), [&] { return registry_->LoadResourceText(json_text, name); });
}

std::string Engine::DefaultDefinitionsPath() {
#ifdef PDEX_DEFAULT_DEFINITIONS_PACK
  return PDEX_DEFAULT_DEFINITIONS_PACK;
#else
  return {};
#endif
}

nlohmann::json Engine::LoadPath(const std::string& path) {
  return Load(path, [&]() -> Issues {
#ifdef PDEX_HAVE_GUNZIP
    const bool gzipped = path.size() > 4 && (path.compare(path.size() - 4, 4, ".tgz") == 0 ||
                                             path.compare(path.size() - 3, 3, ".gz") == 0);
    if (gzipped) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      std::string error;
      const std::optional<std::string> tar = in ? package::Gunzip(buffer.str(), error) : std::nullopt;
      if (!tar) {
        return {Issue{.code = "processing", .id = "package.bad-gzip",
                      .diagnostics = path + ": " + (in ? error : "cannot read the file")}};
      }
      return registry_->LoadTar(*tar, path);
    }
#endif
    return registry_->LoadPath(path);
  });
}

nlohmann::json Engine::ListProfiles() const {
  nlohmann::json profiles = nlohmann::json::array();
  try {
    for (const nlohmann::json* definition : registry_->All("StructureDefinition")) {
      nlohmann::json summary = nlohmann::json::object();
      for (const char* field : {"url", "version", "name", "title", "type", "kind", "derivation", "baseDefinition"}) {
        const auto value = definition->find(field);
        if (value != definition->end() && value->is_string()) summary[field] = *value;
      }
      if (summary.contains("url")) profiles.push_back(std::move(summary));
    }
    std::sort(profiles.begin(), profiles.end(),
              [](const nlohmann::json& a, const nlohmann::json& b) { return a["url"] < b["url"]; });
  } catch (const std::exception&) {
    // A definition of an unexpected shape: list what could be read.
  }
  return profiles;
}

}  // namespace pdex::api
