// jtbd.h convention 11: every function that takes an index (or a segment
// number) refuses one outside its range with JTBD_OUT_OF_RANGE, naming the
// function, the argument and the value, and writes nothing.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

struct IndexCase {
  const char* expected;  // "<function>: <argument> <value> is out of range"
  std::function<jtbd_error*()> call;
};

TEST(IndexConventionTest, EveryIndexOutOfItsRangeIsOutOfRange) {
  // The sample study (6 respondents, outcomes speed and cost, segments A
  // and B), with one solution, screened and segmented.
  Study study = MakeSampleStudy();
  size_t solution = 0;
  ASSERT_THAT(
      Result(jtbd_study_add_solution(study.get(), "Acme", 4, &solution)),
      IsOk());
  const uint32_t respondent = 0, acme = 0, outcome = 0;
  const uint8_t rating = 4;
  ASSERT_THAT(Result(jtbd_study_add_solution_answers(
                  study.get(), 1, &respondent, &acme, &outcome, &rating)),
              IsOk());
  jtbd_score_options* raw_options = nullptr;
  ASSERT_THAT(Result(jtbd_score_options_create(&raw_options)), IsOk());
  ScoreOptions options(raw_options);
  ASSERT_THAT(
      Result(jtbd_score_options_set_segment_by(options.get(), "segment", 7)),
      IsOk());
  ASSERT_THAT(Result(jtbd_score_options_set_screening(options.get(), 1, 0)),
              IsOk());
  jtbd_report* raw_report = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), options.get(), &raw_report)),
              IsOk());
  Report report(raw_report);
  jtbd_aggregate* raw_aggregate = nullptr;
  ASSERT_THAT(Result(jtbd_study_create_aggregate(study.get(), &raw_aggregate)),
              IsOk());
  Aggregate aggregate(raw_aggregate);
  jtbd_segment_options* raw_segment_options = nullptr;
  ASSERT_THAT(Result(jtbd_segment_options_create(&raw_segment_options)),
              IsOk());
  SegmentOptions segment_options(raw_segment_options);
  ASSERT_THAT(Result(jtbd_segment_options_set_k(segment_options.get(), 2)),
              IsOk());
  jtbd_segmentation* raw_segmentation = nullptr;
  ASSERT_THAT(Result(jtbd_study_segment(study.get(), segment_options.get(),
                                        &raw_segmentation)),
              IsOk());
  Segmentation segmentation(raw_segmentation);
  jtbd_segment_model* raw_model = nullptr;
  ASSERT_THAT(
      Result(jtbd_segmentation_create_model(segmentation.get(), &raw_model)),
      IsOk());
  SegmentModel model(raw_model);

  jtbd_study* s = study.get();
  const jtbd_report* r = report.get();
  const jtbd_segmentation* g = segmentation.get();
  jtbd_segmentation_info info;
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_segmentation_get_info(g, &info)), IsOk());
  ASSERT_EQ(info.k, 2u);
  ASSERT_EQ(jtbd_report_segment_count(r), 2u);
  ASSERT_EQ(jtbd_report_screened_count(r), 0u);

  // Out-parameters the calls must leave alone.
  jtbd_outcome_score score = EmptyScore();
  jtbd_segment_comparison comparison{};
  comparison.struct_size = sizeof(comparison);
  jtbd_solution_score solution_score{};
  solution_score.struct_size = sizeof(solution_score);
  jtbd_best_solution best{};
  best.struct_size = sizeof(best);
  jtbd_screened_respondent flagged{};
  flagged.struct_size = sizeof(flagged);
  jtbd_segment_candidate candidate{};
  candidate.struct_size = sizeof(candidate);
  jtbd_segment_profile profile{};
  profile.struct_size = sizeof(profile);
  jtbd_attribute_overrepresentation attribute{};
  attribute.struct_size = sizeof(attribute);
  const char* text = nullptr;
  uint64_t count = 0;
  size_t items = 0;
  double effective = 0;
  uint32_t cluster = 0;
  jtbd_report* new_report = nullptr;

  const std::vector<IndexCase> cases = {
      {"jtbd_study_set_attribute: respondent 6 is out of range (6 available)",
       [&] { return jtbd_study_set_attribute(s, 6, "a", 1, "b", 1); }},
      {"jtbd_study_set_weight: respondent 6",
       [&] { return jtbd_study_set_weight(s, 6, 2.0); }},
      {"jtbd_study_set_duration: respondent 6",
       [&] { return jtbd_study_set_duration(s, 6, 60.0); }},
      {"jtbd_report_outcome: index 2 is out of range (2 available)",
       [&] { return jtbd_report_outcome(r, 2, &score); }},
      {"jtbd_report_segment_name: segment 2",
       [&] { return jtbd_report_segment_name(r, 2, &text, nullptr); }},
      {"jtbd_report_segment_respondent_count: segment 2",
       [&] { return jtbd_report_segment_respondent_count(r, 2, &count); }},
      {"jtbd_report_segment_outcome: segment 2",
       [&] { return jtbd_report_segment_outcome(r, 2, 0, &score); }},
      {"jtbd_report_segment_outcome: index 2",
       [&] { return jtbd_report_segment_outcome(r, 0, 2, &score); }},
      {"jtbd_report_segment_comparison: segment 2",
       [&] { return jtbd_report_segment_comparison(r, 2, 0, &comparison); }},
      {"jtbd_report_segment_comparison: index 2",
       [&] { return jtbd_report_segment_comparison(r, 0, 2, &comparison); }},
      {"jtbd_report_segment_rest_respondent_count: segment 2",
       [&] { return jtbd_report_segment_rest_respondent_count(r, 2, &count); }},
      {"jtbd_report_segment_effective_respondent_count: segment 2",
       [&] {
         return jtbd_report_segment_effective_respondent_count(r, 2,
                                                               &effective);
       }},
      {"jtbd_report_segment_more_underserved_count: segment 2",
       [&] {
         return jtbd_report_segment_more_underserved_count(r, 2, &items);
       }},
      {"jtbd_report_segment_more_underserved_id: index 9",
       [&] {
         return jtbd_report_segment_more_underserved_id(r, 0, 9, &text,
                                                        nullptr);
       }},
      {"jtbd_report_solution_name: index 1",
       [&] { return jtbd_report_solution_name(r, 1, &text, nullptr); }},
      {"jtbd_report_outcome_solution: outcome 2",
       [&] { return jtbd_report_outcome_solution(r, 2, 0, &solution_score); }},
      {"jtbd_report_outcome_solution: index 1",
       [&] { return jtbd_report_outcome_solution(r, 0, 1, &solution_score); }},
      {"jtbd_report_segment_outcome_solution: segment 2",
       [&] {
         return jtbd_report_segment_outcome_solution(r, 2, 0, 0,
                                                     &solution_score);
       }},
      {"jtbd_report_outcome_best_solution: outcome 2",
       [&] { return jtbd_report_outcome_best_solution(r, 2, &best); }},
      {"jtbd_report_segment_outcome_best_solution: outcome 2",
       [&] {
         return jtbd_report_segment_outcome_best_solution(r, 1, 2, &best);
       }},
      {"jtbd_report_screened_respondent: index 0 is out of range (0 available)",
       [&] { return jtbd_report_screened_respondent(r, 0, &flagged); }},
      {"jtbd_aggregate_cell: outcome 2",
       [&] { return jtbd_aggregate_cell(aggregate.get(), 2, 0, 0, &count); }},
      {"jtbd_segmentation_candidate: index 1",
       [&] { return jtbd_segmentation_candidate(g, 1, &candidate); }},
      {"jtbd_segmentation_outcome_id: index 2",
       [&] { return jtbd_segmentation_outcome_id(g, 2, &text, nullptr); }},
      {"jtbd_segmentation_dropped_outcome_id: index 0",
       [&] {
         return jtbd_segmentation_dropped_outcome_id(g, 0, &text, nullptr);
       }},
      {"jtbd_segmentation_respondent_cluster: respondent 6",
       [&] { return jtbd_segmentation_respondent_cluster(g, 6, &cluster); }},
      {"jtbd_segmentation_segment_profile: cluster 3 is out of range",
       [&] { return jtbd_segmentation_segment_profile(g, 3, &profile); }},
      {"jtbd_segmentation_segment_profile: cluster 0 is out of range",
       [&] { return jtbd_segmentation_segment_profile(g, 0, &profile); }},
      {"jtbd_segmentation_create_segment_report: cluster 3",
       [&] {
         return jtbd_segmentation_create_segment_report(g, 3, &new_report);
       }},
      {"jtbd_segmentation_segment_attribute: cluster 3",
       [&] {
         return jtbd_segmentation_segment_attribute(g, 3, 0, &attribute);
       }},
      {"jtbd_segmentation_segment_attribute: index 99",
       [&] {
         return jtbd_segmentation_segment_attribute(g, 1, 99, &attribute);
       }},
      {"jtbd_segment_model_outcome_id: index 2",
       [&] {
         return jtbd_segment_model_outcome_id(model.get(), 2, &text, nullptr);
       }},
  };
  for (const IndexCase& c : cases) {
    EXPECT_THAT(Result(c.call()), FailsWith(JTBD_OUT_OF_RANGE, c.expected));
  }
  // Nothing was written.
  EXPECT_EQ(score.outcome_id, nullptr);
  EXPECT_EQ(comparison.outcome_id, nullptr);
  EXPECT_EQ(solution_score.solution, nullptr);
  EXPECT_EQ(best.best_solution, nullptr);
  EXPECT_EQ(flagged.respondent_id, nullptr);
  EXPECT_EQ(candidate.k, 0u);
  EXPECT_EQ(profile.cluster, 0u);
  EXPECT_EQ(attribute.attribute, nullptr);
  EXPECT_EQ(text, nullptr);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(items, 0u);
  EXPECT_EQ(effective, 0.0);
  EXPECT_EQ(cluster, 0u);
  EXPECT_EQ(new_report, nullptr);
  EXPECT_EQ(jtbd_study_respondent_count(s), 6u);
}

}  // namespace
}  // namespace jtbd_test
