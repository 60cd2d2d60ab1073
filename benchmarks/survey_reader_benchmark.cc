// Reading survey CSVs: the first thing every user runs, on exports that
// reach tens of megabytes (benchmarks/compare compares `jtbd score` on a
// wide export with pandas.read_csv). The whole pipeline (tokenize,
// validate, build the Study) from memory, so disk speed does not blur the
// figure.
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

// A Qualtrics export whose cells hold label text ("Very important"), the
// slow kind of cell: 3 header rows, matrix questions Q2 (importance) and Q3
// (satisfaction), 2% blanks and a few "Not applicable".
std::string QualtricsLabelSurvey(size_t respondents, size_t outcomes) {
  static const char* const kImportance[] = {
      "Not at all important", "Slightly important", "Moderately important",
      "Very important", "Extremely important"};
  static const char* const kSatisfaction[] = {
      "Not at all satisfied", "Slightly satisfied", "Moderately satisfied",
      "Very satisfied", "Extremely satisfied"};
  std::mt19937 rng(44);
  std::string ids = "StartDate,ResponseId,Q1";
  std::string texts = "Start Date,Response ID,What is your trade?";
  std::string imports =
      "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\""
      "_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\"";
  for (const char* question : {"2", "3"}) {
    for (size_t o = 1; o <= outcomes; ++o) {
      const std::string id = std::string(question) + "_" + std::to_string(o);
      ids += ",Q" + id;
      texts += std::string(",How ") +
               (question[0] == '2' ? "important" : "satisfied") +
               "? - Minimize outcome " + std::to_string(o);
      imports += ",\"{\"\"ImportId\"\":\"\"QID" + id + "\"\"}\"";
    }
  }
  std::string csv = ids + "\n" + texts + "\n" + imports + "\n";
  for (size_t r = 0; r < respondents; ++r) {
    csv += "2024-03-04 09:12:01,R_" + std::to_string(r) +
           (r % 3 ? ",Carpenter" : ",Plumber");
    for (const char* const* labels : {kImportance, kSatisfaction}) {
      for (size_t o = 0; o < outcomes; ++o) {
        csv += ',';
        const unsigned roll = rng() % 100;
        if (roll < 2) continue;
        csv += roll < 4 ? "Not applicable" : labels[rng() % 5];
      }
    }
    csv += '\n';
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

// The same file read straight into the scoring aggregate (what `jtbd score`
// without segments does): no respondents kept.
void BM_ReadWideSurveyToAggregate(benchmark::State& state) {
  const std::string csv = WideSurvey(state.range(0), state.range(1));
  for (auto _ : state) {
    absl::StatusOr<Aggregate> aggregate =
        ReadSurveyCsvAggregate(csv, "bench.csv", {});
    if (!aggregate.ok()) {
      state.SkipWithError(std::string(aggregate.status().message()).c_str());
    }
    benchmark::DoNotOptimize(aggregate);
  }
  state.SetBytesProcessed(state.iterations() * csv.size());
}
BENCHMARK(BM_ReadWideSurveyToAggregate)
    ->Args({80000, 60})
    ->Unit(benchmark::kMillisecond);

void BM_ReadLongSurvey(benchmark::State& state) {
  Read(state, LongSurvey(state.range(0), state.range(1)));
}
BENCHMARK(BM_ReadLongSurvey)->Args({10000, 60})->Unit(benchmark::kMillisecond);

void BM_ReadQualtricsLabels(benchmark::State& state) {
  Read(state, QualtricsLabelSurvey(state.range(0), state.range(1)));
}
BENCHMARK(BM_ReadQualtricsLabels)
    ->Args({20000, 60})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jtbd
