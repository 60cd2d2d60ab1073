// Screening's default rules against hand computations: straight-lining
// weighed by its chance under independent answering (so a battery's length
// matters, and two equal batteries count together), and blanks counted over
// the outcomes each respondent was shown.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/screening.h"
#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// -1 on both axes: the pair is never given.
struct Row {
  std::string id;
  std::vector<int> importance;
  std::vector<int> satisfaction;
};

Study MakeStudy(size_t outcomes, const std::vector<Row>& rows) {
  Study study;
  for (size_t o = 0; o < outcomes; ++o) {
    EXPECT_TRUE(study.AddOutcome({"o" + std::to_string(o + 1), "", ""}).ok());
  }
  for (const Row& row : rows) {
    absl::StatusOr<size_t> r = study.AddRespondent(row.id);
    EXPECT_TRUE(r.ok()) << r.status();
    for (size_t o = 0; o < outcomes; ++o) {
      if (row.importance[o] < 0 && row.satisfaction[o] < 0) continue;
      const uint32_t r32 = static_cast<uint32_t>(*r);
      const uint32_t o32 = static_cast<uint32_t>(o);
      const uint8_t imp = static_cast<uint8_t>(std::max(0, row.importance[o]));
      const uint8_t sat =
          static_cast<uint8_t>(std::max(0, row.satisfaction[o]));
      EXPECT_TRUE(study
                      .AddAnswers({absl::MakeConstSpan(&r32, 1),
                                   absl::MakeConstSpan(&o32, 1),
                                   absl::MakeConstSpan(&imp, 1),
                                   absl::MakeConstSpan(&sat, 1)})
                      .ok());
    }
  }
  return study;
}

ScreeningResult Screen(const Study& study, v1::ScreeningOptions options) {
  options.set_enabled(true);
  absl::StatusOr<ScreeningPlan> plan = MakeScreeningPlan(options);
  EXPECT_TRUE(plan.ok()) << plan.status();
  return ScreenRespondents(study, *plan);
}

std::vector<std::string> FlaggedIds(const ScreeningResult& result) {
  std::vector<std::string> ids;
  for (const v1::ScreenedRespondent& r : result.summary.respondents()) {
    ids.push_back(r.respondent_id());
  }
  return ids;
}

// Five outcomes, four respondents; "a" straight-lines both batteries.
Study FourRespondents() {
  return MakeStudy(5, {
                          {"a", {4, 4, 4, 4, 4}, {2, 2, 2, 2, 2}},
                          {"b", {4, 5, 5, 5, 5}, {1, 2, 3, 4, 5}},
                          {"c", {5, 5, 4, 5, 5}, {2, 1, 1, 1, 1}},
                          {"d", {1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}},
                      });
}

TEST(StraightLineChanceTest, HandComputedOnEachBattery) {
  const Study study = FourRespondents();
  // Importance of "a": shares of 4 per outcome 2/4, 1/4, 2/4, 2/4, 1/4 ->
  // 1/128; of 5: 1/4, 2/4, 1/4, 2/4, 3/4 -> 3/256; 1, 2 and 3 are missing
  // from outcome 1 -> 0. Chance 2/256 + 3/256.
  EXPECT_NEAR(StraightLineChance(study, 0, true), 5.0 / 256, 1e-15);
  // Satisfaction of "a": shares of 2: 2/4, 2/4, 1/4, 2/4, 1/4 -> 1/128; of
  // 1: 1/4, 1/4, 1/4, 1/4, 2/4 -> 1/512; 3 and 4 are missing from outcome 1,
  // 5 from outcome 2. Chance 5/512.
  EXPECT_NEAR(StraightLineChance(study, 0, false), 5.0 / 512, 1e-15);
  // A respondent with no rating on the axis: certain.
  const Study empty =
      MakeStudy(2, {{"x", {-1, -1}, {-1, -1}}, {"y", {1, 2}, {1, 2}}});
  EXPECT_EQ(StraightLineChance(empty, 0, true), 1.0);
}

TEST(StraightLineChanceTest, TwoEqualBatteriesCountTogether) {
  const Study study = FourRespondents();
  // Alone each battery is too likely (5/256 = 0.0195, 5/512 = 0.0098);
  // together 25/131072 = 0.000191 is below the default 0.001.
  const ScreeningResult result = Screen(study, {});
  EXPECT_THAT(FlaggedIds(result), ElementsAre("a"));
  EXPECT_THAT(result.summary.respondents(0).reasons(),
              ElementsAre(v1::SCREENING_REASON_STRAIGHT_LINING));
  EXPECT_NEAR(result.summary.respondents(0).straight_line_chance(),
              25.0 / 131072, 1e-17);
  EXPECT_EQ(result.summary.criteria().straight_line_max_chance(), 0.001);

  // Thresholds on either side of the product.
  v1::ScreeningOptions above;
  above.set_straight_line_max_chance(1.91e-4);
  EXPECT_THAT(FlaggedIds(Screen(study, above)), ElementsAre("a"));
  v1::ScreeningOptions below;
  below.set_straight_line_max_chance(1.9e-4);
  EXPECT_TRUE(FlaggedIds(Screen(study, below)).empty());
}

TEST(StraightLineChanceTest, TheSameRunIsEvidenceOnlyInALongBattery) {
  // Two respondents, one all 4s and one all 5s: each outcome's share of 4
  // and of 5 is 1/2, so an all-equal battery of k has chance 2 / 2^k.
  for (const auto& [outcomes, flagged] : std::vector<std::pair<size_t, bool>>{
           {5, false}, {10, false}, {11, true}, {12, true}}) {
    const std::vector<int> fours(outcomes, 4);
    const std::vector<int> fives(outcomes, 5);
    std::vector<int> varied(outcomes);
    for (size_t o = 0; o < outcomes; ++o) varied[o] = 1 + o % 5;
    // Satisfaction varies, so only importance can straight-line.
    const Study study = MakeStudy(
        outcomes, {{"fours", fours, varied}, {"fives", fives, varied}});
    const ScreeningResult result = Screen(study, {});
    SCOPED_TRACE(outcomes);
    // 2 / 2^10 = 0.00195 > 0.001 >= 2 / 2^11 = 0.000977.
    EXPECT_EQ(result.summary.flagged_respondent_count(), flagged ? 2u : 0u);
    const double want = std::ldexp(2.0, -static_cast<int>(outcomes));
    EXPECT_NEAR(StraightLineChance(study, 0, true), want, 1e-13 * want);
  }
}

TEST(StraightLineChanceTest, MaxChanceIsValidated) {
  for (double bad : {0.0, -0.1, 1.5, std::nan("")}) {
    v1::ScreeningOptions options;
    options.set_enabled(true);
    options.set_straight_line_max_chance(bad);
    absl::StatusOr<ScreeningPlan> plan = MakeScreeningPlan(options);
    ASSERT_FALSE(plan.ok());
    EXPECT_THAT(plan.status().message(), HasSubstr("straight_line_max_chance"));
  }
  v1::ScreeningOptions one;
  one.set_straight_line_max_chance(1);
  EXPECT_TRUE(MakeScreeningPlan(one).ok());
}

TEST(ShownBlanksTest, AnOutcomeBlankOnBothAxesIsNotShown) {
  const Study study = MakeStudy(
      4, {
             // shown 1 of 4, answered: kept (3/4 blank if all were shown)
             {"subset", {1, -1, -1, -1}, {3, -1, -1, -1}},
             // shown 2, one blank: 1/2 is not more than 1/2
             {"half", {1, 0, -1, -1}, {3, 4, -1, -1}},
             // shown 3, two blank: 2/3
             {"skipper", {1, 0, 0, -1}, {3, 4, 5, -1}},
             // a pair given as no answer on both axes is not shown either
             {"zeros", {0, 1, 2, 3}, {0, 3, 2, 1}},
             // shown nothing: all blank
             {"none", {-1, -1, -1, -1}, {-1, -1, -1, -1}},
             {"full", {1, 2, 3, 4}, {4, 3, 2, 1}},
         });
  const ScreeningResult result = Screen(study, {});
  EXPECT_THAT(FlaggedIds(result), ElementsAre("skipper", "none"));
  EXPECT_DOUBLE_EQ(result.summary.respondents(0).blank_share(), 2.0 / 3);
  EXPECT_EQ(result.summary.respondents(0).shown_outcome_count(), 3u);
  EXPECT_EQ(result.summary.respondents(1).blank_share(), 1.0);
  EXPECT_EQ(result.summary.respondents(1).shown_outcome_count(), 0u);
  EXPECT_FALSE(result.summary.criteria().blanks_count_unshown());

  // Every outcome shown to everyone: the old count over all four (3/4 blank
  // for subset, half and skipper, 1/4 for zeros).
  v1::ScreeningOptions all_shown;
  all_shown.set_blanks_count_unshown(true);
  const ScreeningResult counted = Screen(study, all_shown);
  EXPECT_THAT(FlaggedIds(counted),
              ElementsAre("subset", "half", "skipper", "none"));
  EXPECT_DOUBLE_EQ(counted.summary.respondents(0).blank_share(), 0.75);
  EXPECT_EQ(counted.summary.respondents(0).shown_outcome_count(), 4u);

  // A share of 1 never flags, not even a respondent shown nothing.
  v1::ScreeningOptions lenient;
  lenient.set_max_blank_share(1);
  EXPECT_TRUE(FlaggedIds(Screen(study, lenient)).empty());
}

}  // namespace
}  // namespace jtbd
