// Native $member-match benchmark (not a test): a generated population of MEMBERS (default 100,000)
// loaded into the member index from NDJSON, then QUERIES generated requests (the precision/recall
// test's generator, tests/unit/pdex/member_match/population.cpp) matched two ways:
//   matcher:  member_match::MemberMatch on parsed requests (request checks + blocking + scoring + answer);
//   engine:   Engine::MemberMatch on the request text without definitions (parse + our checks + match);
// and a small sample through Engine::MemberMatch with the definitions and profiles packs loaded (the
// request also validated against hrex-parameters-member-match-in). Prints matches/second.
//   build/native/bench/member_match_bench [MEMBERS] [QUERIES]
#include "api/engine.h"
#include "bench_support.h"
#include "json/fields.h"
#include "pdex/member_match/member_match.h"
#include "population.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using pdex::bench::Clock;
using pdex::bench::ReadFile;
using pdex::bench::Seconds;
namespace mm = pdex::member_match;

namespace {

bool IsParameters(const nlohmann::json& answer) { return pdex::json::StringAt(answer, "resourceType") == "Parameters"; }

}  // namespace

int main(int argc, char** argv) {
  const std::size_t members = argc > 1 ? static_cast<std::size_t>(std::atol(argv[1])) : 100000;
  const std::size_t query_count = argc > 2 ? static_cast<std::size_t>(std::atol(argv[2])) : 10000;
  auto start = Clock::now();
  const mm::testing::Population population = mm::testing::GeneratePopulation(members, 20261204);
  const std::string ndjson = mm::testing::ToNdjson(population);
  const std::vector<mm::testing::Query> queries = mm::testing::GenerateQueries(population, query_count, 20261205);
  std::printf("generated %zu members (%.1f MB NDJSON) and %zu requests in %.2f s\n", population.members,
              static_cast<double>(ndjson.size()) / 1e6, queries.size(), Seconds(start));

  start = Clock::now();
  mm::MemberIndex index;
  mm::LoadCounts counts;
  const pdex::Issues issues = index.Add(ndjson, "population.ndjson", {}, counts);
  const double load_seconds = Seconds(start);
  std::printf("index: %zu members loaded from NDJSON in %.2f s (%.0f members/s)%s\n", index.size(), load_seconds,
              static_cast<double>(index.size()) / load_seconds, issues.empty() ? "" : " WITH ISSUES");

  start = Clock::now();
  std::size_t matched = 0;
  for (const mm::testing::Query& query : queries) {
    matched += mm::MemberMatch(query.request, index, mm::MemberMatchOptions{}).outcome == mm::Outcome::kMatched ? 1 : 0;
  }
  double seconds = Seconds(start);
  std::printf("matcher: %zu requests (%zu matched) in %.2f s: %.0f matches/s\n", queries.size(), matched, seconds,
              static_cast<double>(queries.size()) / seconds);

  std::vector<std::string> texts;
  texts.reserve(queries.size());
  for (const mm::testing::Query& query : queries) texts.push_back(query.request.dump());
  pdex::api::Engine engine;
  engine.LoadMemberIndex(ndjson, "population.ndjson");
  start = Clock::now();
  matched = 0;
  const pdex::api::MemberMatchOptions options;
  for (const std::string& text : texts) matched += IsParameters(engine.MemberMatch(text, options)) ? 1 : 0;
  seconds = Seconds(start);
  std::printf("engine (text in, our checks, no profile validation): %zu requests (%zu matched) in %.2f s: %.0f matches/s\n",
              texts.size(), matched, seconds, static_cast<double>(texts.size()) / seconds);

  pdex::api::Engine profiled;
  profiled.LoadDefinitions(ReadFile(PDEX_DEFAULT_DEFINITIONS_PACK));
  profiled.LoadDefinitions(ReadFile(PDEX_DEFAULT_PROFILES_PACK));
  profiled.LoadMemberIndex(ndjson, "population.ndjson");
  const std::size_t sample = std::min<std::size_t>(texts.size(), 200);
  start = Clock::now();
  matched = 0;
  for (std::size_t i = 0; i < sample; ++i) matched += IsParameters(profiled.MemberMatch(texts[i], options)) ? 1 : 0;
  seconds = Seconds(start);
  std::printf("engine with hrex-parameters-member-match-in validation: %zu requests (%zu matched) in %.2f s: %.0f matches/s\n",
              sample, matched, seconds, static_cast<double>(sample) / seconds);
  return 0;
}
