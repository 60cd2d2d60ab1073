// Drawing a report for people (src/visual): the landscape SVG and the HTML
// report of a 150-outcome study (ODI's upper size), with statements long
// enough to need the numbered legend, whole sample and three segments.
#include <random>
#include <string>

#include "benchmark/benchmark.h"
#include "jtbd/v1/report.pb.h"
#include "visual/html_report.h"
#include "visual/landscape_svg.h"

namespace jtbd {
namespace {

void FillScores(std::mt19937* rng,
                google::protobuf::RepeatedPtrField<v1::OutcomeScore>* scores,
                int outcomes) {
  std::uniform_real_distribution<double> score(0, 10);
  for (int i = 0; i < outcomes; ++i) {
    v1::OutcomeScore* outcome = scores->Add();
    outcome->set_outcome_id("o" + std::to_string(i + 1));
    outcome->set_statement("Minimize the time it takes to confirm that step " +
                           std::to_string(i + 1) +
                           " of the job was done right the first time");
    const double importance = score(*rng);
    const double satisfaction = score(*rng);
    outcome->set_importance(importance);
    outcome->set_satisfaction(satisfaction);
    outcome->set_opportunity(importance +
                             std::max(importance - satisfaction, 0.0));
    outcome->set_importance_count(300);
    outcome->set_satisfaction_count(300);
    outcome->set_rank(i + 1);
    outcome->mutable_importance_interval()->set_low(importance * 0.9);
    outcome->mutable_importance_interval()->set_high(importance * 0.9 + 1);
    outcome->mutable_satisfaction_interval()->set_low(satisfaction * 0.9);
    outcome->mutable_satisfaction_interval()->set_high(satisfaction * 0.9 + 1);
  }
}

v1::Report MakeReport(int outcomes, int segments) {
  std::mt19937 rng(17);
  v1::Report report;
  report.set_respondent_count(900);
  report.set_confidence_level(0.95);
  FillScores(&rng, report.mutable_outcomes(), outcomes);
  for (int s = 0; s < segments; ++s) {
    v1::SegmentReport* segment = report.add_segments();
    segment->set_name("segment " + std::to_string(s + 1));
    segment->set_respondent_count(300);
    FillScores(&rng, segment->mutable_outcomes(), outcomes);
  }
  return report;
}

void BM_LandscapeSvg(benchmark::State& state) {
  const v1::Report report = MakeReport(state.range(0), state.range(1));
  visual::LandscapeOptions options;
  options.intervals = true;
  for (auto _ : state) {
    benchmark::DoNotOptimize(visual::RenderLandscapeSvg(report, options));
  }
  // Outcome points drawn: the whole sample's and each segment's.
  state.SetItemsProcessed(state.iterations() * state.range(0) *
                          (state.range(1) + 1));
}
BENCHMARK(BM_LandscapeSvg)->Args({150, 0})->Args({150, 3});

void BM_HtmlReport(benchmark::State& state) {
  const v1::Report report = MakeReport(state.range(0), state.range(1));
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        visual::RenderHtmlReport(report, visual::HtmlOptions()));
  }
  // Outcomes reported: the whole sample's and each segment's.
  state.SetItemsProcessed(state.iterations() * state.range(0) *
                          (state.range(1) + 1));
}
BENCHMARK(BM_HtmlReport)->Args({150, 0})->Args({150, 3});

}  // namespace
}  // namespace jtbd
