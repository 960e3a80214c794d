// Native FHIRPath benchmark (not a test): the official R4 suite's valid expressions, compiled once,
// evaluated repeatedly on their inputs; prints evaluations per second with and without the type
// model, plus compile throughput and type-model load time.
//   build/<dir>/bench/fhirpath_bench [SHARED_DIR] [MEDPLUM_R4_DIR] [SECONDS] [--model-only]
#include "bench_support.h"
#include "fhirpath/fhirpath.h"
#include "json/parse.h"
#include "model/type_model.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace fp = pdex::fhirpath;
using pdex::bench::Clock;
using pdex::bench::ReadFile;
using pdex::bench::Seconds;

namespace {


struct Case {
  fp::CompiledExpression expression;
  const nlohmann::json* input;
};

double Run(const std::vector<Case>& cases, const fp::Environment& env, double seconds, std::size_t& evaluations) {
  evaluations = 0;
  auto start = Clock::now();
  std::size_t sink = 0;
  do {
    for (const Case& c : cases) {
      auto r = fp::Evaluate(c.expression, *c.input, env);
      sink += r.ok() ? r.value().size() : 1;
    }
    evaluations += cases.size();
  } while (Seconds(start) < seconds);
  if (sink == 0) std::puts("");
  return evaluations / Seconds(start);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string shared = argc > 1 ? argv[1] : PDEX_SHARED_DIR;
  const std::string medplum = argc > 2 ? argv[2] : PDEX_MEDPLUM_R4_DIR;
  const double seconds = argc > 3 ? std::atof(argv[3]) : 2.0;
  const std::string dir = shared + "/fixtures/fhirpath";
  auto suite = pdex::json::ParseJson(ReadFile(dir + "/tests-fhir-r4.json"));
  if (!suite.ok()) {
    std::fprintf(stderr, "cannot read %s/tests-fhir-r4.json\n", dir.c_str());
    return 1;
  }
  auto load_start = Clock::now();
  std::string error;
  auto model = pdex::model::TypeModel::LoadFromDirectory(medplum, error);
  const double load_seconds = Seconds(load_start);
  if (!model) std::fprintf(stderr, "no type model (%s); measuring without it only\n", error.c_str());

  std::map<std::string, nlohmann::json> inputs;
  const nlohmann::json empty = nlohmann::json::object();
  std::vector<Case> cases;
  std::vector<std::string> texts;
  for (const auto& group : suite.value["groups"]) {
    for (const auto& test : group["tests"]) {
      if (test.contains("expression.invalid") || test.value("mode", "") == "strict") continue;
      const std::string expression = test.value("expression", "");
      texts.push_back(expression);
      auto compiled = fp::Compile(expression);
      if (!compiled.ok()) continue;
      const nlohmann::json* input = &empty;
      if (test.contains("inputfileJson")) {
        const std::string file = test["inputfileJson"].get<std::string>();
        if (!inputs.count(file)) inputs[file] = pdex::json::ParseJson(ReadFile(dir + "/input-json/" + file)).value;
        input = &inputs[file];
      }
      cases.push_back({compiled.value(), input});
    }
  }
  std::printf("FHIRPath benchmark: %zu expressions from the R4 suite, %.1f s per measurement\n", cases.size(), seconds);
  if (model) std::printf("  type model load (parse + build): %.0f ms, %zu types\n", load_seconds * 1000, model->size());

  auto compile_start = Clock::now();
  std::size_t compiled_count = 0;
  do {
    for (const std::string& text : texts) compiled_count += fp::Compile(text).ok();
  } while (Seconds(compile_start) < seconds / 2);
  std::printf("  compile:                     %10.0f expressions/s\n", compiled_count / Seconds(compile_start));

  std::size_t n = 0;
  fp::Environment without;
  const bool model_only = argc > 4 && std::string(argv[4]) == "--model-only";  // for profiling
  if (!model_only) std::printf("  evaluate, inferred types:    %10.0f evaluations/s\n", Run(cases, without, seconds, n));
  if (model) {
    fp::Environment with;
    with.model = &*model;
    std::printf("  evaluate, with type model:   %10.0f evaluations/s\n", Run(cases, with, seconds, n));
  }
  return 0;
}
