// Surveys in one step through jtbd.hpp: ScoreSurvey[File] and
// SegmentSurvey[File] give what the two steps give (ReadCsvFile, then Score
// or Segment), and ReadOptions' outcome descriptions describe every read.
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

const std::string kSurvey = std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
const std::string kOutcomes =
    std::string(JTBD_SOURCE_DIR) + "/examples/outcomes.csv";

std::string FileText(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(CppSurveyTest, ScoreSurveyFileEqualsTheTwoSteps) {
  jtbd::ScoreOptions options;
  options.segment_by = "segment";
  options.bootstrap_resamples = 100;
  jtbd::ReadOptions read;
  read.outcome_descriptions_file = kOutcomes;
  const jtbd::Report one_step = jtbd::ScoreSurveyFile(kSurvey, options, read);
  const jtbd::Report two_steps =
      jtbd::Study::ReadCsvFile(kSurvey, read).Score(options);
  EXPECT_EQ(one_step.Render(jtbd::Format::kJson),
            two_steps.Render(jtbd::Format::kJson));
  EXPECT_EQ(one_step.respondent_count(), 180u);
  ASSERT_EQ(one_step.segments().size(), 2u);
  EXPECT_THAT(one_step.Render(jtbd::Format::kJson),
              HasSubstr("Minimize the time it takes to determine"));

  const jtbd::Report from_bytes =
      jtbd::ScoreSurvey(FileText(kSurvey), "survey", options, read);
  EXPECT_EQ(from_bytes.Render(jtbd::Format::kJson),
            one_step.Render(jtbd::Format::kJson));
}

TEST(CppSurveyTest, ScoreSurveyThrowsTheRefusal) {
  jtbd::ScoreOptions options;
  options.segment_by = "region";
  try {
    jtbd::ScoreSurveyFile(kSurvey, options);
    ADD_FAILURE() << "no jtbd::Error thrown";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_NOT_FOUND);
    EXPECT_THAT(error.message(), HasSubstr("no column \"region\""));
  }
}

TEST(CppSurveyTest, SegmentSurveyFileEqualsTheTwoSteps) {
  jtbd::SegmentOptions options;
  options.k = 2;
  options.starts = 4;
  options.scoring.bootstrap_resamples = 0;
  const jtbd::Segmentation one_step = jtbd::SegmentSurveyFile(kSurvey, options);
  const jtbd::Segmentation two_steps =
      jtbd::Segment(jtbd::Study::ReadCsvFile(kSurvey), options);
  EXPECT_EQ(one_step.k(), 2u);
  EXPECT_EQ(one_step.clusters(), two_steps.clusters());
  EXPECT_EQ(one_step.Render(jtbd::Format::kJson),
            two_steps.Render(jtbd::Format::kJson));
  const jtbd::Segmentation from_bytes =
      jtbd::SegmentSurvey(FileText(kSurvey), "survey", options);
  EXPECT_EQ(from_bytes.clusters(), one_step.clusters());
}

TEST(CppSurveyTest, AdjustmentAndAttributeProfiles) {
  jtbd::ScoreOptions options;
  options.segment_by = "role";
  options.bootstrap_resamples = 0;
  options.p_value_adjustment = jtbd::PValueAdjustment::kBh;
  const jtbd::Report bh = jtbd::ScoreSurveyFile(kSurvey, options);
  EXPECT_EQ(bh.p_value_adjustment(), jtbd::PValueAdjustment::kBh);
  options.p_value_adjustment = std::nullopt;
  const jtbd::Report holm = jtbd::ScoreSurveyFile(kSurvey, options);
  EXPECT_EQ(holm.p_value_adjustment(), jtbd::PValueAdjustment::kHolm);
  size_t tested = 0;
  for (size_t s = 0; s < bh.segments().size(); ++s) {
    for (size_t i = 0; i < bh.segments()[s].comparisons.size(); ++i) {
      const auto& b = bh.segments()[s].comparisons[i].opportunity_test;
      const auto& h = holm.segments()[s].comparisons[i].opportunity_test;
      if (!b.has_value()) continue;
      ++tested;
      EXPECT_EQ(b->holm_adjusted_p_value, h->holm_adjusted_p_value);
      EXPECT_EQ(h->adjusted_p_value, h->holm_adjusted_p_value);
      EXPECT_LE(b->adjusted_p_value, b->holm_adjusted_p_value + 1e-12);
    }
  }
  EXPECT_GT(tested, 20u);

  jtbd::SegmentOptions segmenting;
  segmenting.k = 2;
  segmenting.min_attribute_count = 7;
  const jtbd::Segmentation segmentation =
      jtbd::SegmentSurveyFile(kSurvey, segmenting);
  EXPECT_EQ(segmentation.min_attribute_count(), 7u);
  EXPECT_EQ(segmentation.p_value_adjustment(), jtbd::PValueAdjustment::kHolm);
  // The example's attributes (segment, role, company size) are categories.
  EXPECT_TRUE(segmentation.set_aside_attributes().empty());
  for (const jtbd::SegmentProfile& profile : segmentation.segments()) {
    for (const auto& value : profile.overrepresented_attributes) {
      EXPECT_GE(value.segment_count, 7u);
      EXPECT_GT(value.fisher_p_value, value.test.p_value);
    }
  }
}

}  // namespace
