// Hot paths of the switching forces (docs/FORCES.md): reading 100,000
// force observations from CSV (about 30,000 interviews), the analysis of
// them without and with the propensity model, and fitting the model on
// 10,000 interviews (one fit, and the fit with 5-fold cross-validation).
#include <cmath>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "forces/forces_analysis.h"
#include "forces/interview_reader.h"
#include "forces/propensity_model.h"

namespace jtbd {
namespace {

constexpr const char* kForceNames[] = {"push", "pull", "anxiety", "habit"};
constexpr double kWeights[] = {0.6, 0.5, -0.55, -0.45};

// Interviews as CSV, one row per observation, until `observations` rows;
// outcomes drawn from known force weights.
std::string InterviewsCsv(int observations, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto unit = [&rng] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  std::string csv = "interview,force,intensity,quote,source,segment,switched\n";
  int rows = 0;
  for (int i = 0; rows < observations; ++i) {
    int intensity[4] = {0, 0, 0, 0};
    double eta = -0.2;
    for (int f = 0; f < 4; ++f) {
      if (unit() < 0.8) {
        intensity[f] = 1 + static_cast<int>(unit() * 5);
        eta += kWeights[f] * intensity[f];
      }
    }
    const bool switched = unit() < 1 / (1 + std::exp(-eta));
    const char* segment = i % 3 == 0 ? "smb" : (i % 3 == 1 ? "mid" : "ent");
    for (int f = 0; f < 4 && rows < observations; ++f) {
      if (intensity[f] == 0) continue;
      absl::StrAppend(&csv, "int-", i, ",", kForceNames[f], ",", intensity[f],
                      ",\"They said something about it, at length\",note-",
                      rows, ",", segment, ",", switched ? "yes" : "no", "\n");
      ++rows;
    }
  }
  return csv;
}

const std::string& HundredThousandObservations() {
  static const std::string* const kCsv =
      new std::string(InterviewsCsv(100000, 1));
  return *kCsv;
}

v1::SwitchInterviews Read(const std::string& csv) {
  absl::StatusOr<v1::SwitchInterviews> interviews =
      forces::ReadInterviewsCsv(csv, "bench.csv");
  if (!interviews.ok()) std::abort();
  return *std::move(interviews);
}

void BM_ReadInterviewsCsv(benchmark::State& state) {
  const std::string& csv = HundredThousandObservations();
  for (auto _ : state) {
    v1::SwitchInterviews interviews = Read(csv);
    benchmark::DoNotOptimize(interviews);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(csv.size()));
  state.counters["observations"] = 100000;
}
BENCHMARK(BM_ReadInterviewsCsv)->Unit(benchmark::kMillisecond);

void BM_AnalyzeForces(benchmark::State& state) {
  const v1::SwitchInterviews interviews = Read(HundredThousandObservations());
  forces::ForcesAnalysisOptions options;
  options.fit_model = state.range(0) != 0;
  for (auto _ : state) {
    absl::StatusOr<v1::ForcesReport> report =
        forces::AnalyzeForces(interviews, options);
    if (!report.ok()) std::abort();
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          interviews.interviews_size());
  state.counters["interviews"] = interviews.interviews_size();
}
BENCHMARK(BM_AnalyzeForces)
    ->ArgName("model")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);

// 10,000 interviews: 4 forces mentioned with probability 0.8 each.
const v1::SwitchInterviews& TenThousandInterviews() {
  static const v1::SwitchInterviews* const kInterviews =
      new v1::SwitchInterviews([] {
        v1::SwitchInterviews all = Read(InterviewsCsv(40000, 2));
        v1::SwitchInterviews ten;
        for (int i = 0; i < 10000 && i < all.interviews_size(); ++i) {
          *ten.add_interviews() = all.interviews(i);
        }
        return ten;
      }());
  return *kInterviews;
}

void BM_FitPropensityModel(benchmark::State& state) {
  const v1::SwitchInterviews& interviews = TenThousandInterviews();
  for (auto _ : state) {
    absl::StatusOr<forces::PropensityModel> model =
        forces::FitPropensityModel(interviews, forces::PropensityOptions());
    if (!model.ok()) std::abort();
    benchmark::DoNotOptimize(model);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          interviews.interviews_size());
  state.counters["interviews"] = interviews.interviews_size();
}
BENCHMARK(BM_FitPropensityModel)->Unit(benchmark::kMillisecond);

void BM_FitAndValidatePropensityModel(benchmark::State& state) {
  const v1::SwitchInterviews& interviews = TenThousandInterviews();
  for (auto _ : state) {
    absl::StatusOr<v1::PropensityReport> report =
        forces::FitAndValidatePropensityModel(interviews,
                                              forces::PropensityOptions());
    if (!report.ok()) std::abort();
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          interviews.interviews_size());
  state.counters["interviews"] = interviews.interviews_size();
}
BENCHMARK(BM_FitAndValidatePropensityModel)->Unit(benchmark::kMillisecond);

void BM_PredictOneDeal(benchmark::State& state) {
  absl::StatusOr<forces::PropensityModel> model = forces::FitPropensityModel(
      TenThousandInterviews(), forces::PropensityOptions());
  if (!model.ok()) std::abort();
  const forces::ForceIntensities intensities = {4, 3, 2, 1};
  for (auto _ : state) {
    v1::ForcePrediction prediction = model->PredictIntensities(intensities, "");
    benchmark::DoNotOptimize(prediction);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));  // deals
}
BENCHMARK(BM_PredictOneDeal);

}  // namespace
}  // namespace jtbd
