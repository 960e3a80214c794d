#include "pdex/release/release_query.h"

#include "json/fields.h"

#include <cctype>
#include <string_view>
#include <vector>

namespace pdex::pdex_release {
namespace {

Issue QueryError(std::string diagnostics, std::string expression) {
  return Issue{.code = "invalid", .id = "release.query-invalid", .diagnostics = std::move(diagnostics),
               .expression = std::move(expression)};
}

bool Digits(std::string_view text, std::size_t from, std::size_t count) {
  if (text.size() < from + count) return false;
  for (std::size_t i = from; i < from + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long DaysFromCivil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

// "YYYY", "YYYY-MM", "YYYY-MM-DD..." → the first and last day it can mean, as YYYY-MM-DD.
std::optional<DateWindow> DateBounds(std::string_view text) {
  if (!Digits(text, 0, 4)) return std::nullopt;
  const std::string year(text.substr(0, 4));
  if (text.size() == 4) return DateWindow{year + "-01-01", year + "-12-31"};
  if (text.size() < 7 || text[4] != '-' || !Digits(text, 5, 2) || text.substr(5, 2) < "01" || text.substr(5, 2) > "12") {
    return std::nullopt;
  }
  const std::string month(text.substr(0, 7));
  if (text.size() == 7) return DateWindow{month + "-01", month + "-31"};
  if (text.size() < 10 || text[7] != '-' || !Digits(text, 8, 2) || text.substr(8, 2) < "01" || text.substr(8, 2) > "31") {
    return std::nullopt;
  }
  const std::string day(text.substr(0, 10));
  return DateWindow{day, day};
}

// Which element dates the care a resource records, per type, in order of preference (the first one
// present counts). Strings are dates/dateTimes, objects Periods. FHIR R4 patient-operation-everything:
// "the date range relates to care dates, not record currency dates".
struct CareDateRule {
  std::string_view type;
  std::vector<std::string_view> paths;  // "period", "context.period"
};
const std::vector<CareDateRule>& CareDateRules() {
  static const std::vector<CareDateRule> kRules = {
      {"AllergyIntolerance", {"onsetDateTime", "onsetPeriod", "recordedDate"}},
      {"CarePlan", {"period", "created"}},
      {"CareTeam", {"period"}},
      {"Claim", {"billablePeriod", "created"}},
      {"Condition", {"onsetDateTime", "onsetPeriod", "recordedDate"}},
      {"Coverage", {"period"}},
      {"DiagnosticReport", {"effectiveDateTime", "effectivePeriod", "issued"}},
      {"DocumentReference", {"context.period", "date"}},
      {"Encounter", {"period"}},
      {"ExplanationOfBenefit", {"billablePeriod", "created"}},
      {"Goal", {"startDate", "statusDate"}},
      {"Immunization", {"occurrenceDateTime", "recorded"}},
      {"MedicationDispense", {"whenHandedOver", "whenPrepared"}},
      {"MedicationRequest", {"authoredOn"}},
      {"MedicationStatement", {"effectiveDateTime", "effectivePeriod", "dateAsserted"}},
      {"Observation", {"effectiveDateTime", "effectivePeriod", "effectiveInstant", "issued"}},
      {"Procedure", {"performedDateTime", "performedPeriod"}},
      {"ServiceRequest", {"occurrenceDateTime", "occurrencePeriod", "authoredOn"}},
  };
  return kRules;
}

const nlohmann::json* AtPath(const nlohmann::json& resource, std::string_view path) {
  const nlohmann::json* value = &resource;
  while (value != nullptr) {
    const std::size_t dot = path.find('.');
    value = json::MemberAt(*value, path.substr(0, dot));
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  return value;
}

std::optional<DateWindow> WindowOf(const nlohmann::json& value) {
  if (value.is_string()) return DateBounds(value.get_ref<const std::string&>());
  if (!value.is_object()) return std::nullopt;
  const auto start = DateBounds(json::StringAt(value, "start"));
  const auto end = DateBounds(json::StringAt(value, "end"));
  if (!start && !end) return std::nullopt;
  // An open end means "ongoing": the period reaches every later date.
  return DateWindow{start ? start->low : "0000-01-01", end ? end->high : "9999-12-31"};
}

}  // namespace

std::optional<long long> ParseFhirInstant(const std::string& text) {
  const auto bounds = DateBounds(text);
  if (!bounds) return std::nullopt;
  const std::string& day = bounds->low;
  long long seconds = DaysFromCivil(std::stoll(day.substr(0, 4)), static_cast<unsigned>(std::stoi(day.substr(5, 2))),
                                    static_cast<unsigned>(std::stoi(day.substr(8, 2)))) * 86400;
  if (text.size() <= 10) return seconds;
  // "Thh:mm:ss" then optional fraction, then Z or ±hh:mm.
  if (text[10] != 'T' || !Digits(text, 11, 2) || text.size() < 19 || text[13] != ':' || !Digits(text, 14, 2) ||
      text[16] != ':' || !Digits(text, 17, 2) || text.substr(11, 2) > "23" || text.substr(14, 2) > "59" ||
      text.substr(17, 2) > "60") {
    return std::nullopt;
  }
  seconds += std::stoll(text.substr(11, 2)) * 3600 + std::stoll(text.substr(14, 2)) * 60 + std::stoll(text.substr(17, 2));
  std::size_t i = 19;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  }
  if (i == text.size() || text.compare(i, std::string::npos, "Z") == 0) return seconds;
  if ((text[i] == '+' || text[i] == '-') && text.size() == i + 6 && Digits(text, i + 1, 2) && text[i + 3] == ':' &&
      Digits(text, i + 4, 2)) {
    const long long offset = std::stoll(text.substr(i + 1, 2)) * 3600 + std::stoll(text.substr(i + 4, 2)) * 60;
    return text[i] == '+' ? seconds - offset : seconds + offset;
  }
  return std::nullopt;
}

std::optional<DateWindow> CareDates(const nlohmann::json& resource) {
  const std::string_view type = json::StringAt(resource, "resourceType");
  for (const CareDateRule& rule : CareDateRules()) {
    if (rule.type != type) continue;
    for (const std::string_view path : rule.paths) {
      const nlohmann::json* value = AtPath(resource, path);
      if (value == nullptr) continue;
      if (auto window = WindowOf(*value)) return window;
    }
  }
  return std::nullopt;
}

bool InCareWindow(const nlohmann::json& resource, const std::string& start, const std::string& end) {
  if (start.empty() && end.empty()) return true;
  const auto dates = CareDates(resource);
  if (!dates) return true;
  const auto from = DateBounds(start);
  const auto to = DateBounds(end);
  if (from && dates->high < from->low) return false;
  if (to && dates->low > to->high) return false;
  return true;
}

bool UpdatedSince(const nlohmann::json& resource, long long since) {
  const nlohmann::json* meta = json::ObjectAt(resource, "meta");
  if (meta == nullptr) return true;
  const auto updated = ParseFhirInstant(std::string(json::StringAt(*meta, "lastUpdated")));
  return !updated || *updated >= since;
}

ReleaseQuery ParseReleaseQuery(const nlohmann::json& query, Issues& issues) {
  ReleaseQuery out;
  if (query.is_null()) return out;
  if (!query.is_object()) {
    issues.push_back(QueryError("the query must be a JSON object", ""));
    return out;
  }
  for (auto it = query.begin(); it != query.end(); ++it) {
    const std::string& name = it.key();
    const nlohmann::json& value = *it;
    auto text = [&]() -> std::string {
      if (value.is_string() && !value.get_ref<const std::string&>().empty()) return value.get<std::string>();
      issues.push_back(QueryError(name + " must be a non-empty string", name));
      return {};
    };
    auto number = [&](long long low, long long high) -> std::optional<long long> {
      long long n = 0;
      if (value.is_number_integer()) {
        n = value.get<long long>();
      } else if (value.is_string() && !value.get_ref<const std::string&>().empty() &&
                 value.get_ref<const std::string&>().size() < 16 &&
                 value.get_ref<const std::string&>().find_first_not_of("0123456789") == std::string::npos) {
        n = std::stoll(value.get<std::string>());
      } else {
        issues.push_back(QueryError(name + " must be a whole number", name));
        return std::nullopt;
      }
      if (n < low || n > high) {
        issues.push_back(QueryError(name + " must be between " + std::to_string(low) + " and " + std::to_string(high), name));
        return std::nullopt;
      }
      return n;
    };
    if (name == "patient") {
      out.patient_id = text();
    } else if (name == "_type") {
      const std::string list = text();
      std::size_t start = 0;
      while (start < list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        if (comma > start) out.types.insert(list.substr(start, comma - start));
        start = comma + 1;
      }
    } else if (name == "_since") {
      out.since_text = text();
      out.since = ParseFhirInstant(out.since_text);
      if (!out.since && !out.since_text.empty()) issues.push_back(QueryError("_since is not a FHIR instant: " + out.since_text, name));
    } else if (name == "start" || name == "end") {
      std::string date = text();
      if (!date.empty() && !DateBounds(date)) {
        issues.push_back(QueryError(name + " is not a FHIR date: " + date, name));
      } else {
        (name == "start" ? out.start : out.end) = std::move(date);
      }
    } else if (name == "_count") {
      if (auto n = number(1, 1000000000)) {
        if (*n > kMaxCount) {
          issues.push_back(Issue{.severity = Severity::kWarning, .code = "too-costly", .id = "release.count-capped",
                                 .diagnostics = "_count " + std::to_string(*n) + " is more than the largest page, " +
                                                std::to_string(kMaxCount) + "; pages hold " + std::to_string(kMaxCount),
                                 .expression = name});
        }
        out.count = static_cast<int>(std::min<long long>(*n, kMaxCount));
      }
    } else if (name == "_offset") {
      if (auto n = number(0, 1000000000000LL)) out.offset = *n;
    } else if (name == "page") {
      if (auto n = number(1, 1000000000LL)) out.offset = -*n;  // resolved below, once _count is known
    } else if (name == "base") {
      out.base = text();
      while (!out.base.empty() && out.base.back() == '/') out.base.pop_back();
    } else if (name == "payer") {
      if (value.is_object()) {
        out.payer = value;
      } else {
        issues.push_back(QueryError("payer must be a Reference object", name));
      }
    } else if (name == "recorded") {
      out.recorded = text();
      if (!out.recorded.empty() && !ParseFhirInstant(out.recorded)) {
        issues.push_back(QueryError("recorded is not a FHIR instant: " + out.recorded, name));
        out.recorded.clear();
      }
    } else {
      issues.push_back(QueryError("unknown $everything parameter '" + name +
                                      "' (known: patient, _type, _since, start, end, _count, _offset, page, base, payer, recorded)",
                                  name));
    }
  }
  if (out.offset < 0) out.offset = (-out.offset - 1) * out.count;
  return out;
}

}  // namespace pdex::pdex_release
