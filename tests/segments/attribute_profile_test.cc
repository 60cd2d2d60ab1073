// The proof of issue 21, item 4, end to end through SegmentStudy: a CRM-like
// survey with an id column and an email column, and a small planted segment
// (50 of 1,000 respondents) in which role = buyer is genuinely
// over-represented (80 % of it against 20 % elsewhere). No id or email value
// may be reported over-represented (before, every email of a small segment
// was, from one respondent each), both columns are set aside with their
// reason, and role = buyer is still found.
#include <cstdint>
#include <map>
#include <random>
#include <string>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "planted_survey.h"
#include "segments/segmentation.h"

namespace jtbd {
namespace {

using testing_support::MakePlantedSurvey;
using testing_support::PlantedSurvey;
using testing_support::PlantedSurveySpec;
using testing_support::Unit;

// The found segment most of planted segment 0's respondents landed in.
uint32_t FoundSegment(const PlantedSurvey& survey,
                      const v1::SegmentationReport& report) {
  std::map<uint32_t, int> votes;
  for (size_t r = 0; r < survey.segments.size(); ++r) {
    if (survey.segments[r] == 0) ++votes[report.respondents(r).cluster()];
  }
  uint32_t best = 0;
  for (const auto& [cluster, count] : votes) {
    if (best == 0 || count > votes[best]) best = cluster;
  }
  return best;
}

TEST(AttributeProfileProofTest, IdsAndEmailsNeverListedPlantedRoleIs) {
  PlantedSurveySpec spec;
  spec.respondents = 1000;
  spec.segment_shares = {0.05, 0.55, 0.40};  // a small segment of 50
  spec.attributes = false;
  PlantedSurvey survey = MakePlantedSurvey(spec);
  std::mt19937_64 rng(2112);
  int buyers_in_small = 0;
  for (size_t r = 0; r < spec.respondents; ++r) {
    ASSERT_TRUE(survey.study
                    .SetAttribute(r, "customer_id",
                                  absl::StrFormat("CUST-%05d", 7 * r + 3))
                    .ok());
    ASSERT_TRUE(
        survey.study
            .SetAttribute(r, "email",
                          absl::StrFormat("contact%d@example%d.com", r, r % 7))
            .ok());
    const bool buyer = Unit(rng) < (survey.segments[r] == 0 ? 0.8 : 0.2);
    if (buyer && survey.segments[r] == 0) ++buyers_in_small;
    ASSERT_TRUE(
        survey.study.SetAttribute(r, "role", buyer ? "buyer" : "user").ok());
  }
  ASSERT_GT(buyers_in_small, 30);  // the draw is as planted

  v1::SegmentationOptions options;
  options.set_k(3);
  options.mutable_scoring()->set_bootstrap_resamples(0);
  absl::StatusOr<Segmentation> segmentation =
      SegmentStudy(survey.study, options);
  ASSERT_TRUE(segmentation.ok()) << segmentation.status();
  const v1::SegmentationReport& report = segmentation->report;

  // Both identifier columns are set aside, with their reason and counts.
  ASSERT_EQ(report.set_aside_attributes_size(), 2);
  EXPECT_EQ(report.set_aside_attributes(0).attribute(), "customer_id");
  EXPECT_EQ(report.set_aside_attributes(1).attribute(), "email");
  for (const v1::SetAsideAttribute& a : report.set_aside_attributes()) {
    EXPECT_EQ(a.reason(), v1::ATTRIBUTE_SET_ASIDE_REASON_HIGH_CARDINALITY);
    EXPECT_EQ(a.distinct_value_count(), 1000u);
    EXPECT_EQ(a.respondent_count(), 1000u);
  }
  EXPECT_EQ(report.min_attribute_count(), 5u);

  // No segment lists an id or an email; the small segment lists the buyers.
  const uint32_t small = FoundSegment(survey, report);
  ASSERT_NE(small, 0u);
  const v1::SegmentProfile& profile = report.segments(small - 1);
  EXPECT_LT(profile.respondent_count(), 80u);
  bool buyers_listed = false;
  for (const v1::SegmentProfile& segment : report.segments()) {
    for (const v1::AttributeOverrepresentation& a :
         segment.overrepresented_attributes()) {
      EXPECT_EQ(a.attribute(), "role") << a.value();
      EXPECT_GE(a.segment_count(), 5u);
      if (segment.cluster() == small && a.value() == "buyer") {
        buyers_listed = true;
        EXPECT_GT(a.lift(), 2.5);
        EXPECT_LT(a.test().holm_adjusted_p_value(), 1e-6);
        EXPECT_LE(a.test().p_value(), a.fisher_p_value());
      }
    }
  }
  EXPECT_TRUE(buyers_listed);
}

}  // namespace
}  // namespace jtbd
