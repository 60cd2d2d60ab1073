// Waves compared through jtbd.hpp: CompareWaves (aggregates),
// CompareSurveyFiles and CompareSurveys give `jtbd compare`'s comparison,
// read into plain values, and refusals throw jtbd::Error.
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

const std::string kFirst =
    std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
const std::string kSecond =
    std::string(JTBD_SOURCE_DIR) + "/examples/survey_wave2.csv";

std::string FileText(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(CppWavesTest, AggregatesFilesAndBytesAgree) {
  const jtbd::Aggregate first = jtbd::Aggregate::ReadCsvFile(kFirst);
  const jtbd::Aggregate second = jtbd::Aggregate::ReadCsvFile(kSecond);
  const jtbd::WaveComparison aggregates = jtbd::CompareWaves(first, second);
  const jtbd::WaveComparison files = jtbd::CompareSurveyFiles(kFirst, kSecond);
  const jtbd::WaveComparison bytes =
      jtbd::CompareSurveys(FileText(kFirst), "q1", FileText(kSecond), "q2");
  EXPECT_EQ(aggregates.Render(jtbd::Format::kJson),
            files.Render(jtbd::Format::kJson));
  EXPECT_EQ(bytes.Render(jtbd::Format::kCsv), files.Render(jtbd::Format::kCsv));
  EXPECT_EQ(files.first_respondent_count(), 180u);
  EXPECT_EQ(files.second_respondent_count(), 200u);
  EXPECT_EQ(files.p_value_adjustment(), jtbd::PValueAdjustment::kHolm);
  ASSERT_FALSE(files.changes().empty());
  const jtbd::OutcomeChange& change = files.changes().front();
  EXPECT_EQ(change.outcome_id, "o01");
  ASSERT_TRUE(change.opportunity.has_value());
  EXPECT_DOUBLE_EQ(change.opportunity->difference,
                   change.second.opportunity - change.first.opportunity);
  EXPECT_TRUE(files.segments().empty());
}

TEST(CppWavesTest, SegmentsAndOptions) {
  jtbd::ScoreOptions options;
  options.segment_by = "segment";
  options.p_value_adjustment = jtbd::PValueAdjustment::kBh;
  options.confidence_level = 0.9;
  const jtbd::WaveComparison comparison =
      jtbd::CompareSurveyFiles(kFirst, kSecond, options);
  EXPECT_EQ(comparison.segment_by(), "segment");
  EXPECT_DOUBLE_EQ(comparison.confidence_level(), 0.9);
  EXPECT_EQ(comparison.p_value_adjustment(), jtbd::PValueAdjustment::kBh);
  ASSERT_FALSE(comparison.segments().empty());
  for (const jtbd::SegmentChanges& segment : comparison.segments()) {
    EXPECT_FALSE(segment.name.empty());
    EXPECT_EQ(segment.changes.size(), comparison.changes().size());
  }
  EXPECT_THAT(comparison.Render(jtbd::Format::kTable), HasSubstr("segment"));
}

TEST(CppWavesTest, RefusalsThrow) {
  const jtbd::Aggregate first = jtbd::Aggregate::ReadCsvFile(kFirst);
  const jtbd::Aggregate second = jtbd::Aggregate::ReadCsvFile(kSecond);
  jtbd::ScoreOptions options;
  options.segment_by = "segment";
  try {
    jtbd::CompareWaves(first, second, options);
    FAIL() << "segment_by on aggregates was accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), HasSubstr("segment_by"));
  }
  EXPECT_THROW(jtbd::CompareSurveyFiles(kFirst, "/nonexistent.csv"),
               jtbd::Error);
  EXPECT_THROW(jtbd::WaveComparison().Render(jtbd::Format::kJson), jtbd::Error);
}

}  // namespace
