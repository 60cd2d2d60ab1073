// jtbd_aggregate: building, merging, cells, serialization, scoring.
#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

Aggregate AggregateOf(const jtbd_study* study) {
  jtbd_aggregate* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_create_aggregate(study, &raw)), IsOk());
  return Aggregate(raw);
}

Aggregate EmptyAggregate() {
  jtbd_aggregate* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_create(&raw)), IsOk());
  return Aggregate(raw);
}

uint64_t CellOf(const jtbd_aggregate* aggregate, size_t outcome, int imp,
                int sat) {
  uint64_t count = 0;
  EXPECT_THAT(Result(jtbd_aggregate_cell(aggregate, outcome, imp, sat, &count)),
              IsOk());
  return count;
}

// Every cell of every outcome on the 1-5 scale (0 = no answer).
std::vector<uint64_t> AllCells(const jtbd_aggregate* aggregate) {
  std::vector<uint64_t> cells;
  for (size_t o = 0; o < jtbd_aggregate_outcome_count(aggregate); ++o) {
    for (int imp = 0; imp <= 5; ++imp) {
      for (int sat = 0; sat <= 5; ++sat) {
        cells.push_back(CellOf(aggregate, o, imp, sat));
      }
    }
  }
  return cells;
}

std::vector<double> Opportunities(const jtbd_aggregate* aggregate) {
  jtbd_report* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_score(aggregate, nullptr, &raw)), IsOk());
  Report report(raw);
  std::vector<double> out;
  for (size_t i = 0; i < jtbd_report_outcome_count(raw); ++i) {
    jtbd_outcome_score score = EmptyScore();
    EXPECT_THAT(Result(jtbd_report_outcome(raw, i, &score)), IsOk());
    out.push_back(score.opportunity);
  }
  return out;
}

// The sample (capi_test_util.h) as two rating matrices, respondent-major.
void SampleMatrices(std::vector<uint8_t>* importance,
                    std::vector<uint8_t>* satisfaction) {
  for (const SampleRespondent& r : SampleRespondents()) {
    for (int o = 0; o < 2; ++o) {
      importance->push_back(r.importance[o]);
      satisfaction->push_back(r.satisfaction[o]);
    }
  }
}

Aggregate SampleAggregateByHand() {
  Aggregate aggregate = EmptyAggregate();
  for (int o = 0; o < 2; ++o) {
    EXPECT_THAT(Result(jtbd_aggregate_add_outcome(
                    aggregate.get(), kSampleOutcomes[o],
                    std::strlen(kSampleOutcomes[o]), kSampleStatements[o],
                    std::strlen(kSampleStatements[o]))),
                IsOk());
  }
  std::vector<uint8_t> importance, satisfaction;
  SampleMatrices(&importance, &satisfaction);
  EXPECT_THAT(Result(jtbd_aggregate_add_respondents(
                  aggregate.get(), 6, importance.data(), satisfaction.data())),
              IsOk());
  return aggregate;
}

TEST(AggregateTest, CellsCountTheSample) {
  Aggregate aggregate = SampleAggregateByHand();
  EXPECT_EQ(jtbd_aggregate_outcome_count(aggregate.get()), 2u);
  EXPECT_EQ(jtbd_aggregate_respondent_count(aggregate.get()), 6u);
  // speed: (5,1) r1, (4,2) r2, (5,4) r3, (2,5) r4, (3,0) r5, (4,3) r6.
  EXPECT_EQ(CellOf(aggregate.get(), 0, 5, 1), 1u);
  EXPECT_EQ(CellOf(aggregate.get(), 0, 3, 0), 1u);
  EXPECT_EQ(CellOf(aggregate.get(), 0, 5, 5), 0u);
  // cost: (0,5) r3.
  EXPECT_EQ(CellOf(aggregate.get(), 1, 0, 5), 1u);
  uint64_t total = 0;
  for (uint64_t cell : AllCells(aggregate.get())) total += cell;
  EXPECT_EQ(total, 12u);  // 6 respondents x 2 outcomes

  const std::vector<double> opportunities = Opportunities(aggregate.get());
  ASSERT_EQ(opportunities.size(), 2u);
  EXPECT_NEAR(opportunities[0], 28.0 / 3, 1e-12);
  EXPECT_NEAR(opportunities[1], 7.0, 1e-12);
}

TEST(AggregateTest, StudyAggregateEqualsHandBuiltAggregate) {
  Study study = MakeSampleStudy();
  Aggregate from_study = AggregateOf(study.get());
  Aggregate by_hand = SampleAggregateByHand();
  EXPECT_EQ(AllCells(from_study.get()), AllCells(by_hand.get()));
  EXPECT_EQ(jtbd_aggregate_respondent_count(from_study.get()), 6u);
}

TEST(AggregateTest, MergeOfDisjointPartsEqualsAggregateOfTheUnion) {
  Study first_half = MakeSampleStudy(0, 2);
  Study second_half = MakeSampleStudy(2, 6);
  Study whole = MakeSampleStudy(0, 6);
  Aggregate merged = AggregateOf(first_half.get());
  Aggregate part = AggregateOf(second_half.get());
  Aggregate expected = AggregateOf(whole.get());
  ASSERT_NE(AllCells(merged.get()), AllCells(expected.get()));

  ASSERT_THAT(Result(jtbd_aggregate_merge(merged.get(), part.get())), IsOk());
  EXPECT_EQ(jtbd_aggregate_respondent_count(merged.get()), 6u);
  EXPECT_EQ(AllCells(merged.get()), AllCells(expected.get()));
  EXPECT_EQ(Opportunities(merged.get()), Opportunities(expected.get()));
  // `from` is unchanged.
  EXPECT_EQ(jtbd_aggregate_respondent_count(part.get()), 4u);

  // Order does not matter.
  Aggregate other_way = AggregateOf(second_half.get());
  Aggregate first = AggregateOf(first_half.get());
  ASSERT_THAT(Result(jtbd_aggregate_merge(other_way.get(), first.get())),
              IsOk());
  EXPECT_EQ(AllCells(other_way.get()), AllCells(expected.get()));
}

TEST(AggregateTest, MergeIntoItselfDoublesEveryCount) {
  Aggregate aggregate = SampleAggregateByHand();
  std::vector<uint64_t> doubled = AllCells(aggregate.get());
  for (uint64_t& cell : doubled) cell *= 2;
  ASSERT_THAT(Result(jtbd_aggregate_merge(aggregate.get(), aggregate.get())),
              IsOk());
  EXPECT_EQ(AllCells(aggregate.get()), doubled);
  EXPECT_EQ(jtbd_aggregate_respondent_count(aggregate.get()), 12u);
}

TEST(AggregateTest, MergeRefusesMismatchesAndLeavesIntoUnchanged) {
  Aggregate into = SampleAggregateByHand();
  const std::vector<uint64_t> before = AllCells(into.get());

  Aggregate other_outcomes = EmptyAggregate();
  ASSERT_THAT(Result(jtbd_aggregate_add_outcome(other_outcomes.get(), "speed",
                                                5, nullptr, 0)),
              IsOk());
  ASSERT_THAT(Result(jtbd_aggregate_add_outcome(other_outcomes.get(), "price",
                                                5, nullptr, 0)),
              IsOk());
  EXPECT_THAT(Result(jtbd_aggregate_merge(into.get(), other_outcomes.get())),
              FailsWith(JTBD_FAILED_PRECONDITION, "price"));

  Aggregate other_scale = EmptyAggregate();
  ASSERT_THAT(Result(jtbd_aggregate_set_scale(other_scale.get(), 1, 7, 6)),
              IsOk());
  for (int o = 0; o < 2; ++o) {
    ASSERT_THAT(Result(jtbd_aggregate_add_outcome(
                    other_scale.get(), kSampleOutcomes[o],
                    std::strlen(kSampleOutcomes[o]), nullptr, 0)),
                IsOk());
  }
  EXPECT_THAT(Result(jtbd_aggregate_merge(into.get(), other_scale.get())),
              FailsWith(JTBD_FAILED_PRECONDITION, "scale"));

  EXPECT_EQ(AllCells(into.get()), before);
  EXPECT_EQ(jtbd_aggregate_respondent_count(into.get()), 6u);
}

TEST(AggregateTest, ScaleAndOutcomesOnlyBeforeRespondents) {
  Aggregate aggregate = EmptyAggregate();
  EXPECT_EQ(jtbd_aggregate_outcome_count(aggregate.get()), 0u);
  EXPECT_THAT(Result(jtbd_aggregate_set_scale(aggregate.get(), 2, 1, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, ""));
  ASSERT_THAT(
      Result(jtbd_aggregate_add_outcome(aggregate.get(), "a", 1, nullptr, 0)),
      IsOk());
  // Outcomes declared so far survive a scale change.
  ASSERT_THAT(Result(jtbd_aggregate_set_scale(aggregate.get(), 1, 7, 6)),
              IsOk());
  EXPECT_EQ(jtbd_aggregate_outcome_count(aggregate.get()), 1u);
  EXPECT_THAT(
      Result(jtbd_aggregate_add_outcome(aggregate.get(), "a", 1, nullptr, 0)),
      FailsWith(JTBD_ALREADY_EXISTS, "\"a\""));
  EXPECT_THAT(
      Result(jtbd_aggregate_add_outcome(aggregate.get(), "", 0, nullptr, 0)),
      FailsWith(JTBD_INVALID_ARGUMENT, "empty"));
  EXPECT_EQ(jtbd_aggregate_outcome_count(aggregate.get()), 1u);

  const uint8_t importance[] = {7};
  const uint8_t satisfaction[] = {6};
  ASSERT_THAT(Result(jtbd_aggregate_add_respondents(aggregate.get(), 1,
                                                    importance, satisfaction)),
              IsOk());
  EXPECT_EQ(CellOf(aggregate.get(), 0, 7, 6), 1u);
  EXPECT_THAT(Result(jtbd_aggregate_set_scale(aggregate.get(), 1, 5, 4)),
              FailsWith(JTBD_FAILED_PRECONDITION, "1 respondents"));
  EXPECT_THAT(
      Result(jtbd_aggregate_add_outcome(aggregate.get(), "b", 1, nullptr, 0)),
      FailsWith(JTBD_FAILED_PRECONDITION, "before adding"));
  EXPECT_EQ(jtbd_aggregate_outcome_count(aggregate.get()), 1u);
  EXPECT_EQ(CellOf(aggregate.get(), 0, 7, 6), 1u);
}

TEST(AggregateTest, RejectedRespondentsLeaveTheAggregateUnchanged) {
  Aggregate aggregate = SampleAggregateByHand();
  const std::vector<uint64_t> before = AllCells(aggregate.get());
  // Two respondents x two outcomes; flat index 3 holds an invalid 6.
  const uint8_t importance[] = {5, 5, 5, 5};
  const uint8_t satisfaction[] = {1, 1, 1, 6};
  EXPECT_THAT(Result(jtbd_aggregate_add_respondents(aggregate.get(), 2,
                                                    importance, satisfaction)),
              FailsWith(JTBD_INVALID_ARGUMENT, "satisfaction[3] = 6"));
  EXPECT_EQ(AllCells(aggregate.get()), before);
  EXPECT_EQ(jtbd_aggregate_respondent_count(aggregate.get()), 6u);
  // count 0 is a no-op, arrays may then be NULL.
  EXPECT_THAT(Result(jtbd_aggregate_add_respondents(aggregate.get(), 0, nullptr,
                                                    nullptr)),
              IsOk());
  EXPECT_EQ(jtbd_aggregate_respondent_count(aggregate.get()), 6u);
}

TEST(AggregateTest, CellArgumentsAreChecked) {
  Aggregate aggregate = SampleAggregateByHand();
  uint64_t count = 99;
  EXPECT_THAT(
      Result(jtbd_aggregate_cell(aggregate.get(), 2, 1, 1, &count)),
      FailsWith(JTBD_OUT_OF_RANGE, "outcome 2 is out of range (2 available)"));
  EXPECT_THAT(Result(jtbd_aggregate_cell(aggregate.get(), 0, 6, 1, &count)),
              FailsWith(JTBD_OUT_OF_RANGE, "rating 6"));
  EXPECT_THAT(Result(jtbd_aggregate_cell(aggregate.get(), 0, 1, -1, &count)),
              FailsWith(JTBD_OUT_OF_RANGE, "rating -1"));
  EXPECT_EQ(count, 99u);
}

TEST(AggregateTest, SerializeParseRoundTripIsExact) {
  Aggregate original = SampleAggregateByHand();
  jtbd_buffer* raw = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_serialize(original.get(), &raw)), IsOk());
  Buffer buffer(raw);
  const std::string bytes = BufferBytes(raw);

  jtbd_aggregate* parsed_raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_aggregate_parse(bytes.data(), bytes.size(), &parsed_raw)),
      IsOk());
  Aggregate parsed(parsed_raw);
  EXPECT_EQ(jtbd_aggregate_outcome_count(parsed_raw), 2u);
  EXPECT_EQ(jtbd_aggregate_respondent_count(parsed_raw), 6u);
  EXPECT_EQ(AllCells(parsed_raw), AllCells(original.get()));
  EXPECT_EQ(Opportunities(parsed_raw), Opportunities(original.get()));

  // The same bytes again: serialization is a function of the content.
  jtbd_buffer* again = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_serialize(parsed_raw, &again)), IsOk());
  Buffer again_owned(again);
  EXPECT_EQ(BufferBytes(again), bytes);

  // Parsed aggregates still merge with native ones.
  ASSERT_THAT(Result(jtbd_aggregate_merge(parsed_raw, original.get())), IsOk());
  EXPECT_EQ(jtbd_aggregate_respondent_count(parsed_raw), 12u);

  jtbd_aggregate* garbage = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_parse("\xff", 1, &garbage)),
              FailsWith(JTBD_INVALID_ARGUMENT, "jtbd.v1.Aggregate"));
  // Valid protobuf, unknown format version (field 1 = 99).
  EXPECT_THAT(Result(jtbd_aggregate_parse("\x08\x63", 2, &garbage)),
              FailsWith(JTBD_INVALID_ARGUMENT, "99"));
  EXPECT_EQ(garbage, nullptr);
}

TEST(AggregateTest, EveryFunctionRefusesNullArguments) {
  Aggregate aggregate = SampleAggregateByHand();
  jtbd_aggregate* a = aggregate.get();
  const uint8_t ratings[2] = {1, 1};
  uint64_t count = 0;
  jtbd_buffer* buffer = nullptr;
  jtbd_report* report = nullptr;
  jtbd_aggregate* out = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_create(nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_set_scale(nullptr, 1, 5, 4)),
              FailsWith(JTBD_INVALID_ARGUMENT, "aggregate is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_add_outcome(nullptr, "x", 1, "", 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "aggregate is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_add_outcome(a, nullptr, 1, "", 0)),
              FailsWith(JTBD_INVALID_ARGUMENT, "id is NULL"));
  EXPECT_THAT(
      Result(jtbd_aggregate_add_respondents(nullptr, 1, ratings, ratings)),
      FailsWith(JTBD_INVALID_ARGUMENT, "aggregate is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_add_respondents(a, 1, nullptr, ratings)),
              FailsWith(JTBD_INVALID_ARGUMENT, "importance is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_add_respondents(a, 1, ratings, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "satisfaction is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_merge(nullptr, a)),
              FailsWith(JTBD_INVALID_ARGUMENT, "into is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_merge(a, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "from is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_cell(nullptr, 0, 1, 1, &count)),
              FailsWith(JTBD_INVALID_ARGUMENT, "aggregate is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_cell(a, 0, 1, 1, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "count is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_serialize(nullptr, &buffer)),
              FailsWith(JTBD_INVALID_ARGUMENT, "aggregate is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_serialize(a, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_parse(nullptr, 3, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "data is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_parse("", 0, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_score(nullptr, nullptr, &report)),
              FailsWith(JTBD_INVALID_ARGUMENT, "aggregate is NULL"));
  EXPECT_THAT(Result(jtbd_aggregate_score(a, nullptr, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_EQ(buffer, nullptr);
  EXPECT_EQ(report, nullptr);
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(jtbd_aggregate_outcome_count(nullptr), 0u);
  EXPECT_EQ(jtbd_aggregate_respondent_count(nullptr), 0u);
  jtbd_aggregate_destroy(nullptr);
  EXPECT_EQ(jtbd_aggregate_respondent_count(a), 6u);
}

}  // namespace
}  // namespace jtbd_test
