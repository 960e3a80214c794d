// Native validation benchmark (not a test): every resource of the Synthea bundles in the shared
// fixtures validated against base R4 the way the WebAssembly module does it (Engine::Validate on the
// JSON text to OperationOutcome text, Engine::ValidateToText), repeated for about SECONDS; prints resources/s.
// The same Engine path as bench/validate.mjs, so native and WASM figures compare. With ROUNDS, runs
// exactly that many rounds whatever the time (for instruction counts under `perf stat` on a busy
// machine: the difference between two ROUNDS values is the cost of the rounds alone).
//   build/<dir>/bench/validate_bench [SHARED_DIR] [SECONDS] [ROUNDS]
#include "api/engine.h"
#include "bench_support.h"
#include "json/parse.h"
#include "json/serialize.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using pdex::bench::Clock;
using pdex::bench::ReadFile;
using pdex::bench::Seconds;

int main(int argc, char** argv) {
  const std::string shared = argc > 1 ? argv[1] : PDEX_SHARED_DIR;
  const double seconds = argc > 2 ? std::atof(argv[2]) : 5.0;
  const std::size_t fixed_rounds = argc > 3 ? static_cast<std::size_t>(std::atol(argv[3])) : 0;
  const std::string dir = shared + "/fixtures/synthea";
  if (!std::filesystem::is_directory(dir)) {
    std::fprintf(stderr, "no %s\n", dir.c_str());
    return 1;
  }
  std::vector<std::string> texts;
  for (const auto& file : std::filesystem::recursive_directory_iterator(dir)) {
    if (file.path().extension() != ".json") continue;
    auto bundle = pdex::json::ParseJson(ReadFile(file.path().string()));
    if (!bundle.ok() || !bundle.value.contains("entry")) continue;
    for (const auto& entry : bundle.value["entry"]) texts.push_back(pdex::json::Serialize(entry["resource"]));
  }

  pdex::api::Engine engine;
  const auto load_start = Clock::now();
  engine.LoadDefinitions(ReadFile(PDEX_DEFAULT_DEFINITIONS_PACK));
  engine.LoadDefinitions(ReadFile(PDEX_DEFAULT_PROFILES_PACK));
  const double load_seconds = Seconds(load_start);

  std::size_t sink = 0;
  auto round = [&] {
    for (const std::string& text : texts) sink += engine.ValidateToText(text).size();
  };
  const auto warm_start = Clock::now();
  round();  // first use builds the element indexes and the FHIRPath type model
  const double warm_seconds = Seconds(warm_start);
  std::size_t rounds = 0;
  const auto start = Clock::now();
  do {
    round();
    ++rounds;
  } while (fixed_rounds > 0 ? rounds < fixed_rounds : Seconds(start) < seconds);
  const double rate = static_cast<double>(rounds * texts.size()) / Seconds(start);
  std::printf("validate (native, Engine::ValidateToText): %zu Synthea resources, "
              "%.0f resources/s (definitions load %.2f s, first round %.2f s)\n",
              texts.size(), rate, load_seconds, warm_seconds);
  return sink == 0 ? 1 : 0;
}
