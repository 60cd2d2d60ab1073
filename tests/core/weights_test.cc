// Respondent weights: weighted shares, Kish effective counts, weighted
// aggregates (merge, subtract, serialization) and their intervals.
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/aggregate.h"
#include "core/scoring.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "stats/wilson.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;

constexpr double kZ95 = 1.959963984540054;

std::vector<Outcome> Outcomes(int n) {
  std::vector<Outcome> outcomes;
  for (int i = 0; i < n; ++i)
    outcomes.push_back({"o" + std::to_string(i), "", ""});
  return outcomes;
}

void Answer(Study* study, uint32_t r, uint32_t o, uint8_t imp, uint8_t sat) {
  ASSERT_TRUE(
      study
          ->AddAnswers({absl::MakeConstSpan(&r, 1), absl::MakeConstSpan(&o, 1),
                        absl::MakeConstSpan(&imp, 1),
                        absl::MakeConstSpan(&sat, 1)})
          .ok());
}

// Weight 2 rates (5, 1); weight 1 (4, 5); weight 1 (2, 4); weight 0.5
// skips importance and rates satisfaction 2.
Study FourWeighted() {
  Study study;
  EXPECT_TRUE(study.AddOutcome({"o", "", ""}).ok());
  EXPECT_TRUE(study.AddRespondents(4).ok());
  Answer(&study, 0, 0, 5, 1);
  Answer(&study, 1, 0, 4, 5);
  Answer(&study, 2, 0, 2, 4);
  Answer(&study, 3, 0, 0, 2);
  EXPECT_TRUE(study.SetWeight(0, 2).ok());
  EXPECT_TRUE(study.SetWeight(3, 0.5).ok());
  return study;
}

TEST(StudyWeightTest, ValidatesAndTracksWhetherWeighted) {
  Study study;
  ASSERT_TRUE(study.AddRespondents(2).ok());
  EXPECT_FALSE(study.weighted());
  EXPECT_EQ(study.weight(1), 1.0);
  for (double bad : {0.0, -1.0, std::nan(""), HUGE_VAL}) {
    EXPECT_EQ(study.SetWeight(0, bad).code(),
              absl::StatusCode::kInvalidArgument)
        << bad;
  }
  EXPECT_EQ(study.SetWeight(2, 1.5).code(), absl::StatusCode::kOutOfRange);
  EXPECT_FALSE(study.weighted());
  ASSERT_TRUE(study.SetWeight(1, 1.5).ok());
  EXPECT_TRUE(study.weighted());
  EXPECT_EQ(study.weight(1), 1.5);
  ASSERT_TRUE(study.SetWeight(1, 1).ok());
  EXPECT_FALSE(study.weighted());
}

TEST(StudyWeightTest, WeightedSharesKishCountsAndIntervalsByHand) {
  v1::ScoringOptions options;
  options.set_bootstrap_resamples(0);
  const v1::Report report = *FourWeighted().Score(options);
  EXPECT_TRUE(report.weighted());
  // (2 + 1 + 1 + 0.5)^2 / (4 + 1 + 1 + 0.25) = 20.25 / 6.25.
  EXPECT_DOUBLE_EQ(report.effective_respondent_count(), 3.24);
  const v1::OutcomeScore& s = report.outcomes(0);
  // Counts stay unweighted.
  EXPECT_EQ(s.importance_count(), 3u);
  EXPECT_EQ(s.importance_top_box_count(), 2u);
  EXPECT_EQ(s.satisfaction_count(), 4u);
  // I = 10 x (2 + 1) / 4; S = 10 x (1 + 1) / 4.5.
  EXPECT_DOUBLE_EQ(s.importance(), 7.5);
  EXPECT_NEAR(s.satisfaction(), 20 / 4.5, 1e-14);
  EXPECT_NEAR(s.opportunity(), 15 - 20 / 4.5, 1e-13);
  EXPECT_EQ(s.band(), v1::BAND_UNDERSERVED);  // 10.56
  // Kish: importance 4^2 / 6, satisfaction 3.24.
  EXPECT_NEAR(s.importance_effective_count(), 16.0 / 6, 1e-14);
  EXPECT_NEAR(s.satisfaction_effective_count(), 3.24, 1e-14);
  // 2 successes and 2/3 failures of n_eff = 8/3: the boundary-modified
  // interval (checked against scipy in tests/stats/wilson_test.cc).
  const stats::Interval wilson =
      stats::ModifiedWilsonInterval(0.75, 16.0 / 6, kZ95);
  EXPECT_NEAR(s.importance_interval().low(), 10 * wilson.low, 1e-12);
  EXPECT_NEAR(s.importance_interval().high(), 10 * wilson.high, 1e-12);
  // Var(I) = 100 x 0.75 x 0.25 x 6/16; Var(S) = 100 (4/9)(5/9) x 6.25/20.25;
  // Cov = 100 x 6 x (1/4 - 3/4 x 1/2) / (4 x 4.5) = -75/18.
  const double vi = 100 * 0.75 * 0.25 * 6 / 16;
  const double vs = 100 * (2 / 4.5) * (2.5 / 4.5) * 6.25 / 20.25;
  EXPECT_NEAR(s.opportunity_standard_error(),
              std::sqrt(4 * vi + vs + 4 * 75.0 / 18), 1e-12);
}

TEST(StudyWeightTest, EqualWeightsChangeNothingButTheFlag) {
  Study study;
  ASSERT_TRUE(study.AddOutcome({"o", "", ""}).ok());
  ASSERT_TRUE(study.AddRespondents(40).ok());
  std::mt19937 rng(1);
  for (uint32_t r = 0; r < 40; ++r) {
    Answer(&study, r, 0, 1 + rng() % 5, rng() % 6);
  }
  const v1::Report plain = *study.Score({});
  for (size_t r = 0; r < 40; ++r) ASSERT_TRUE(study.SetWeight(r, 2).ok());
  const v1::Report weighted = *study.Score({});
  EXPECT_TRUE(weighted.weighted());
  EXPECT_DOUBLE_EQ(weighted.effective_respondent_count(), 40);
  const v1::OutcomeScore& a = plain.outcomes(0);
  const v1::OutcomeScore& b = weighted.outcomes(0);
  EXPECT_NEAR(a.importance(), b.importance(), 1e-13);
  EXPECT_NEAR(a.opportunity(), b.opportunity(), 1e-13);
  EXPECT_EQ(a.band(), b.band());
  EXPECT_NEAR(a.importance_interval().low(), b.importance_interval().low(),
              1e-12);
  EXPECT_NEAR(a.opportunity_standard_error(), b.opportunity_standard_error(),
              1e-12);
  // Same resample size and cell probabilities: the same bootstrap draws.
  EXPECT_NEAR(a.opportunity_interval().low(), b.opportunity_interval().low(),
              1e-12);
  EXPECT_NEAR(a.opportunity_interval().high(), b.opportunity_interval().high(),
              1e-12);
}

TEST(StudyWeightTest, WeightedBootstrapAgreesWithTheKishDeltaInterval) {
  // 600 respondents, a third with weight 3: n_eff = 600^2 x ... < 600.
  Study study;
  ASSERT_TRUE(study.AddOutcome({"o", "", ""}).ok());
  ASSERT_TRUE(study.AddRespondents(600).ok());
  std::mt19937 rng(5);
  for (uint32_t r = 0; r < 600; ++r) {
    const bool top_importance = rng() % 100 < 70;
    const bool top_satisfaction = rng() % 100 < 30;
    Answer(&study, r, 0, top_importance ? 5 : 2, top_satisfaction ? 4 : 1);
    if (r % 3 == 0) {
      ASSERT_TRUE(study.SetWeight(r, 3).ok());
    }
  }
  v1::ScoringOptions options;
  options.set_bootstrap_resamples(4000);
  const v1::Report report = *study.Score(options);
  // (200 x 3 + 400)^2 / (200 x 9 + 400) = 10^6 / 2200.
  EXPECT_NEAR(report.effective_respondent_count(), 1e6 / 2200, 1e-9);
  const v1::OutcomeScore& s = report.outcomes(0);
  const double delta_width = s.opportunity_delta_interval().high() -
                             s.opportunity_delta_interval().low();
  const double bootstrap_width =
      s.opportunity_interval().high() - s.opportunity_interval().low();
  EXPECT_NEAR(bootstrap_width / delta_width, 1.0, 0.1);
  EXPECT_NEAR(s.opportunity_interval().low(),
              s.opportunity_delta_interval().low(), 0.15 * delta_width);
}

TEST(StudyWeightTest, ProtoCarriesWeights) {
  const Study study = FourWeighted();
  const v1::Study proto = study.ToProto();
  EXPECT_TRUE(proto.respondents(0).has_weight());
  EXPECT_EQ(proto.respondents(0).weight(), 2.0);
  EXPECT_FALSE(proto.respondents(1).has_weight());  // 1: left out
  const Study back = *Study::FromProto(proto);
  EXPECT_EQ(back.weight(3), 0.5);
  EXPECT_TRUE(back.weighted());
  v1::Study bad = proto;
  bad.mutable_respondents(1)->set_weight(-2);
  absl::Status status = Study::FromProto(bad).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("respondents[1].weight"));
}

// Random ratings (10% missing) and weights from {0.5, 1, 1.25, 2, 3}: sums
// of these are exact in binary, so merged and whole aggregates agree to the
// bit.
void RandomRespondents(std::mt19937* rng, size_t n, size_t m,
                       std::vector<uint8_t>* imp, std::vector<uint8_t>* sat,
                       std::vector<double>* weights) {
  static constexpr double kWeights[] = {0.5, 1, 1.25, 2, 3};
  imp->resize(n * m);
  sat->resize(n * m);
  weights->resize(n);
  for (uint8_t& v : *imp) v = (*rng)() % 10 == 0 ? 0 : 1 + (*rng)() % 5;
  for (uint8_t& v : *sat) v = (*rng)() % 10 == 0 ? 0 : 1 + (*rng)() % 5;
  for (double& w : *weights) w = kWeights[(*rng)() % 5];
}

TEST(WeightedAggregateTest, MergeOfWeightedPartsEqualsAggregateOfUnion) {
  std::mt19937 rng(9);
  const size_t n = 900, m = 4;
  std::vector<uint8_t> imp, sat;
  std::vector<double> weights;
  RandomRespondents(&rng, n, m, &imp, &sat, &weights);
  Aggregate whole = *Aggregate::Create(Scale(), Outcomes(m));
  ASSERT_TRUE(whole.AddWeightedRespondents(n, imp, sat, weights).ok());
  EXPECT_TRUE(whole.weighted());
  auto part = [&](size_t from, size_t to) {
    Aggregate a = *Aggregate::Create(Scale(), Outcomes(m));
    EXPECT_TRUE(
        a.AddWeightedRespondents(
             to - from,
             absl::MakeConstSpan(imp).subspan(from * m, (to - from) * m),
             absl::MakeConstSpan(sat).subspan(from * m, (to - from) * m),
             absl::MakeConstSpan(weights).subspan(from, to - from))
            .ok());
    return a;
  };
  Aggregate merged = part(500, 900);
  ASSERT_TRUE(merged.Merge(part(0, 200)).ok());
  ASSERT_TRUE(merged.Merge(part(200, 500)).ok());
  EXPECT_EQ(merged.ToProto().SerializeAsString(),
            whole.ToProto().SerializeAsString());
  EXPECT_EQ(ScoreAggregate(merged)->SerializeAsString(),
            ScoreAggregate(whole)->SerializeAsString());
  // Weight totals: every respondent lands once in each outcome's table.
  double total = 0, squares = 0;
  for (double w : weights) total += w, squares += w * w;
  EXPECT_EQ(whole.TotalWeight(), total);
  EXPECT_EQ(whole.TotalWeightSquare(), squares);
}

TEST(WeightedAggregateTest, UnweightedPartsMergeAsUnitWeights) {
  std::mt19937 rng(10);
  const size_t n = 100, m = 2;
  std::vector<uint8_t> imp, sat;
  std::vector<double> weights;
  RandomRespondents(&rng, n, m, &imp, &sat, &weights);
  Aggregate unweighted = *Aggregate::Create(Scale(), Outcomes(m));
  ASSERT_TRUE(unweighted.AddRespondents(n, imp, sat).ok());
  Aggregate unit = *Aggregate::Create(Scale(), Outcomes(m));
  ASSERT_TRUE(
      unit.AddWeightedRespondents(n, imp, sat, std::vector<double>(n, 1.0))
          .ok());
  Aggregate weighted = *Aggregate::Create(Scale(), Outcomes(m));
  ASSERT_TRUE(weighted.AddWeightedRespondents(n, imp, sat, weights).ok());
  Aggregate a = unweighted;
  ASSERT_TRUE(a.Merge(weighted).ok());
  Aggregate b = weighted;
  ASSERT_TRUE(b.Merge(unit).ok());
  EXPECT_TRUE(a.weighted());
  EXPECT_EQ(a.ToProto().SerializeAsString(), b.ToProto().SerializeAsString());
  // Taking the unweighted part out again leaves the weighted one.
  ASSERT_TRUE(a.Subtract(unweighted).ok());
  EXPECT_EQ(a.ToProto().SerializeAsString(),
            weighted.ToProto().SerializeAsString());
}

TEST(WeightedAggregateTest, SubtractGivesTheOtherPart) {
  std::mt19937 rng(11);
  const size_t n = 300, m = 3;
  std::vector<uint8_t> imp, sat;
  std::vector<double> weights;
  RandomRespondents(&rng, n, m, &imp, &sat, &weights);
  Aggregate whole = *Aggregate::Create(Scale(), Outcomes(m));
  ASSERT_TRUE(whole.AddWeightedRespondents(n, imp, sat, weights).ok());
  Aggregate first = *Aggregate::Create(Scale(), Outcomes(m));
  ASSERT_TRUE(
      first
          .AddWeightedRespondents(120, absl::MakeConstSpan(imp).first(120 * m),
                                  absl::MakeConstSpan(sat).first(120 * m),
                                  absl::MakeConstSpan(weights).first(120))
          .ok());
  Aggregate second = *Aggregate::Create(Scale(), Outcomes(m));
  ASSERT_TRUE(second
                  .AddWeightedRespondents(
                      180, absl::MakeConstSpan(imp).subspan(120 * m),
                      absl::MakeConstSpan(sat).subspan(120 * m),
                      absl::MakeConstSpan(weights).subspan(120))
                  .ok());
  Aggregate rest = whole;
  ASSERT_TRUE(rest.Subtract(first).ok());
  EXPECT_EQ(rest.ToProto().SerializeAsString(),
            second.ToProto().SerializeAsString());
  EXPECT_EQ(rest.respondent_count(), 180u);
  // More than the whole holds: refused, unchanged.
  Aggregate small = second;
  const std::string before = small.ToProto().SerializeAsString();
  EXPECT_EQ(small.Subtract(whole).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(small.ToProto().SerializeAsString(), before);
  Aggregate other = *Aggregate::Create(Scale(), Outcomes(2));
  EXPECT_EQ(rest.Subtract(other).code(), absl::StatusCode::kFailedPrecondition);
}

TEST(WeightedAggregateTest, SerializationVersionsAndChecks) {
  std::mt19937 rng(12);
  std::vector<uint8_t> imp, sat;
  std::vector<double> weights;
  RandomRespondents(&rng, 20, 2, &imp, &sat, &weights);
  Aggregate plain = *Aggregate::Create(Scale(), Outcomes(2));
  ASSERT_TRUE(plain.AddRespondents(20, imp, sat).ok());
  const v1::Aggregate plain_proto = plain.ToProto();
  EXPECT_EQ(plain_proto.format_version(), Aggregate::kFormatVersion);
  EXPECT_EQ(plain_proto.outcomes(0).weight_sums_size(), 0);

  Aggregate weighted = *Aggregate::Create(Scale(), Outcomes(2));
  ASSERT_TRUE(weighted.AddWeightedRespondents(20, imp, sat, weights).ok());
  const v1::Aggregate proto = weighted.ToProto();
  EXPECT_EQ(proto.format_version(), Aggregate::kWeightedFormatVersion);
  EXPECT_EQ(proto.outcomes(1).weight_sums_size(), 36);
  EXPECT_EQ(proto.outcomes(1).weight_square_sums_size(), 36);
  const Aggregate back = *Aggregate::FromProto(proto);
  EXPECT_TRUE(back.weighted());
  EXPECT_EQ(back.ToProto().SerializeAsString(), proto.SerializeAsString());

  // A version-2 file without weights reads as unit weights.
  v1::Aggregate unit = plain_proto;
  unit.set_format_version(2);
  EXPECT_FALSE(Aggregate::FromProto(unit)->weighted());
  // Weights in a version-1 file: refused (an old reader would drop them).
  v1::Aggregate mislabelled = proto;
  mislabelled.set_format_version(1);
  EXPECT_THAT(Aggregate::FromProto(mislabelled).status().message(),
              HasSubstr("version 2"));
  v1::Aggregate short_sums = proto;
  short_sums.mutable_outcomes(0)->mutable_weight_sums()->RemoveLast();
  EXPECT_THAT(Aggregate::FromProto(short_sums).status().message(),
              HasSubstr("35 weight sums"));
  // Find a non-empty cell and damage its weight.
  int cell = 0;
  while (proto.outcomes(0).cells(cell) == 0) ++cell;
  for (double bad : {0.0, -1.0, std::nan("")}) {
    v1::Aggregate damaged = proto;
    damaged.mutable_outcomes(0)->set_weight_sums(cell, bad);
    EXPECT_EQ(Aggregate::FromProto(damaged).status().code(),
              absl::StatusCode::kInvalidArgument)
        << bad;
  }
  // An empty cell with weight.
  int empty = 0;
  while (proto.outcomes(0).cells(empty) != 0) ++empty;
  v1::Aggregate ghost = proto;
  ghost.mutable_outcomes(0)->set_weight_sums(empty, 1.0);
  EXPECT_FALSE(Aggregate::FromProto(ghost).ok());
}

TEST(WeightedAggregateTest, RefusesBadWeights) {
  Aggregate a = *Aggregate::Create(Scale(), Outcomes(1));
  const std::vector<uint8_t> ratings = {5, 4};
  EXPECT_THAT(a.AddWeightedRespondents(2, ratings, ratings, {1.0}).message(),
              HasSubstr("expected 2 weights"));
  EXPECT_THAT(
      a.AddWeightedRespondents(2, ratings, ratings, {1.0, 0.0}).message(),
      HasSubstr("weights[1]"));
  const std::vector<uint8_t> bad = {5, 9};
  EXPECT_FALSE(a.AddWeightedRespondents(2, bad, ratings, {1.0, 2.0}).ok());
  EXPECT_FALSE(a.weighted());
  EXPECT_EQ(a.respondent_count(), 0u);
}

TEST(WeightedAggregateTest, StudyAggregateMatchesTheArrayPath) {
  const Study study = FourWeighted();
  const Aggregate from_study = study.ToAggregate();
  Aggregate direct = *Aggregate::Create(Scale(), {{"o", "", ""}});
  const std::vector<uint8_t> imp = {5, 4, 2, 0}, sat = {1, 5, 4, 2};
  ASSERT_TRUE(direct.AddWeightedRespondents(4, imp, sat, {2, 1, 1, 0.5}).ok());
  EXPECT_EQ(from_study.ToProto().SerializeAsString(),
            direct.ToProto().SerializeAsString());
}

}  // namespace
}  // namespace jtbd
