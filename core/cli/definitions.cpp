#include "cli/definitions.h"

#include "api/engine.h"
#include "cli/command.h"

#include <filesystem>
#include <iostream>
#include <system_error>

namespace pdex::cli {

std::string FindDefinitionsPack() {
  std::error_code ec;
  // Natively /proc/self/exe is the pdex binary (under Node, the WebAssembly CLI sees node's: no pack
  // there, so the build tree's is used).
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path candidate = exe.parent_path() / "definitions" / "r4-core.pack.json";
    if (std::filesystem::exists(candidate, ec)) return candidate.string();
  }
  const std::string fallback = api::Engine::DefaultDefinitionsPath();
  if (!fallback.empty() && std::filesystem::exists(fallback, ec)) return fallback;
  return {};
}

std::string ProfilesPackBeside(const std::string& definitions_pack) {
  std::error_code ec;
  const std::filesystem::path candidate =
      std::filesystem::path(definitions_pack).parent_path() / "pdex-profiles.pack.json";
  return std::filesystem::exists(candidate, ec) ? candidate.string() : std::string();
}

int MissingDefinitions(const char* command) {
  std::cerr << "pdex " << command
            << ": no FHIR R4 definitions pack found (looked for definitions/r4-core.pack.json beside the pdex\n"
               "binary, then in the build tree). Give one with --definitions PATH, or pass --syntax-only to\n"
               "run without FHIR type information.\n";
  return kExitUsage;
}

}  // namespace pdex::cli
