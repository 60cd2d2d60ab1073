#include "core/aggregate.h"

#include <random>
#include <vector>

#include "core/scoring.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;

std::vector<Outcome> Outcomes(int n) {
  std::vector<Outcome> outcomes;
  for (int i = 0; i < n; ++i)
    outcomes.push_back({"o" + std::to_string(i), "", ""});
  return outcomes;
}

// Random ratings on the default scale, ~10% missing.
void RandomRatings(std::mt19937* rng, size_t n, std::vector<uint8_t>* out) {
  out->resize(n);
  for (uint8_t& v : *out) v = (*rng)() % 10 == 0 ? 0 : 1 + (*rng)() % 5;
}

TEST(AggregateTest, MergeOfDisjointPartsEqualsAggregateOfUnion) {
  std::mt19937 rng(7);
  const int m = 9;
  const size_t n = 1000;
  std::vector<uint8_t> imp, sat;
  RandomRatings(&rng, n * m, &imp);
  RandomRatings(&rng, n * m, &sat);
  Aggregate whole = *Aggregate::Create(Scale(), Outcomes(m));
  ASSERT_TRUE(whole.AddRespondents(n, imp, sat).ok());

  // Three uneven shards, merged in two different orders.
  const size_t cut1 = 137, cut2 = 600;
  auto shard = [&](size_t from, size_t to) {
    Aggregate a = *Aggregate::Create(Scale(), Outcomes(m));
    EXPECT_TRUE(
        a.AddRespondents(
             to - from,
             absl::MakeConstSpan(imp).subspan(from * m, (to - from) * m),
             absl::MakeConstSpan(sat).subspan(from * m, (to - from) * m))
            .ok());
    return a;
  };
  Aggregate a = shard(0, cut1), b = shard(cut1, cut2), c = shard(cut2, n);
  Aggregate left = a;
  ASSERT_TRUE(left.Merge(b).ok());
  ASSERT_TRUE(left.Merge(c).ok());
  Aggregate right = c;
  ASSERT_TRUE(right.Merge(a).ok());
  ASSERT_TRUE(right.Merge(b).ok());
  for (const Aggregate* merged : {&left, &right}) {
    EXPECT_EQ(merged->respondent_count(), n);
    EXPECT_EQ(merged->ToProto().SerializeAsString(),
              whole.ToProto().SerializeAsString());
    EXPECT_EQ(ScoreAggregate(*merged)->SerializeAsString(),
              ScoreAggregate(whole)->SerializeAsString());
  }
}

TEST(AggregateTest, StudyAggregateMatchesRespondentMatrices) {
  // The same answers through Study and through AddRespondents.
  std::mt19937 rng(11);
  const int m = 4;
  const size_t n = 50;
  std::vector<uint8_t> imp, sat;
  RandomRatings(&rng, n * m, &imp);
  RandomRatings(&rng, n * m, &sat);
  Aggregate direct = *Aggregate::Create(Scale(), Outcomes(m));
  ASSERT_TRUE(direct.AddRespondents(n, imp, sat).ok());
  Study study;
  for (const Outcome& o : Outcomes(m)) ASSERT_TRUE(study.AddOutcome(o).ok());
  ASSERT_TRUE(study.AddRespondents(n).ok());
  std::vector<uint32_t> rs, os;
  for (uint32_t r = 0; r < n; ++r) {
    for (uint32_t o = 0; o < m; ++o) rs.push_back(r), os.push_back(o);
  }
  ASSERT_TRUE(study.AddAnswers({rs, os, imp, sat}).ok());
  EXPECT_EQ(study.ToAggregate().ToProto().SerializeAsString(),
            direct.ToProto().SerializeAsString());
}

TEST(AggregateTest, CountsCellsAndTopBox) {
  Aggregate a = *Aggregate::Create(Scale(), Outcomes(1));
  // (imp, sat): (5,4) (4,0) (0,5) (3,2) (0,0)
  std::vector<uint8_t> imp = {5, 4, 0, 3, 0}, sat = {4, 0, 5, 2, 0};
  ASSERT_TRUE(a.AddRespondents(5, imp, sat).ok());
  EXPECT_EQ(*a.Cell(0, 5, 4), 1u);
  EXPECT_EQ(*a.Cell(0, 0, 0), 1u);
  EXPECT_EQ(*a.Cell(0, 4, 0), 1u);
  EXPECT_EQ(*a.Cell(0, 1, 1), 0u);
  EXPECT_EQ(a.Cell(1, 1, 1).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(a.Cell(0, 6, 1).status().code(), absl::StatusCode::kOutOfRange);
  TopBoxCounts c = a.Counts(0);
  EXPECT_EQ(c.importance_count, 3u);
  EXPECT_EQ(c.importance_top_box, 2u);
  EXPECT_EQ(c.satisfaction_count, 3u);
  EXPECT_EQ(c.satisfaction_top_box, 2u);
  EXPECT_EQ(c.both_count, 2u);
  EXPECT_EQ(c.both_top_box, 1u);
  EXPECT_EQ(a.Table(0).size(), 36u);
}

TEST(AggregateTest, AddCountsEqualsAddingTheAnswers) {
  // (imp, sat): (5,4) (4,0) (0,5) (3,2) (0,0), given as counted cells.
  Aggregate answered = *Aggregate::Create(Scale(), Outcomes(1));
  std::vector<uint8_t> imp = {5, 4, 0, 3, 0}, sat = {4, 0, 5, 2, 0};
  ASSERT_TRUE(answered.AddRespondents(5, imp, sat).ok());
  Aggregate counted = *Aggregate::Create(Scale(), Outcomes(1));
  ASSERT_EQ(counted.cell_count(), 36u);
  std::vector<uint64_t> cells(36, 0);
  for (size_t i = 0; i < imp.size(); ++i) ++cells[imp[i] * 6 + sat[i]];
  ASSERT_TRUE(counted.AddCounts(cells, 5).ok());
  EXPECT_EQ(counted.ToProto().SerializeAsString(),
            answered.ToProto().SerializeAsString());
  // Weighted: each count has weight 1.
  answered.EnableWeights();
  counted.EnableWeights();
  ASSERT_TRUE(answered.AddRespondents(5, imp, sat).ok());
  ASSERT_TRUE(counted.AddCounts(cells, 5).ok());
  EXPECT_EQ(counted.ToProto().SerializeAsString(),
            answered.ToProto().SerializeAsString());
  // The wrong size changes nothing.
  EXPECT_EQ(counted.AddCounts(std::vector<uint64_t>(35, 1), 1).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(counted.respondent_count(), 10u);
  // More respondents than a report counts: refused as FromProto refuses it.
  EXPECT_THAT(counted.AddCounts(cells, uint64_t{1} << 32).message(),
              HasSubstr("aggregate respondent_count"));
}

TEST(AggregateTest, CustomTopBoxRule) {
  // 1-7 scale counting only 7 as top box.
  Aggregate a = *Aggregate::Create(*Scale::Make(1, 7, 7), Outcomes(1));
  std::vector<uint8_t> imp = {7, 6, 7, 1}, sat = {6, 7, 1, 1};
  ASSERT_TRUE(a.AddRespondents(4, imp, sat).ok());
  TopBoxCounts c = a.Counts(0);
  EXPECT_EQ(c.importance_top_box, 2u);
  EXPECT_EQ(c.satisfaction_top_box, 1u);
  EXPECT_EQ(c.both_top_box, 0u);
}

TEST(AggregateTest, InvalidBatchIsRefusedWhole) {
  Aggregate a = *Aggregate::Create(Scale(), Outcomes(2));
  std::vector<uint8_t> imp = {1, 2, 3, 9}, sat = {1, 1, 1, 1};
  absl::Status status = a.AddRespondents(2, imp, sat);
  EXPECT_THAT(status.message(), HasSubstr("importance[3] = 9"));
  EXPECT_EQ(a.respondent_count(), 0u);
  EXPECT_EQ(a.Counts(0).importance_count, 0u);
  EXPECT_THAT(a.AddRespondents(3, imp, sat).message(),
              HasSubstr("expected 6 ratings"));
}

TEST(AggregateTest, MergeRefusesMismatches) {
  Aggregate a = *Aggregate::Create(Scale(), Outcomes(2));
  Aggregate other_scale =
      *Aggregate::Create(*Scale::Make(1, 5, 5), Outcomes(2));
  Aggregate fewer = *Aggregate::Create(Scale(), Outcomes(1));
  std::vector<Outcome> renamed = Outcomes(2);
  renamed[1].id = "x";
  Aggregate other_ids = *Aggregate::Create(Scale(), renamed);
  for (const Aggregate* b : {&other_scale, &fewer, &other_ids}) {
    EXPECT_EQ(a.Merge(*b).code(), absl::StatusCode::kFailedPrecondition);
  }
  EXPECT_EQ(Aggregate::Create(Scale(), {{"a", "", ""}, {"a", "", ""}})
                .status()
                .code(),
            absl::StatusCode::kAlreadyExists);
}

TEST(AggregateTest, SerializationRoundTripsAndRefusesDamage) {
  std::mt19937 rng(3);
  std::vector<uint8_t> imp, sat;
  RandomRatings(&rng, 30, &imp);
  RandomRatings(&rng, 30, &sat);
  Aggregate a = *Aggregate::Create(Scale(), Outcomes(3));
  ASSERT_TRUE(a.AddRespondents(10, imp, sat).ok());
  v1::Aggregate proto = a.ToProto();
  EXPECT_EQ(proto.format_version(), Aggregate::kFormatVersion);
  std::string bytes = proto.SerializeAsString();
  v1::Aggregate parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  Aggregate back = *Aggregate::FromProto(parsed);
  EXPECT_EQ(back.ToProto().SerializeAsString(), bytes);
  EXPECT_EQ(back.respondent_count(), 10u);

  v1::Aggregate newer = proto;
  newer.set_format_version(4);
  EXPECT_THAT(Aggregate::FromProto(newer).status().message(),
              HasSubstr("format version 4"));
  v1::Aggregate truncated = proto;
  truncated.mutable_outcomes(1)->mutable_cells()->RemoveLast();
  EXPECT_THAT(Aggregate::FromProto(truncated).status().message(),
              HasSubstr("has 35 cells"));
  v1::Aggregate bad_scale = proto;
  bad_scale.mutable_scale()->set_top_box_min(9);
  EXPECT_FALSE(Aggregate::FromProto(bad_scale).ok());
}

}  // namespace
}  // namespace jtbd
