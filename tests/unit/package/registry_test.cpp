// Registry loading: packs, resources, Bundles, tar archives and folders; bad input gives Issues.
#include "package/registry.h"
#include "package/tar.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace pdex::package {
namespace {

// A minimal ustar archive holding the given files.
std::string MakeTar(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string tar;
  for (const auto& [name, content] : files) {
    std::string header(512, '\0');
    header.replace(0, name.size(), name);
    char size[12];
    std::snprintf(size, sizeof(size), "%011o", static_cast<unsigned>(content.size()));
    header.replace(124, 11, size);
    header[156] = '0';
    header.replace(257, 5, "ustar");
    // Checksum: the header's byte sum with its own field counted as spaces (real tars always have one).
    header.replace(148, 8, 8, ' ');
    unsigned sum = 0;
    for (const char c : header) sum += static_cast<unsigned char>(c);
    char checksum[8];
    std::snprintf(checksum, sizeof(checksum), "%06o", sum);
    header.replace(148, 7, checksum, 7);
    tar += header;
    tar += content;
    tar.append((512 - content.size() % 512) % 512, '\0');
  }
  tar.append(1024, '\0');
  return tar;
}

}  // namespace

TEST_CASE("bytes that are not a tar archive are a load error", "[registry][tar]") {
  Registry registry;
  for (const std::string& junk : {std::string("not a tar at all"), std::string(512, 'x'), std::string(1500, '\x01')}) {
    const Issues issues = registry.LoadTar(junk, "junk.tar");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].id == "package.bad-tar");
  }
  std::string tar = MakeTar({{"package/a.json", R"({"resourceType":"ValueSet","url":"http://t/a"})"}});
  tar[10] ^= 1;  // damage the header: the checksum no longer matches
  CHECK(registry.LoadTar(tar, "damaged.tar").at(0).id == "package.bad-tar");
}

TEST_CASE("resources and Bundles are indexed by canonical url and url|version", "[registry]") {
  Registry registry;
  CHECK(registry.LoadResourceText(R"({"resourceType":"StructureDefinition","url":"http://x/sd","version":"2","type":"Patient"})", "a").empty());
  CHECK(registry.LoadResourceText(R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"ValueSet","url":"http://x/vs"}},
      {"resource":{"resourceType":"CodeSystem","url":"http://x/cs"}}, 5]})", "b").empty());
  CHECK(registry.FindStructureDefinition("http://x/sd") != nullptr);
  CHECK(registry.FindStructureDefinition("http://x/sd|2") != nullptr);
  CHECK(registry.FindStructureDefinition("http://x/sd|9") != nullptr);  // falls back to the plain url
  CHECK(registry.FindValueSet("http://x/vs") != nullptr);
  CHECK(registry.FindCodeSystem("http://x/cs") != nullptr);
  CHECK(registry.FindValueSet("http://x/cs") == nullptr);
  CHECK(registry.Lookup()("http://x/sd") == registry.FindStructureDefinition("http://x/sd"));
}

TEST_CASE("bad input comes back as issues", "[registry]") {
  Registry registry;
  CHECK(registry.LoadResourceText("{bad", "x").front().id == "package.bad-json");
  CHECK(registry.LoadResourceText("[]", "x").front().id == "package.not-a-resource");
  CHECK(registry.LoadPackText(R"({"format":"other"})", "p").front().id == "package.bad-pack");
  CHECK(registry.LoadPath("/nonexistent/file.json").front().id == "package.unreadable");
  CHECK(registry.LoadPath("/nonexistent/p.tgz").front().id == "package.compressed");
  std::string truncated = MakeTar({{"package/a.json", R"({"resourceType":"ValueSet","url":"http://t/a"})"}});
  truncated.resize(530);  // cut inside the first file's body
  const Issues tar_issues = registry.LoadTar(truncated, "t");
  REQUIRE(tar_issues.size() == 1);
  CHECK(tar_issues[0].id == "package.bad-tar");
  CHECK(registry.size() == 0);
}

TEST_CASE("tar packages load package/*.json only", "[registry]") {
  Registry registry;
  const std::string tar = MakeTar({
      {"package/package.json", R"({"name":"x"})"},
      {"package/ValueSet-a.json", R"({"resourceType":"ValueSet","url":"http://t/a"})"},
      {"package/example/Patient-1.json", R"({"resourceType":"Patient","id":"1"})"},
      {"package/other/b.json", R"({"resourceType":"ValueSet","url":"http://t/b"})"},
      {"package/bad.json", "{nope"},
  });
  const Issues issues = registry.LoadTar(tar, "t.tgz");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].id == "package.bad-json");
  CHECK(registry.FindValueSet("http://t/a") != nullptr);
  CHECK(registry.FindValueSet("http://t/b") == nullptr);
  CHECK(registry.size() == 1);
}

TEST_CASE("folders and the definitions pack", "[registry]") {
  const auto dir = std::filesystem::temp_directory_path() / "pdex_registry_test";
  std::filesystem::create_directories(dir / "package");
  std::ofstream(dir / "package" / "CodeSystem-c.json") << R"({"resourceType":"CodeSystem","url":"http://t/c"})";
  std::ofstream(dir / "package" / "package.json") << R"({"name":"t"})";
  Registry registry;
  CHECK(registry.LoadFolder(dir.string()).empty());
  CHECK(registry.FindCodeSystem("http://t/c") != nullptr);
  std::filesystem::remove_all(dir);

  std::ifstream pack(PDEX_DEFAULT_DEFINITIONS_PACK);
  if (!pack) {
    WARN("definitions pack not built: " << PDEX_DEFAULT_DEFINITIONS_PACK);
    return;
  }
  Registry core;
  CHECK(core.LoadPath(PDEX_DEFAULT_DEFINITIONS_PACK).empty());
  CHECK(core.FindTypeDefinition("Patient") != nullptr);
  CHECK(core.FindTypeDefinition("HumanName") != nullptr);
  CHECK(core.FindValueSet("http://hl7.org/fhir/ValueSet/administrative-gender") != nullptr);
  const nlohmann::json* patient = core.FindTypeDefinition("Patient");
  CHECK_FALSE(patient->at("snapshot").at("element").at(0).contains("definition"));
}

}  // namespace pdex::package
