// Rules for document Bundles (R4 documents.html): the resources a Composition's sections list travel
// in the Bundle, so each section entry names exactly one of its entries.
#include "validation/walker.h"

#include <vector>

namespace pdex::validation::internal {
namespace {

// A section entry reference split into what identifies an entry: an absolute URL, or Type/id with the
// base of the Composition's fullUrl; a version (`/_history/v`) narrows the match to meta.versionId.
struct SectionTarget {
  std::string url;  // absolute URL the entry's fullUrl must equal (without history)
  std::string type_id;  // "Type/id" of a relative reference
  std::string version;
};

SectionTarget ParseTarget(std::string_view ref, std::string_view base) {
  SectionTarget target;
  std::string_view path = ref;
  if (const std::size_t history = path.find("/_history/"); history != std::string_view::npos) {
    target.version = std::string(path.substr(history + 10));
    path = path.substr(0, history);
  }
  if (path.find(':') != std::string_view::npos) {
    target.url = std::string(path);
  } else {
    target.type_id = std::string(path);
    if (!base.empty()) target.url = std::string(base) + target.type_id;
  }
  return target;
}

bool Matches(const nlohmann::json& entry, const SectionTarget& target, bool with_version) {
  const nlohmann::json* resource = ObjectAt(entry, "resource");
  if (resource == nullptr) return false;
  const std::string_view full_url = StringAt(entry, "fullUrl");
  const bool by_url = !target.url.empty() && full_url == target.url;
  const bool by_type_id = !target.type_id.empty() && (full_url.empty() || target.url.empty()) &&
                          IsNamedBy(*resource, target.type_id);
  if (!by_url && !by_type_id) return false;
  if (!with_version || target.version.empty()) return true;
  const nlohmann::json* meta = ObjectAt(*resource, "meta");
  return meta != nullptr && StringAt(*meta, "versionId") == target.version;
}

}  // namespace

void Walker::CheckDocumentSections(const nlohmann::json& bundle) {
  const nlohmann::json* entries = ArrayAt(bundle, "entry");
  if (entries == nullptr || entries->empty()) return;
  const nlohmann::json& first = (*entries)[0];
  const nlohmann::json* composition = ObjectAt(first, "resource");
  if (composition == nullptr || StringAt(*composition, "resourceType") != "Composition") return;
  // Relative references resolve against the Composition's own base (bundle.html#references).
  std::string base;
  const std::string_view full_url = StringAt(first, "fullUrl");
  const std::string tail = "Composition/" + std::string(StringAt(*composition, "id"));
  if (full_url.size() > tail.size() && full_url.substr(full_url.size() - tail.size()) == tail) {
    base = std::string(full_url.substr(0, full_url.size() - tail.size()));
  }
  // Sections nest (Composition.section.section); walk them breadth-first with their locations.
  std::vector<std::pair<const nlohmann::json*, std::string>> pending{{composition, path_ + ".entry[0].resource"}};
  for (std::size_t next = 0; next < pending.size(); ++next) {
    const auto [holder, location] = pending[next];  // a copy: emplace_back below may reallocate
    const nlohmann::json* sections = ArrayAt(*holder, "section");
    if (sections == nullptr) continue;
    for (std::size_t s = 0; s < sections->size(); ++s) {
      const nlohmann::json& section = (*sections)[s];
      if (!section.is_object()) continue;
      const std::string section_location = location + ".section[" + std::to_string(s) + "]";
      pending.emplace_back(&section, section_location);
      const nlohmann::json* refs = ArrayAt(section, "entry");
      if (refs == nullptr) continue;
      for (std::size_t r = 0; r < refs->size(); ++r) {
        const std::string_view ref = StringAt((*refs)[r], "reference");
        if (ref.empty() || ref[0] == '#') continue;
        const SectionTarget target = ParseTarget(ref, base);
        std::size_t matches = 0;
        std::size_t without_version = 0;
        for (const nlohmann::json& entry : *entries) {
          matches += Matches(entry, target, true) ? 1 : 0;
          without_version += Matches(entry, target, false) ? 1 : 0;
        }
        if (matches == 1) continue;
        const std::string at = section_location + ".entry[" + std::to_string(r) + "]";
        if (matches == 0) {
          ReportAt(at, Severity::kError, "not-found", "validator.document-entry-not-found",
                   "Can't find '" + std::string(ref) + "' in the bundle (Section Entry)" +
                       (without_version > 0 ? "; " + std::to_string(without_version) +
                                                  " entries have that type and id but another version"
                                            : std::string()));
        } else {
          ReportAt(at, Severity::kError, "structure", "validator.document-entry-ambiguous",
                   "Found " + std::to_string(matches) + " matches for '" + std::string(ref) + "' in the bundle (Section Entry)");
        }
      }
    }
  }
}

}  // namespace pdex::validation::internal
