// Hot paths of outcome-based segmentation on a survey of ODI size (20,000
// respondents x 60 outcomes, planted segments, 3 % blank ratings):
// features, k-means with 25 starts on 1 and 2 threads, the silhouettes of
// k = 2..8 in one pass, and the whole SegmentStudy.
//
// The smoke test (CTest) runs every registered benchmark once, also in Debug
// builds, so the heaviest runs — the whole analysis on 20,000 respondents
// and plain Lloyd for comparison — are registered only when the environment
// has JTBD_SEGMENTS_FULL=1.
//
// BM_SegmentSurveyFile splits `jtbd segment`'s time into phases (the
// whole process is compared with scikit-learn by benchmarks/compare): with
// JTBD_SEGMENTS_SURVEY naming a wide survey CSV it reads the file,
// builds the top-box features and runs k-means (k from JTBD_SEGMENTS_K, 25
// starts) once, and writes {"inertia", "labels", phase seconds} as JSON to
// JTBD_SEGMENTS_OUT. Without the variables it runs on a small generated
// survey, so that the smoke test exercises it.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "benchmark/benchmark.h"
#include "core/study.h"
#include "io/survey_reader.h"
#include "segments/kmeans.h"
#include "segments/segment_features.h"
#include "segments/segmentation.h"
#include "segments/silhouette.h"

namespace jtbd {
namespace {

double Unit(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

uint8_t Rating(std::mt19937_64& rng, double top_box_probability) {
  if (Unit(rng) < top_box_probability) return rng() % 2 == 0 ? 4 : 5;
  return static_cast<uint8_t>(1 + rng() % 3);
}

// n respondents in 5 planted segments (shares 30/25/20/15/10 %), each with
// 6 unmet outcomes of its own; other ratings at random; 3 % blanks.
Study PlantedStudy(size_t n, size_t m) {
  static const double kShares[] = {0.3, 0.25, 0.2, 0.15, 0.1};
  std::mt19937_64 rng(2024);
  Study study;
  for (size_t o = 0; o < m; ++o) {
    (void)study.AddOutcome({"o" + std::to_string(o + 1), "", ""});
  }
  (void)study.AddRespondents(n);
  std::vector<uint32_t> rs, os;
  std::vector<uint8_t> is, ss;
  for (size_t r = 0; r < n; ++r) {
    const double position = (r + 0.5) / n;
    size_t segment = 0;
    for (double cumulative = kShares[0]; position >= cumulative && segment < 4;
         cumulative += kShares[++segment]) {
    }
    for (size_t o = 0; o < m; ++o) {
      const bool unmet = o / 6 == segment;
      uint8_t importance = Rating(rng, unmet ? 0.9 : 0.35);
      uint8_t satisfaction = Rating(rng, unmet ? 0.1 : 0.6);
      if (Unit(rng) < 0.03) importance = 0;
      if (Unit(rng) < 0.03) satisfaction = 0;
      rs.push_back(static_cast<uint32_t>(r));
      os.push_back(static_cast<uint32_t>(o));
      is.push_back(importance);
      ss.push_back(satisfaction);
    }
  }
  (void)study.AddAnswers({rs, os, is, ss});
  return study;
}

const Study& LargeStudy() {
  static const Study* study = new Study(PlantedStudy(20000, 60));
  return *study;
}

const segments::FeatureMatrix& LargePoints() {
  static const segments::FeatureMatrix* points = new segments::FeatureMatrix(
      BuildSegmentFeatures(LargeStudy(),
                           v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY, false)
          ->points);
  return *points;
}

void BM_BuildSegmentFeatures(benchmark::State& state) {
  const Study& study = LargeStudy();
  for (auto _ : state) {
    auto features = BuildSegmentFeatures(
        study, v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY, state.range(0) != 0);
    benchmark::DoNotOptimize(features);
  }
  state.SetItemsProcessed(state.iterations() * study.respondent_count() *
                          study.outcome_count());
}
BENCHMARK(BM_BuildSegmentFeatures)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);

// 25 k-means++ starts at k = range(0) on range(1) threads; range(2) 0 runs
// plain Lloyd instead of Hamerly's bounds.
void BM_KMeans(benchmark::State& state) {
  const segments::FeatureMatrix& points = LargePoints();
  segments::KMeansOptions options;
  options.k = static_cast<size_t>(state.range(0));
  options.threads = static_cast<unsigned>(state.range(1));
  options.use_bounds = state.range(2) != 0;
  double inertia = 0;
  for (auto _ : state) {
    auto fit = segments::FitKMeans(points, options);
    inertia = fit->inertia;
    benchmark::DoNotOptimize(fit);
  }
  // Respondents clustered (all 25 starts each).
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * points.rows));
  state.counters["inertia"] = inertia;
}
BENCHMARK(BM_KMeans)->Args({5, 1, 1})->Args({5, 2, 1})->Unit(
    benchmark::kMillisecond);

// Mean silhouettes of seven labellings (k = 2..8) for range(0) evaluated
// respondents against all 20,000, on 2 threads.
void BM_Silhouettes(benchmark::State& state) {
  const segments::FeatureMatrix& points = LargePoints();
  std::vector<std::vector<uint32_t>> labels;
  for (uint32_t k = 2; k <= 8; ++k) {
    std::vector<uint32_t> l(points.rows);
    for (size_t i = 0; i < points.rows; ++i) l[i] = (i * 7919) % k;
    labels.push_back(std::move(l));
  }
  std::vector<segments::Labelling> labellings;
  for (uint32_t k = 2; k <= 8; ++k) labellings.push_back({labels[k - 2], k});
  std::vector<size_t> evaluated;
  const size_t count = static_cast<size_t>(state.range(0));
  for (size_t i = 0; i < count; ++i)
    evaluated.push_back(i * points.rows / count);
  for (auto _ : state) {
    auto summaries =
        segments::ComputeSilhouettes(points, labellings, evaluated, 2);
    benchmark::DoNotOptimize(summaries);
  }
  state.SetItemsProcessed(state.iterations() * count * points.rows);
}
BENCHMARK(BM_Silhouettes)->Arg(5000)->Unit(benchmark::kMillisecond);

// The whole analysis on the first range(0) respondents of the large study,
// k chosen among 2..8, profiles without bootstrap.
void BM_SegmentStudy(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const Study study = n == 20000 ? LargeStudy() : PlantedStudy(n, 60);
  v1::SegmentationOptions options;
  options.mutable_scoring()->set_bootstrap_resamples(0);
  uint32_t k = 0;
  for (auto _ : state) {
    auto segmentation = SegmentStudy(study, options);
    k = segmentation->report.k();
    benchmark::DoNotOptimize(segmentation);
  }
  state.SetItemsProcessed(
      static_cast<int64_t>(state.iterations() * study.respondent_count()));
  state.counters["k"] = k;
}
BENCHMARK(BM_SegmentStudy)
    ->Arg(3000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

const bool kFullRegistered = [] {
  if (std::getenv("JTBD_SEGMENTS_FULL") == nullptr) return false;
  benchmark::RegisterBenchmark("BM_SegmentStudy", BM_SegmentStudy)
      ->Arg(20000)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(1);
  benchmark::RegisterBenchmark("BM_KMeans", BM_KMeans)
      ->Args({5, 2, 0})
      ->Args({8, 2, 1})
      ->Unit(benchmark::kMillisecond);
  return true;
}();

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

void BM_SegmentSurveyFile(benchmark::State& state) {
  const char* survey_path = std::getenv("JTBD_SEGMENTS_SURVEY");
  const char* k_text = std::getenv("JTBD_SEGMENTS_K");
  const char* out_path = std::getenv("JTBD_SEGMENTS_OUT");
  int64_t respondents = 0;  // over every iteration: the throughput
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<Study> study =
        survey_path != nullptr ? ReadSurveyCsvFile(survey_path, ReadOptions())
                               : PlantedStudy(2000, 30);
    if (!study.ok()) {
      state.SkipWithError(std::string(study.status().message()).c_str());
      return;
    }
    const double read_seconds = Seconds(start);
    auto features = BuildSegmentFeatures(
        *study, v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY, false);
    if (!features.ok()) {
      state.SkipWithError(std::string(features.status().message()).c_str());
      return;
    }
    const double features_seconds = Seconds(start) - read_seconds;
    segments::KMeansOptions options;
    options.k = k_text != nullptr ? std::strtoul(k_text, nullptr, 10) : 5;
    options.starts = 25;
    auto fit = segments::FitKMeans(features->points, options);
    if (!fit.ok()) {
      state.SkipWithError(std::string(fit.status().message()).c_str());
      return;
    }
    const double kmeans_seconds =
        Seconds(start) - read_seconds - features_seconds;
    if (out_path != nullptr) {
      std::ofstream out(out_path);
      out << "{\"inertia\": " << absl::StrFormat("%.17g", fit->inertia)
          << ", \"iterations\": " << fit->iterations
          << ", \"read_seconds\": " << read_seconds
          << ", \"features_seconds\": " << features_seconds
          << ", \"kmeans_seconds\": " << kmeans_seconds
          << ", \"respondents\": [" << absl::StrJoin(features->respondents, ",")
          << "], \"labels\": [" << absl::StrJoin(fit->labels, ",") << "]}\n";
    }
    state.counters["inertia"] = fit->inertia;
    respondents += static_cast<int64_t>(study->respondent_count());
  }
  state.SetItemsProcessed(respondents);
}
BENCHMARK(BM_SegmentSurveyFile)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace jtbd
