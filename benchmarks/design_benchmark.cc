// Study designs: a 1,000-outcome design CSV read and checked, and its
// coverage joined with a report of as many scores (src/design).
#include <string>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "core/job_map_coverage.h"
#include "design/design_csv.h"
#include "jtbd/v1/report.pb.h"

namespace {

constexpr int kOutcomes = 1000;
const char* const kSteps[] = {"define",  "locate",  "prepare", "confirm",
                              "execute", "monitor", "modify",  "conclude"};

std::string DesignCsv() {
  std::string csv = "kind,id,statement,job_step\n";
  absl::StrAppend(&csv, "job,j,Get the work of a job invoiced,\n");
  for (int o = 0; o < kOutcomes; ++o) {
    absl::StrAppend(&csv, ",o", o, ",Minimize the time it takes to do part ", o,
                    ",", kSteps[o % 8], "\n");
  }
  return csv;
}

void BM_ReadDesignCsv(benchmark::State& state) {
  const std::string csv = DesignCsv();
  for (auto _ : state) {
    auto design = jtbd::design::ReadDesignCsv(csv, "bench.csv");
    benchmark::DoNotOptimize(design);
  }
  state.SetBytesProcessed(state.iterations() * csv.size());
}
BENCHMARK(BM_ReadDesignCsv);

void BM_ComputeCoverage(benchmark::State& state) {
  const auto design = jtbd::design::ReadDesignCsv(DesignCsv(), "bench.csv");
  if (!design.ok()) {
    state.SkipWithError("the design was refused");
    return;
  }
  jtbd::v1::Report report;
  for (int o = 0; o < kOutcomes; ++o) {
    jtbd::v1::OutcomeScore* score = report.add_outcomes();
    score->set_outcome_id(absl::StrCat("o", o));
    score->set_opportunity(o % 20);
    score->set_band(o % 20 >= 10 ? jtbd::v1::BAND_UNDERSERVED
                                 : jtbd::v1::BAND_OVERSERVED);
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(jtbd::design::ComputeCoverage(*design, report));
  }
}
BENCHMARK(BM_ComputeCoverage);

}  // namespace
