// jtbd.hpp restates no library default: options left unset call none of the
// C setters, so they score, read and segment exactly as the C ABI does with
// NULL options; and native() is const-correct.
#include <string>
#include <type_traits>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"
#include "jtbd/jtbd.hpp"

namespace {

template <typename T>
using NativeOf = decltype(std::declval<T>().native());

static_assert(std::is_same_v<NativeOf<const jtbd::Study&>, const jtbd_study*>);
static_assert(std::is_same_v<NativeOf<jtbd::Study&>, jtbd_study*>);
static_assert(
    std::is_same_v<NativeOf<const jtbd::Aggregate&>, const jtbd_aggregate*>);
static_assert(std::is_same_v<NativeOf<jtbd::Aggregate&>, jtbd_aggregate*>);
static_assert(std::is_same_v<NativeOf<const jtbd::SegmentModel&>,
                             const jtbd_segment_model*>);
static_assert(
    std::is_same_v<NativeOf<jtbd::SegmentModel&>, jtbd_segment_model*>);
static_assert(
    std::is_same_v<NativeOf<const jtbd::Limits&>, const jtbd_limits*>);
static_assert(std::is_same_v<NativeOf<jtbd::Limits&>, jtbd_limits*>);

// Renders what the C ABI gives for `call` (a jtbd_report** producer).
template <typename Call>
std::string CReportJson(Call call) {
  jtbd_report* report = nullptr;
  jtbd_error* error = call(&report);
  EXPECT_EQ(error, nullptr) << jtbd_error_message(error, nullptr);
  jtbd_error_free(error);
  return jtbd::Report::Adopt(report).Render(jtbd::Format::kJson);
}

const std::string& Survey() {
  static const std::string* const kSurvey = [] {
    auto* csv = new std::string(
        "respondent_id,role,duration,imp_a,sat_a,"
        "imp_b,sat_b,imp_c,sat_c\n");
    const char* const rows[] = {"5,1,4,2,3,3", "4,2,2,5,5,4", "5,5,1,1,2,4",
                                "2,4,5,1,4,2", "3,3,4,4,4,4", "1,5,5,2,3,1",
                                "4,1,3,3,5,2", "5,2,2,4,1,5"};
    int r = 0;
    for (const char* row : rows) {
      *csv += "r" + std::to_string(r) + (r % 2 == 0 ? ",lead," : ",crew,") +
              std::to_string(60 + 10 * r) + "," + row + "\n";
      ++r;
    }
    return csv;
  }();
  return *kSurvey;
}

TEST(CppDefaultsTest, UnsetReadAndScoreOptionsAreTheCDefaults) {
  const jtbd::Study study = jtbd::Study::ReadCsv(Survey(), "s.csv");
  jtbd_study* c_study = nullptr;
  ASSERT_EQ(jtbd_study_read_csv(nullptr, Survey().data(), Survey().size(),
                                "s.csv", 5, &c_study),
            nullptr);
  const jtbd::Study from_c(c_study);
  EXPECT_EQ(study.Serialize(), from_c.Serialize());

  EXPECT_EQ(study.Score().Render(jtbd::Format::kJson),
            CReportJson([&](jtbd_report** out) {
              return jtbd_study_score(study.native(), nullptr, out);
            }));
  const jtbd::Aggregate aggregate = study.ToAggregate();
  EXPECT_EQ(aggregate.Score().Render(jtbd::Format::kJson),
            CReportJson([&](jtbd_report** out) {
              return jtbd_aggregate_score(aggregate.native(), nullptr, out);
            }));
}

TEST(CppDefaultsTest, UnsetSegmentOptionsAreTheCDefaults) {
  const jtbd::Study study = jtbd::Study::ReadCsv(Survey(), "s.csv");
  const jtbd::Segmentation segmentation = jtbd::Segment(study);
  jtbd_segmentation* raw = nullptr;
  ASSERT_EQ(jtbd_study_segment(study.native(), nullptr, &raw), nullptr);
  jtbd_buffer* json = nullptr;
  ASSERT_EQ(jtbd_segmentation_render(raw, JTBD_FORMAT_JSON, &json), nullptr);
  const std::string from_c(
      reinterpret_cast<const char*>(jtbd_buffer_data(json)),
      jtbd_buffer_size(json));
  jtbd_buffer_free(json);
  jtbd_segmentation_destroy(raw);
  EXPECT_EQ(segmentation.Render(jtbd::Format::kJson), from_c);
  EXPECT_GE(segmentation.k(), 2u);
}

TEST(CppDefaultsTest, SetOptionsReachTheLibrary) {
  const jtbd::Study study = jtbd::Study::ReadCsv(Survey(), "s.csv");
  jtbd::ScoreOptions options;
  options.confidence_level = 0.9;
  options.bootstrap_resamples = 0;
  options.method = jtbd::ScoreMethod::kMean;
  const jtbd::Report report = study.Score(options);
  EXPECT_EQ(report.confidence_level(), 0.9);
  EXPECT_EQ(report.bootstrap_resamples(), 0u);
  EXPECT_EQ(report.score_method(), jtbd::ScoreMethod::kMean);

  jtbd::SegmentOptions segment;
  segment.k = 3;
  segment.starts = 2;
  segment.seed = 7;
  segment.scoring.bootstrap_resamples = 0;
  const jtbd::Segmentation three = jtbd::Segment(study, segment);
  EXPECT_EQ(three.k(), 3u);
  EXPECT_FALSE(three.k_chosen());
  EXPECT_EQ(three.starts(), 2u);
  EXPECT_EQ(three.seed(), 7u);
  EXPECT_EQ(three.segments().at(0).scores.bootstrap_resamples(), 0u);

  // imp_a is 5, 4, 5, 2, 3, 1, 4, 5: five top-box ratings on the default
  // rule (4-5), three when only 5 counts.
  const auto top_box_of_a = [](const jtbd::Report& scored) {
    for (const jtbd::OutcomeScore& score : scored.outcomes()) {
      if (score.outcome_id == "a") return score.importance_top_box_count;
    }
    ADD_FAILURE() << "no outcome a";
    return uint64_t{0};
  };
  EXPECT_EQ(top_box_of_a(study.Score()), 5u);
  jtbd::ReadOptions read;
  read.scale = jtbd::Scale{1, 5, 5};
  read.input_format = jtbd::InputFormat::kWide;
  EXPECT_EQ(top_box_of_a(jtbd::Study::ReadCsv(Survey(), "s.csv", read).Score()),
            3u);
}

}  // namespace
