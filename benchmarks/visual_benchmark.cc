// Drawing a report for people (src/visual): the landscape SVG and the HTML
// report of a 150-outcome study (ODI's upper size), with statements long
// enough to need the numbered legend, whole sample and three segments; and
// the full report with the forces, wave-changes and roadmap sections (all
// 150 outcomes changed, 20 initiatives chosen).
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

v1::ForcesReport MakeForces() {
  v1::ForcesReport forces;
  forces.set_interview_count(400);
  forces.set_switched_count(250);
  forces.set_stayed_count(150);
  const char* names[] = {"push", "pull", "anxiety", "habit"};
  for (int f = 0; f < 4; ++f) {
    v1::ForceSummary* force = forces.add_forces();
    force->set_force(static_cast<v1::Force>(f + 1));
    force->set_name(names[f]);
    force->set_mention_count(200);
    force->set_prevalence(0.5);
    force->set_mean_intensity(3);
    v1::ForceComparison* comparison = forces.add_comparisons();
    comparison->set_force(static_cast<v1::Force>(f + 1));
    comparison->set_adjusted_p_value(0.01);
  }
  forces.mutable_model()->set_auc(0.75);
  return forces;
}

v1::WaveComparison MakeWaves(int outcomes) {
  v1::WaveComparison waves;
  for (int i = 0; i < outcomes; ++i) {
    v1::OutcomeChange* change = waves.add_changes();
    change->set_outcome_id("o" + std::to_string(i + 1));
    change->set_significant(true);
    change->mutable_opportunity()->set_difference(1.5);
    change->mutable_opportunity()->set_significant(true);
  }
  return waves;
}

v1::RoadmapReport MakeRoadmap(int initiatives) {
  v1::RoadmapReport roadmap;
  roadmap.set_budget(1000);
  for (int i = 0; i < initiatives; ++i) {
    const std::string name = "initiative " + std::to_string(i + 1);
    roadmap.add_selected_initiatives(name);
    v1::InitiativeResult* result = roadmap.add_initiatives();
    result->set_initiative(name);
    result->set_cost(40);
    v1::OutcomeContribution* contribution = roadmap.add_contributions();
    contribution->set_outcome_id("o" + std::to_string(i + 1));
    contribution->add_initiatives(name);
  }
  return roadmap;
}

void BM_HtmlReportWithSections(benchmark::State& state) {
  const v1::Report report = MakeReport(150, 3);
  const v1::ForcesReport forces = MakeForces();
  const v1::WaveComparison waves = MakeWaves(150);
  const v1::RoadmapReport roadmap = MakeRoadmap(20);
  visual::HtmlOptions options;
  options.sections.forces = &forces;
  options.sections.waves = &waves;
  options.sections.roadmap = &roadmap;
  for (auto _ : state) {
    benchmark::DoNotOptimize(visual::RenderHtmlReport(report, options));
  }
}
BENCHMARK(BM_HtmlReportWithSections);

}  // namespace
}  // namespace jtbd
