#include "core/segmented_scoring.h"

#include <random>
#include <string>
#include <vector>

#include "core/study.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;

// A study of `respondents` random respondents over three outcomes and one
// competing solution; respondent r's "team" is kTeams[r % 4] (the empty
// value: no attribute), weights 1 or 0.5 + (r % 3) when `weighted`.
constexpr const char* kTeams[] = {"red", "blue", "", "green"};

Study RandomStudy(size_t respondents, bool weighted, uint32_t seed) {
  Study study;
  for (const char* id : {"o1", "o2", "o3"}) {
    EXPECT_TRUE(
        study.AddOutcome({id, std::string("statement ") + id, ""}).ok());
  }
  EXPECT_TRUE(study.AddSolution("Rival").ok());
  EXPECT_TRUE(study.AddRespondents(respondents).ok());
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> rating(0, 5);  // 0: no answer
  std::vector<uint32_t> who, what;
  std::vector<uint8_t> importance, satisfaction;
  // The rival's satisfaction on outcome o1.
  std::vector<uint32_t> rated_by, rival, rival_outcome;
  std::vector<uint8_t> rival_satisfaction;
  for (uint32_t r = 0; r < respondents; ++r) {
    if (kTeams[r % 4][0] != '\0') {
      EXPECT_TRUE(study.SetAttribute(r, "team", kTeams[r % 4]).ok());
    }
    EXPECT_TRUE(study.SetAttribute(r, "city", r % 2 ? "Lyon" : "Nantes").ok());
    if (weighted) EXPECT_TRUE(study.SetWeight(r, 0.5 + r % 3).ok());
    for (uint32_t o = 0; o < 3; ++o) {
      who.push_back(r);
      what.push_back(o);
      importance.push_back(static_cast<uint8_t>(rating(random)));
      satisfaction.push_back(static_cast<uint8_t>(rating(random)));
    }
    const uint8_t theirs = static_cast<uint8_t>(rating(random));
    if (theirs == 0) continue;
    rated_by.push_back(r);
    rival.push_back(0);
    rival_outcome.push_back(0);
    rival_satisfaction.push_back(theirs);
  }
  EXPECT_TRUE(study.AddAnswers({who, what, importance, satisfaction}).ok());
  EXPECT_TRUE(study
                  .AddSolutionAnswers(
                      {rated_by, rival, rival_outcome, rival_satisfaction})
                  .ok());
  return study;
}

// The aggregate of the respondents `keep` accepts, built through a study of
// its own: independent of Study::ToSegmentedAggregate.
template <typename Keep>
Aggregate AggregateOf(const Study& study, Keep keep) {
  std::vector<bool> excluded(study.respondent_count());
  for (size_t r = 0; r < excluded.size(); ++r) excluded[r] = !keep(r);
  return study.ToAggregate(excluded);
}

v1::ScoringOptions Options(const std::string& segment_by) {
  v1::ScoringOptions options;
  options.set_segment_by(segment_by);
  options.set_bootstrap_resamples(200);
  options.set_seed(7);
  return options;
}

TEST(SegmentedScoringTest, HandBuiltAggregatesGiveStudyScoresReport) {
  for (const bool weighted : {false, true}) {
    SCOPED_TRACE(weighted);
    const Study study = RandomStudy(400, weighted, 11);
    const absl::StatusOr<v1::Report> expected = study.Score(Options("team"));
    ASSERT_TRUE(expected.ok()) << expected.status();

    SegmentedAggregate aggregates(study.ToAggregate());
    aggregates.segment_by = "team";
    for (size_t t = 0; t < 4; ++t) {
      const std::string team = kTeams[t];
      if (team.empty()) continue;
      Aggregate part = AggregateOf(study, [t](size_t r) { return r % 4 == t; });
      // A segment is weighted whenever the sample is (its weights may all
      // be 1 on their own).
      if (weighted && !part.weighted()) part.EnableWeights();
      aggregates.segments.emplace(team, std::move(part));
    }
    aggregates.unsegmented_respondent_count = 100;  // r % 4 == 2
    const absl::StatusOr<v1::Report> report =
        ScoreSegmentedAggregate(aggregates, Options("ignored"));
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_TRUE(MessageDifferencer::Equals(*report, *expected))
        << report->DebugString() << "\nexpected:\n"
        << expected->DebugString();
    // Segments in name order, each with its own bootstrap stream.
    ASSERT_EQ(report->segments_size(), 3);
    EXPECT_EQ(report->segments(0).name(), "blue");
    EXPECT_EQ(report->segments(1).name(), "green");
    EXPECT_EQ(report->segments(2).name(), "red");
    EXPECT_EQ(report->segment_by(), "team");
    EXPECT_EQ(report->unsegmented_respondent_count(), 100u);
    EXPECT_EQ(report->segments(0).respondent_count(), 100u);
    EXPECT_EQ(report->weighted(), weighted);
  }
}

// Two respondents per segment, one outcome, counted by hand: segment "a"
// rates importance 5, 5 and satisfaction 1, 4; "b" rates 2, 4 and 5, 5.
TEST(SegmentedScoringTest, ScoresMatchHandComputation) {
  Study study;
  ASSERT_TRUE(study.AddOutcome({"o", "", ""}).ok());
  ASSERT_TRUE(study.AddRespondents(5).ok());
  const uint8_t imp[] = {5, 5, 2, 4, 3};
  const uint8_t sat[] = {1, 4, 5, 5, 3};
  const char* segment[] = {"a", "a", "b", "b", ""};
  for (uint32_t r = 0; r < 5; ++r) {
    if (segment[r][0] != '\0') {
      ASSERT_TRUE(study.SetAttribute(r, "s", segment[r]).ok());
    }
    const uint32_t o = 0;
    ASSERT_TRUE(
        study
            .AddAnswers({absl::MakeConstSpan(&r, 1), absl::MakeConstSpan(&o, 1),
                         absl::MakeConstSpan(&imp[r], 1),
                         absl::MakeConstSpan(&sat[r], 1)})
            .ok());
  }
  absl::StatusOr<SegmentedAggregate> aggregates =
      study.ToSegmentedAggregate("s");
  ASSERT_TRUE(aggregates.ok()) << aggregates.status();
  EXPECT_EQ(aggregates->unsegmented_respondent_count, 1u);
  EXPECT_EQ(aggregates->all.respondent_count(), 5u);
  ASSERT_EQ(aggregates->segments.size(), 2u);
  EXPECT_EQ(*aggregates->segments.at("a").Cell(0, 5, 1), 1u);
  EXPECT_EQ(*aggregates->segments.at("a").Cell(0, 5, 4), 1u);
  EXPECT_EQ(*aggregates->segments.at("b").Cell(0, 2, 5), 1u);

  v1::ScoringOptions options = Options("s");
  options.set_bootstrap_resamples(0);
  const absl::StatusOr<v1::Report> report =
      ScoreSegmentedAggregate(*aggregates, options);
  ASSERT_TRUE(report.ok()) << report.status();
  // Whole sample: I = 10 x 3/5 (5, 5, 4), S = 10 x 3/5 (4, 5, 5),
  // Opp = 6 + max(0, 0) = 6.
  EXPECT_DOUBLE_EQ(report->outcomes(0).importance(), 6.0);
  EXPECT_DOUBLE_EQ(report->outcomes(0).satisfaction(), 6.0);
  EXPECT_DOUBLE_EQ(report->outcomes(0).opportunity(), 6.0);
  // a: I = 10, S = 10 x 1/2 = 5, Opp = 10 + 5 = 15.
  EXPECT_DOUBLE_EQ(report->segments(0).outcomes(0).importance(), 10.0);
  EXPECT_DOUBLE_EQ(report->segments(0).outcomes(0).satisfaction(), 5.0);
  EXPECT_DOUBLE_EQ(report->segments(0).outcomes(0).opportunity(), 15.0);
  // b: I = 10 x 1/2 = 5, S = 10, Opp = 5.
  EXPECT_DOUBLE_EQ(report->segments(1).outcomes(0).importance(), 5.0);
  EXPECT_DOUBLE_EQ(report->segments(1).outcomes(0).satisfaction(), 10.0);
  EXPECT_DOUBLE_EQ(report->segments(1).outcomes(0).opportunity(), 5.0);
  // Each compared with the other three respondents.
  EXPECT_EQ(report->segments(0).rest_respondent_count(), 3u);
  EXPECT_EQ(report->segments(1).rest_respondent_count(), 3u);
}

TEST(SegmentedScoringTest, UnknownAttributeNamesTheKnownOnes) {
  const Study study = RandomStudy(8, false, 1);
  const absl::StatusOr<SegmentedAggregate> aggregates =
      study.ToSegmentedAggregate("region");
  EXPECT_EQ(aggregates.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(aggregates.status().message(),
            "no respondent has the attribute \"region\" to segment by "
            "(attributes: team, city)");
  EXPECT_EQ(study.Score(Options("region")).status(), aggregates.status());
  EXPECT_EQ(SegmentAttributeNotFoundError("x", {}).message(),
            "no respondent has the attribute \"x\" to segment by "
            "(attributes: none)");
}

TEST(SegmentedScoringTest, RefusesScreeningAndSegmentsThatDoNotFit) {
  const Study study = RandomStudy(40, false, 3);
  absl::StatusOr<SegmentedAggregate> aggregates =
      study.ToSegmentedAggregate("team");
  ASSERT_TRUE(aggregates.ok());
  v1::ScoringOptions screened = Options("team");
  screened.mutable_screening()->set_enabled(true);
  EXPECT_EQ(ScoreSegmentedAggregate(*aggregates, screened).status().code(),
            absl::StatusCode::kInvalidArgument);
  // A segment larger than the whole sample cannot be subtracted from it.
  aggregates->segments.emplace("everyone", study.ToAggregate());
  aggregates->all = AggregateOf(study, [](size_t r) { return r < 10; });
  EXPECT_EQ(
      ScoreSegmentedAggregate(*aggregates, Options("team")).status().code(),
      absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace jtbd
