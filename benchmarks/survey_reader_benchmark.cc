// Reading survey CSVs: the first thing every user runs, on exports that
// reach tens of megabytes. The whole pipeline (tokenize, validate, build
// the Study) from memory, so disk speed does not blur the figure.
#include <random>
#include <string>

#include "benchmark/benchmark.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace {

// A wide export: respondent_id, segment, then imp_/sat_ pairs; 2% blanks.
std::string WideSurvey(size_t respondents, size_t outcomes) {
  std::mt19937 rng(42);
  std::string csv = "respondent_id,segment";
  for (size_t o = 0; o < outcomes; ++o) {
    csv += ",imp_o" + std::to_string(o) + ",sat_o" + std::to_string(o);
  }
  csv += '\n';
  for (size_t r = 0; r < respondents; ++r) {
    csv += "r" + std::to_string(r) + (r % 3 ? ",office" : ",field");
    for (size_t k = 0; k < 2 * outcomes; ++k) {
      csv += ',';
      if (rng() % 50 != 0) csv += static_cast<char>('1' + rng() % 5);
    }
    csv += '\n';
  }
  return csv;
}

// The same answers in the long layout: one row per respondent x outcome.
std::string LongSurvey(size_t respondents, size_t outcomes) {
  std::mt19937 rng(43);
  std::string csv = "respondent,segment,outcome,importance,satisfaction\n";
  for (size_t r = 0; r < respondents; ++r) {
    for (size_t o = 0; o < outcomes; ++o) {
      csv += "r" + std::to_string(r) + (r % 3 ? ",office" : ",field") + ",o" +
             std::to_string(o) + ',' + static_cast<char>('1' + rng() % 5) +
             ',' + static_cast<char>('1' + rng() % 5) + '\n';
    }
  }
  return csv;
}

void Read(benchmark::State& state, const std::string& csv) {
  for (auto _ : state) {
    absl::StatusOr<Study> study = ReadSurveyCsv(csv, "bench.csv", {});
    if (!study.ok())
      state.SkipWithError(std::string(study.status().message()).c_str());
    benchmark::DoNotOptimize(study);
  }
  state.SetBytesProcessed(state.iterations() * csv.size());
}

void BM_ReadWideSurvey(benchmark::State& state) {
  Read(state, WideSurvey(state.range(0), state.range(1)));
}
// ~20 MB: 80,000 respondents x 60 outcomes.
BENCHMARK(BM_ReadWideSurvey)->Args({80000, 60})->Unit(benchmark::kMillisecond);

void BM_ReadLongSurvey(benchmark::State& state) {
  Read(state, LongSurvey(state.range(0), state.range(1)));
}
BENCHMARK(BM_ReadLongSurvey)->Args({10000, 60})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jtbd
