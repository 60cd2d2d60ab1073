// Competing solutions scored: S_c over each solution's raters, Wilson
// intervals, the gap to our satisfaction and its overlapping-samples z-test,
// the best solution, the "20 % better" target and the Opp_c extension; all
// against numbers computed by hand (docs/SCORING.md, "Competing solutions").
#include "core/competitor_scoring.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/aggregate.h"
#include "core/scoring.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr double kZ95 = 1.959963984540054;

// 10 x the Wilson interval of x/n, written out from domain.md section 5.
std::pair<double, double> HandWilson(double x, double n) {
  const double p = x / n, z2 = kZ95 * kZ95;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half =
      kZ95 * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
  return {10 * (centre - half), 10 * (centre + half)};
}

void Answer(Study* study, uint32_t r, uint32_t o, uint8_t imp, uint8_t sat) {
  ASSERT_TRUE(
      study
          ->AddAnswers({absl::MakeConstSpan(&r, 1), absl::MakeConstSpan(&o, 1),
                        absl::MakeConstSpan(&imp, 1),
                        absl::MakeConstSpan(&sat, 1)})
          .ok());
}

void Rate(Study* study, uint32_t r, uint32_t s, uint32_t o, uint8_t sat) {
  ASSERT_TRUE(study
                  ->AddSolutionAnswers({absl::MakeConstSpan(&r, 1),
                                        absl::MakeConstSpan(&s, 1),
                                        absl::MakeConstSpan(&o, 1),
                                        absl::MakeConstSpan(&sat, 1)})
                  .ok());
}

// Ten respondents, scale 1-5 (top box 4-5), segments A (r0-r4), B (r5-r9).
// o1: importance top box r0-r7 (I = 8); our satisfaction top box r0, r1, r5
//     (S = 3); Acme rated by r0-r4, top box r0, r2, r3 (S_A = 6); Beta by
//     r5-r9, top box r5, r6 (S_B = 4).
// o2: importance 5 from all (I = 10), our satisfaction 3 from all (S = 0);
//     Beta rated 5 by r0-r8 and 2 by r9 (S_B = 9); nobody rates Acme.
Study TenRespondents() {
  Study study;
  EXPECT_TRUE(study.AddOutcome({"o1", "", ""}).ok());
  EXPECT_TRUE(study.AddOutcome({"o2", "", ""}).ok());
  EXPECT_TRUE(study.AddRespondents(10).ok());
  EXPECT_EQ(*study.AddSolution("Acme"), 0u);
  EXPECT_EQ(*study.AddSolution("Beta"), 1u);
  for (uint32_t r = 0; r < 10; ++r) {
    EXPECT_TRUE(study.SetAttribute(r, "seg", r < 5 ? "A" : "B").ok());
    const bool ours_top = r == 0 || r == 1 || r == 5;
    Answer(&study, r, 0, r < 8 ? 5 : 2, ours_top ? 4 : 2);
    Answer(&study, r, 1, 5, 3);
    if (r < 5) {
      Rate(&study, r, 0, 0, (r == 0 || r == 2 || r == 3) ? 5 : 1);
    } else {
      Rate(&study, r, 1, 0, (r == 5 || r == 6) ? 4 : 3);
    }
    Rate(&study, r, 1, 1, r < 9 ? 5 : 2);
  }
  return study;
}

v1::ScoringOptions NoBootstrap() {
  v1::ScoringOptions options;
  options.set_bootstrap_resamples(0);
  return options;
}

const v1::OutcomeScore& Find(const v1::Report& report, const std::string& id) {
  for (const v1::OutcomeScore& score : report.outcomes()) {
    if (score.outcome_id() == id) return score;
  }
  ADD_FAILURE() << "no outcome " << id;
  return report.outcomes(0);
}

TEST(CompetitorScoringTest, SatisfactionPerSolutionOverItsOwnRaters) {
  const Study study = TenRespondents();
  absl::StatusOr<v1::Report> report = study.Score(NoBootstrap());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_THAT(report->solutions(), ElementsAre("Acme", "Beta"));
  const v1::OutcomeScore& o1 = Find(*report, "o1");
  EXPECT_DOUBLE_EQ(o1.importance(), 8.0);
  EXPECT_DOUBLE_EQ(o1.satisfaction(), 3.0);
  ASSERT_EQ(o1.solutions_size(), 2);
  const v1::SolutionScore& acme = o1.solutions(0);
  EXPECT_EQ(acme.solution(), "Acme");
  EXPECT_EQ(acme.count(), 5u);
  EXPECT_EQ(acme.top_box_count(), 3u);
  EXPECT_EQ(acme.both_count(), 5u);
  EXPECT_DOUBLE_EQ(acme.satisfaction(), 6.0);
  // 3 of 5: within 3 of both edges, so Brown, Cai and DasGupta's Poisson
  // limits, from scipy: 10 gamma.ppf(alpha, 3) / 5, 10 (1 - gamma.ppf(alpha,
  // 2) / 5), alpha = 0.05.
  EXPECT_NEAR(acme.satisfaction_interval().low(), 1.6353828943279072, 1e-11);
  EXPECT_NEAR(acme.satisfaction_interval().high(), 9.289276978602675, 1e-11);
  // Plain Wilson where it applies: the lower limit of the outcome's own
  // importance, 8 of 10 (its upper limit, 2 failures, is Poisson's).
  EXPECT_NEAR(o1.importance_interval().low(), HandWilson(8, 10).first, 1e-12);
  EXPECT_FALSE(acme.has_effective_count());  // unweighted
  // Opp_c = I + max(I - S_c, 0) = 8 + 2 (extension).
  EXPECT_DOUBLE_EQ(acme.opportunity(), 10.0);
  const v1::SolutionScore& beta = o1.solutions(1);
  EXPECT_EQ(beta.count(), 5u);
  EXPECT_EQ(beta.top_box_count(), 2u);
  EXPECT_DOUBLE_EQ(beta.satisfaction(), 4.0);
  EXPECT_DOUBLE_EQ(beta.opportunity(), 12.0);
  EXPECT_DOUBLE_EQ(beta.satisfaction_gap(), 1.0);
}

// The gap test by hand: among r0-r4 (who rated both), ours = 10,10,0,0,0
// (mean 4), Acme = 10,0,10,10,0 (mean 6); their covariance is
// (24 - 36 - 16 - 16 + 24) / 5 = -4, so Cov(S_A, S) = -4 x 5 / (5 x 10) =
// -0.4. Var(S_A) = 100 x 0.6 x 0.4 / 5 = 4.8, Var(S) = 100 x 0.3 x 0.7 / 10
// = 2.1: Var(gap) = 4.8 + 2.1 + 0.8 = 7.7, z = 3 / sqrt(7.7).
TEST(CompetitorScoringTest, BestSolutionGapTargetAndTest) {
  const Study study = TenRespondents();
  absl::StatusOr<v1::Report> report = study.Score(NoBootstrap());
  ASSERT_TRUE(report.ok()) << report.status();
  const v1::OutcomeScore& o1 = Find(*report, "o1");
  EXPECT_EQ(o1.best_solution(), "Acme");
  EXPECT_DOUBLE_EQ(o1.best_solution_gap(), 3.0);
  EXPECT_DOUBLE_EQ(o1.satisfaction_target(), 7.2);  // 1.2 x 6.0
  const double z = 3 / std::sqrt(7.7);
  EXPECT_NEAR(o1.best_solution_gap_test().z(), z, 1e-12);
  EXPECT_NEAR(o1.best_solution_gap_test().p_value(),
              std::erfc(z / std::sqrt(2.0)), 1e-12);
  EXPECT_NEAR(o1.best_solution_gap_test().p_value(), 0.2796415, 1e-6);

  const v1::OutcomeScore& o2 = Find(*report, "o2");
  EXPECT_EQ(o2.solutions(0).count(), 0u);  // nobody rated Acme on o2
  EXPECT_FALSE(o2.solutions(0).has_satisfaction_interval());
  EXPECT_FALSE(o2.solutions(0).has_opportunity());
  EXPECT_EQ(o2.best_solution(), "Beta");
  EXPECT_DOUBLE_EQ(o2.solutions(1).satisfaction(), 9.0);
  EXPECT_DOUBLE_EQ(o2.satisfaction_target(), 10.0);  // 1.2 x 9.0, capped
  EXPECT_DOUBLE_EQ(o2.best_solution_gap(), 9.0);
  // Var(S_B) = 100 x 0.9 x 0.1 / 10 = 0.9; ours is constant (variance and
  // covariance 0).
  const double z2 = 9 / std::sqrt(0.9);
  EXPECT_NEAR(o2.best_solution_gap_test().z(), z2, 1e-9);
  // Holm over every solution's gap test on every outcome (Acme and Beta on
  // o1, Beta on o2; Acme is unrated on o2), written out: sorted p_(1) <=
  // p_(2) <= p_(3) adjust to running maxima of 3 p_(1), 2 p_(2), p_(3).
  const double p_acme = o1.solutions(0).satisfaction_gap_test().p_value();
  const double p_beta = o1.solutions(1).satisfaction_gap_test().p_value();
  const double p_o2 = o2.solutions(1).satisfaction_gap_test().p_value();
  EXPECT_FALSE(o2.solutions(0).has_satisfaction_gap_test());
  ASSERT_LT(p_o2, p_acme);
  ASSERT_LT(p_acme, p_beta);  // Beta's gap on o1 is 1, Acme's 3
  EXPECT_NEAR(o2.best_solution_gap_test().holm_adjusted_p_value(),
              3 * std::erfc(z2 / std::sqrt(2.0)), 1e-30);
  const double acme_adjusted = std::max(3 * p_o2, 2 * p_acme);
  const double beta_adjusted = std::min(1.0, std::max(acme_adjusted, p_beta));
  EXPECT_NEAR(o1.best_solution_gap_test().holm_adjusted_p_value(),
              acme_adjusted, 1e-12);
  EXPECT_NEAR(o1.solutions(0).satisfaction_gap_test().holm_adjusted_p_value(),
              acme_adjusted, 1e-12);
  // Not the best: a real adjusted p too, no longer the raw one.
  EXPECT_NEAR(o1.solutions(1).satisfaction_gap_test().holm_adjusted_p_value(),
              beta_adjusted, 1e-12);
  EXPECT_GT(beta_adjusted, p_beta - 1e-15);
  EXPECT_NEAR(o2.solutions(1).satisfaction_gap_test().holm_adjusted_p_value(),
              3 * p_o2, 1e-30);
}

// The target's interval: the two rated solutions' intervals at z =
// Phi^-1(1 - 0.05 / 4) = 2.2414 (Bonferroni over 2), both counts within 3
// of an edge, so Poisson limits at one-sided 0.025, from R:
//   1.2 x 10 qgamma(0.025, 3) / 5 = 1.4848... (Acme's lower limit, 3 of 5,
//   above Beta's 10 qgamma(0.025, 2) / 5 = 0.4844);
//   upper: Acme's 10 (1 - qgamma(0.025, 2) / 5) = 9.5156, x 1.2 -> capped 10.
TEST(CompetitorScoringTest, TargetIntervalFromSimultaneousIntervals) {
  const Study study = TenRespondents();
  absl::StatusOr<v1::Report> report = study.Score(NoBootstrap());
  ASSERT_TRUE(report.ok()) << report.status();
  const v1::OutcomeScore& o1 = Find(*report, "o1");
  EXPECT_NEAR(o1.satisfaction_target_interval().low(), 1.48481309494944336,
              1e-10);
  EXPECT_EQ(o1.satisfaction_target_interval().high(), 10.0);
  // o2: Beta alone (m = 1), 9 of 10: its own 95% interval; the lower limit
  // is plain Wilson (9 successes), x 1.2.
  const v1::OutcomeScore& o2 = Find(*report, "o2");
  EXPECT_NEAR(o2.satisfaction_target_interval().low(),
              1.2 * HandWilson(9, 10).first, 1e-12);
  EXPECT_NEAR(o2.solutions(1).satisfaction_interval().low() * 1.2,
              o2.satisfaction_target_interval().low(), 1e-12);
  EXPECT_EQ(o2.satisfaction_target_interval().high(), 10.0);
}

TEST(CompetitorScoringTest, TiesGoToTheFirstDeclaredSolution) {
  Study study;
  ASSERT_TRUE(study.AddOutcome({"o", "", ""}).ok());
  ASSERT_TRUE(study.AddRespondents(2).ok());
  ASSERT_TRUE(study.AddSolution("Zeta").ok());
  ASSERT_TRUE(study.AddSolution("Alpha").ok());
  Answer(&study, 0, 0, 5, 1);
  Answer(&study, 1, 0, 5, 1);
  Rate(&study, 0, 0, 0, 5);
  Rate(&study, 1, 1, 0, 5);
  absl::StatusOr<v1::Report> report = study.Score(NoBootstrap());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->outcomes(0).best_solution(), "Zeta");
  EXPECT_DOUBLE_EQ(report->outcomes(0).satisfaction_target(), 10.0);
}

TEST(CompetitorScoringTest, NoSolutionsLeavesTheReportAsBefore) {
  Study study;
  ASSERT_TRUE(study.AddOutcome({"o", "", ""}).ok());
  ASSERT_TRUE(study.AddRespondents(1).ok());
  Answer(&study, 0, 0, 5, 1);
  absl::StatusOr<v1::Report> report = study.Score(NoBootstrap());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->solutions_size(), 0);
  EXPECT_EQ(report->outcomes(0).solutions_size(), 0);
  EXPECT_FALSE(report->outcomes(0).has_satisfaction_target());
  EXPECT_FALSE(report->outcomes(0).has_best_solution_gap_test());
}

// Weights 2, 1, 1 on three Acme raters, top box only the first: S_A =
// 10 x 2 / 4 = 5, Kish n = 4^2 / 6 = 8/3 feeds the Wilson interval.
TEST(CompetitorScoringTest, WeightedSharesWithKishCounts) {
  Study study;
  ASSERT_TRUE(study.AddOutcome({"o", "", ""}).ok());
  ASSERT_TRUE(study.AddRespondents(3).ok());
  ASSERT_TRUE(study.AddSolution("Acme").ok());
  ASSERT_TRUE(study.SetWeight(0, 2).ok());
  for (uint32_t r = 0; r < 3; ++r) {
    Answer(&study, r, 0, 5, 2);
    Rate(&study, r, 0, 0, r == 0 ? 5 : 1);
  }
  absl::StatusOr<v1::Report> report = study.Score(NoBootstrap());
  ASSERT_TRUE(report.ok()) << report.status();
  const v1::SolutionScore& acme = report->outcomes(0).solutions(0);
  EXPECT_DOUBLE_EQ(acme.satisfaction(), 5.0);
  EXPECT_DOUBLE_EQ(acme.effective_count(), 8.0 / 3);
  // 4/3 effective top-box ratings of 8/3: the Poisson limits of a
  // non-integer count (scipy: 10 gamma.ppf(0.05, 4/3) / (8/3)).
  EXPECT_NEAR(acme.satisfaction_interval().low(), 0.4770658109727623, 1e-11);
  EXPECT_NEAR(acme.satisfaction_interval().high(), 9.522934189027238, 1e-11);
  EXPECT_EQ(acme.count(), 3u);
}

TEST(CompetitorScoringTest, SegmentsGetTheirOwnSolutionScores) {
  const Study study = TenRespondents();
  v1::ScoringOptions options = NoBootstrap();
  options.set_segment_by("seg");
  absl::StatusOr<v1::Report> report = study.Score(options);
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_EQ(report->segments_size(), 2);
  const v1::SegmentReport& a = report->segments(0);
  const v1::SegmentReport& b = report->segments(1);
  auto o1_of = [](const v1::SegmentReport& segment) {
    for (const v1::OutcomeScore& score : segment.outcomes()) {
      if (score.outcome_id() == "o1") return score;
    }
    return v1::OutcomeScore();
  };
  // Segment A: Acme 3/5 top box, Beta unrated; our S = 2/5 -> 4.
  EXPECT_DOUBLE_EQ(o1_of(a).solutions(0).satisfaction(), 6.0);
  EXPECT_EQ(o1_of(a).solutions(1).count(), 0u);
  EXPECT_EQ(o1_of(a).best_solution(), "Acme");
  EXPECT_DOUBLE_EQ(o1_of(a).best_solution_gap(), 2.0);
  // Segment B: Beta 2/5 -> 4, our S = 1/5 -> 2.
  EXPECT_EQ(o1_of(b).best_solution(), "Beta");
  EXPECT_DOUBLE_EQ(o1_of(b).best_solution_gap(), 2.0);
  EXPECT_DOUBLE_EQ(o1_of(b).satisfaction_target(), 4.8);
}

TEST(CompetitorAggregateTest, SerializesMergesAndRefusesMismatches) {
  const Study study = TenRespondents();
  const Aggregate aggregate = study.ToAggregate();
  EXPECT_THAT(aggregate.solutions(), ElementsAre("Acme", "Beta"));
  const v1::Aggregate proto = aggregate.ToProto();
  EXPECT_EQ(proto.format_version(), Aggregate::kSolutionsFormatVersion);
  ASSERT_EQ(proto.solution_tables_size(), 4);
  EXPECT_EQ(proto.solution_tables(2).solution(), "Beta");
  EXPECT_EQ(proto.solution_tables(2).outcome_id(), "o1");
  absl::StatusOr<Aggregate> back = Aggregate::FromProto(proto);
  ASSERT_TRUE(back.ok()) << back.status();
  absl::StatusOr<v1::Report> direct = ScoreAggregate(aggregate, NoBootstrap());
  absl::StatusOr<v1::Report> read = ScoreAggregate(*back, NoBootstrap());
  ASSERT_TRUE(direct.ok() && read.ok());
  EXPECT_EQ(direct->SerializeAsString(), read->SerializeAsString());

  // Merging two halves gives the whole.
  Aggregate doubled = *back;
  ASSERT_TRUE(doubled.Merge(aggregate).ok());
  EXPECT_EQ(doubled.SolutionTable(0, 0).counts[0 * 6 + 5], 0u);
  uint64_t acme_o1 = 0;
  for (uint64_t n : doubled.SolutionTable(0, 0).counts) acme_o1 += n;
  EXPECT_EQ(acme_o1, 20u);  // every respondent falls in every table

  v1::Aggregate old = proto;
  old.set_format_version(Aggregate::kFormatVersion);
  EXPECT_THAT(std::string(Aggregate::FromProto(old).status().message()),
              HasSubstr("has no competing solutions"));
  v1::Aggregate short_tables = proto;
  short_tables.mutable_solution_tables()->RemoveLast();
  EXPECT_THAT(
      std::string(Aggregate::FromProto(short_tables).status().message()),
      HasSubstr("3 solution tables"));

  Aggregate other = *Aggregate::Create(study.scale(), study.outcomes());
  EXPECT_EQ(other.Merge(aggregate).code(),
            absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(other.AddSolution("Acme").ok());
  EXPECT_EQ(other.AddSolution("ACME").code(), absl::StatusCode::kAlreadyExists);
  other.AddRespondentCount(1);
  EXPECT_EQ(other.AddSolution("Beta").code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace jtbd
