#include "pdex/release/release_page.h"

#include "json/fields.h"

#include <algorithm>
#include <tuple>

namespace pdex::pdex_release {
namespace {

// RFC 3986 unreserved characters stay; everything else (':' and '+' of an instant, ',') is %XX.
std::string PercentEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return out;
}

int Group(const ReleasedEntry& entry) {
  const std::string_view type = json::StringAt(entry.resource, "resourceType");
  if (type == "Patient" && !entry.include) return 0;
  if (type == "Provenance") return 3;
  return entry.include ? 2 : 1;
}

}  // namespace

std::string EverythingUrl(const ReleaseQuery& query, const std::string& patient_id, long long offset) {
  std::string url = query.base + "/Patient/" + PercentEncode(patient_id) + "/$everything?";
  if (!query.types.empty()) {
    std::string list;
    for (const std::string& type : query.types) list += (list.empty() ? "" : ",") + type;
    url += "_type=" + PercentEncode(list) + "&";
  }
  if (!query.since_text.empty()) url += "_since=" + PercentEncode(query.since_text) + "&";
  if (!query.start.empty()) url += "start=" + PercentEncode(query.start) + "&";
  if (!query.end.empty()) url += "end=" + PercentEncode(query.end) + "&";
  url += "_count=" + std::to_string(query.count) + "&_offset=" + std::to_string(offset);
  return url;
}

nlohmann::json BuildSearchsetPage(std::vector<ReleasedEntry> entries, const ReleaseQuery& query,
                                  const std::string& patient_id, const Issues& issues) {
  // A total order on (group, type, id): the same record and query give the same sequence every time,
  // which is what makes _offset a cursor that survives the request being repeated.
  std::sort(entries.begin(), entries.end(), [](const ReleasedEntry& a, const ReleasedEntry& b) {
    return std::make_tuple(Group(a), json::StringAt(a.resource, "resourceType"), json::StringAt(a.resource, "id")) <
           std::make_tuple(Group(b), json::StringAt(b.resource, "resourceType"), json::StringAt(b.resource, "id"));
  });
  const long long total = static_cast<long long>(entries.size());
  const long long offset = std::min(query.offset, total);
  const long long end = std::min(total, offset + query.count);

  nlohmann::json links = nlohmann::json::array();
  links.push_back({{"relation", "self"}, {"url", EverythingUrl(query, patient_id, query.offset)}});
  links.push_back({{"relation", "first"}, {"url", EverythingUrl(query, patient_id, 0)}});
  if (offset > 0) {
    links.push_back({{"relation", "previous"}, {"url", EverythingUrl(query, patient_id, std::max(0LL, offset - query.count))}});
  }
  if (end < total) links.push_back({{"relation", "next"}, {"url", EverythingUrl(query, patient_id, end)}});
  if (total > 0) {
    links.push_back({{"relation", "last"}, {"url", EverythingUrl(query, patient_id, ((total - 1) / query.count) * query.count)}});
  }

  nlohmann::json page_entries = nlohmann::json::array();
  for (long long i = offset; i < end; ++i) {
    ReleasedEntry& entry = entries[static_cast<std::size_t>(i)];
    const std::string full_url = query.base + "/" + std::string(json::StringAt(entry.resource, "resourceType")) + "/" +
                                 std::string(json::StringAt(entry.resource, "id"));
    page_entries.push_back({{"fullUrl", full_url},
                            {"resource", std::move(entry.resource)},
                            {"search", {{"mode", entry.include ? "include" : "match"}}}});
  }
  if (!issues.empty()) {
    page_entries.push_back({{"resource", ToOperationOutcome(issues)}, {"search", {{"mode", "outcome"}}}});
  }
  nlohmann::json bundle = {{"resourceType", "Bundle"}, {"type", "searchset"}, {"total", total}, {"link", std::move(links)}};
  if (!page_entries.empty()) bundle["entry"] = std::move(page_entries);  // FHIR arrays are never empty
  return bundle;
}

}  // namespace pdex::pdex_release
