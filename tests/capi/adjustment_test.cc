// The C faces of the tests' family and of attribute profiles (issue 21,
// items 3 and 4): the p-value adjustment chosen in score options reaches
// the report and decides more_underserved; segmentations report the
// minimum attribute count, Fisher's p and the attribute columns set aside.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

std::string SurveyPath() {
  return std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
}

Report ScoreExample(int32_t adjustment) {
  jtbd_score_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
  ScoreOptions options(raw);
  EXPECT_THAT(Result(jtbd_score_options_set_segment_by(raw, "role", 4)),
              IsOk());
  EXPECT_THAT(Result(jtbd_score_options_set_bootstrap_resamples(raw, 0)),
              IsOk());
  if (adjustment >= 0) {
    EXPECT_THAT(
        Result(jtbd_score_options_set_p_value_adjustment(raw, adjustment)),
        IsOk());
  }
  const std::string path = SurveyPath();
  jtbd_report* report = nullptr;
  EXPECT_THAT(Result(jtbd_score_survey_file(nullptr, raw, path.data(),
                                            path.size(), &report)),
              IsOk());
  return Report(report);
}

std::vector<jtbd_segment_comparison> Comparisons(const jtbd_report* report) {
  std::vector<jtbd_segment_comparison> all;
  for (size_t s = 0; s < jtbd_report_segment_count(report); ++s) {
    for (size_t i = 0; i < jtbd_report_outcome_count(report); ++i) {
      jtbd_segment_comparison c = {};
      c.struct_size = sizeof(c);
      EXPECT_THAT(Result(jtbd_report_segment_comparison(report, s, i, &c)),
                  IsOk());
      all.push_back(c);
    }
  }
  return all;
}

// Benjamini-Hochberg step-up, written out (R's p.adjust(p, "BH")).
std::vector<double> BenjaminiHochberg(const std::vector<double>& p) {
  std::vector<size_t> order(p.size());
  for (size_t i = 0; i < p.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return p[a] > p[b]; });
  std::vector<double> adjusted(p.size());
  double running = 1.0;
  for (size_t rank = 0; rank < order.size(); ++rank) {
    const double m = static_cast<double>(p.size());
    running = std::min(running, p[order[rank]] * m / (m - rank));
    adjusted[order[rank]] = running;
  }
  return adjusted;
}

TEST(AdjustmentTest, HolmIsTheDefaultAndDecides) {
  Report report = ScoreExample(-1);
  jtbd_report_info info = {};
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_report_get_info(report.get(), &info)), IsOk());
  EXPECT_EQ(info.p_value_adjustment, JTBD_P_VALUE_ADJUSTMENT_HOLM);
  for (const jtbd_segment_comparison& c : Comparisons(report.get())) {
    if ((c.has & JTBD_COMPARISON_HAS_OPPORTUNITY_TEST) == 0) continue;
    EXPECT_EQ(c.opportunity_adjusted_p_value,
              c.opportunity_test.holm_adjusted_p_value);
    EXPECT_EQ(c.importance_adjusted_p_value,
              c.importance_test.holm_adjusted_p_value);
    EXPECT_EQ(
        c.more_underserved != 0,
        c.opportunity_difference > 0 && c.opportunity_adjusted_p_value < 0.05);
  }
}

TEST(AdjustmentTest, BenjaminiHochbergAcrossSegmentsAndOutcomes) {
  Report report = ScoreExample(JTBD_P_VALUE_ADJUSTMENT_BH);
  jtbd_report_info info = {};
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_report_get_info(report.get(), &info)), IsOk());
  EXPECT_EQ(info.p_value_adjustment, JTBD_P_VALUE_ADJUSTMENT_BH);
  const std::vector<jtbd_segment_comparison> all = Comparisons(report.get());
  std::vector<double> p;
  std::vector<const jtbd_segment_comparison*> tested;
  for (const jtbd_segment_comparison& c : all) {
    if ((c.has & JTBD_COMPARISON_HAS_OPPORTUNITY_TEST) == 0) continue;
    p.push_back(c.opportunity_test.p_value);
    tested.push_back(&c);
  }
  ASSERT_GT(tested.size(), 20u);  // several segments x 24 outcomes
  const std::vector<double> expected = BenjaminiHochberg(p);
  size_t more = 0;
  for (size_t i = 0; i < tested.size(); ++i) {
    EXPECT_NEAR(tested[i]->opportunity_adjusted_p_value, expected[i], 1e-12);
    EXPECT_LE(tested[i]->opportunity_adjusted_p_value,
              tested[i]->opportunity_test.holm_adjusted_p_value + 1e-12);
    more += tested[i]->more_underserved;
  }
  // BH finds at least what Holm finds.
  Report holm = ScoreExample(JTBD_P_VALUE_ADJUSTMENT_HOLM);
  size_t holm_more = 0;
  for (const jtbd_segment_comparison& c : Comparisons(holm.get())) {
    holm_more += c.more_underserved;
  }
  EXPECT_GE(more, holm_more);
}

TEST(AdjustmentTest, UnknownAdjustmentIsRefused) {
  jtbd_score_options* raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
  ScoreOptions options(raw);
  EXPECT_THAT(Result(jtbd_score_options_set_p_value_adjustment(raw, 3)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "adjustment 3 is not a jtbd_p_value_adjustment"));
  EXPECT_THAT(Result(jtbd_score_options_set_p_value_adjustment(nullptr, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));
}

// A survey whose respondents carry an email (every value unique) and a role
// planted in the second of two clear segments.
std::string PlantedSurvey() {
  std::string survey = "respondent_id,email,role";
  for (int o = 1; o <= 4; ++o) {
    survey += ",imp_o" + std::to_string(o) + ",sat_o" + std::to_string(o);
  }
  survey += "\n";
  for (int r = 0; r < 80; ++r) {
    const bool second = r >= 40;
    const char* role = second ? (r % 5 == 0 ? "user" : "buyer")
                              : (r % 5 == 0 ? "buyer" : "user");
    survey += "r" + std::to_string(r) + ",person" + std::to_string(r) +
              "@example.com," + role;
    for (int o = 1; o <= 4; ++o) {
      const bool unmet = (o <= 2) != second;
      survey += unmet ? ",5,1" : ",2,5";
    }
    survey += "\n";
  }
  return survey;
}

TEST(AttributeProfileTest, IdentifiersSetAsideAndFisherReported) {
  const std::string survey = PlantedSurvey();
  jtbd_segment_options* raw = nullptr;
  ASSERT_THAT(Result(jtbd_segment_options_create(&raw)), IsOk());
  SegmentOptions options(raw);
  ASSERT_THAT(Result(jtbd_segment_options_set_k(raw, 2)), IsOk());
  ASSERT_THAT(Result(jtbd_segment_options_set_min_attribute_count(raw, 3)),
              IsOk());
  jtbd_segmentation* segmentation = nullptr;
  ASSERT_THAT(
      Result(jtbd_segment_survey(nullptr, raw, survey.data(), survey.size(),
                                 "planted", 7, &segmentation)),
      IsOk());
  Segmentation owned(segmentation);
  jtbd_segmentation_info info = {};
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_segmentation_get_info(segmentation, &info)), IsOk());
  EXPECT_EQ(info.min_attribute_count, 3u);
  EXPECT_EQ(info.p_value_adjustment, JTBD_P_VALUE_ADJUSTMENT_HOLM);

  ASSERT_EQ(jtbd_segmentation_set_aside_attribute_count(segmentation), 1u);
  EXPECT_EQ(jtbd_segmentation_set_aside_attribute_count(nullptr), 0u);
  jtbd_set_aside_attribute aside = {};
  aside.struct_size = sizeof(aside);
  ASSERT_THAT(
      Result(jtbd_segmentation_set_aside_attribute(segmentation, 0, &aside)),
      IsOk());
  EXPECT_EQ(std::string(aside.attribute, aside.attribute_len), "email");
  EXPECT_EQ(aside.reason, JTBD_SET_ASIDE_REASON_HIGH_CARDINALITY);
  EXPECT_EQ(aside.distinct_value_count, 80u);
  EXPECT_EQ(aside.respondent_count, 80u);
  EXPECT_THAT(
      Result(jtbd_segmentation_set_aside_attribute(segmentation, 1, &aside)),
      FailsWith(JTBD_OUT_OF_RANGE, "index 1 is out of range"));

  // The planted role is listed in one segment, with Fisher's p beside the
  // mid-p that decides (the mid-p is the smaller).
  bool buyer = false;
  for (uint32_t cluster = 1; cluster <= info.k; ++cluster) {
    jtbd_segment_profile profile = {};
    profile.struct_size = sizeof(profile);
    ASSERT_THAT(Result(jtbd_segmentation_segment_profile(segmentation, cluster,
                                                         &profile)),
                IsOk());
    for (size_t i = 0; i < profile.overrepresented_attribute_count; ++i) {
      jtbd_attribute_overrepresentation a = {};
      a.struct_size = sizeof(a);
      ASSERT_THAT(Result(jtbd_segmentation_segment_attribute(segmentation,
                                                             cluster, i, &a)),
                  IsOk());
      EXPECT_NE(std::string(a.attribute, a.attribute_len), "email");
      EXPECT_GT(a.fisher_p_value, a.test.p_value);
      EXPECT_GE(a.segment_count, 3u);
      if (std::string(a.value, a.value_len) == "buyer") buyer = true;
    }
  }
  EXPECT_TRUE(buyer);
}

}  // namespace
}  // namespace jtbd_test
