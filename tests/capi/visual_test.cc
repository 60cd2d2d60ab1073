// jtbd_report_render_landscape and jtbd_report_render_html: the renderers
// of `jtbd landscape` and `jtbd report` (figures checked in
// tests/cli/test_landscape_cli.py), reached with every option and refusal.
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

Report ScoreBySegment() {
  jtbd_score_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
  ScoreOptions options(raw);
  EXPECT_THAT(Result(jtbd_score_options_set_segment_by(raw, "segment", 7)),
              IsOk());
  const std::string path =
      std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";
  jtbd_report* report = nullptr;
  EXPECT_THAT(Result(jtbd_score_survey_file(nullptr, raw, path.data(),
                                            path.size(), &report)),
              IsOk());
  return Report(report);
}

jtbd_visual_options Options() {
  jtbd_visual_options options = {};
  options.struct_size = sizeof(options);
  return options;
}

std::string Landscape(const jtbd_report* report,
                      const jtbd_visual_options* options) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_report_render_landscape(report, options, &raw)),
              IsOk());
  Buffer buffer(raw);
  return raw == nullptr ? "" : BufferBytes(raw);
}

size_t Count(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

TEST(VisualTest, LandscapeSeriesAndIntervals) {
  const Report report = ScoreBySegment();
  const size_t outcomes = jtbd_report_outcome_count(report.get());
  // Default: each segment (field, office).
  const std::string by_segment = Landscape(report.get(), nullptr);
  EXPECT_EQ(by_segment.rfind("<?xml", 0), 0u);
  EXPECT_EQ(Count(by_segment, "class=\"mark\""), 2 * outcomes);
  EXPECT_EQ(Count(by_segment, "class=\"whisker\""), 0u);
  jtbd_visual_options options = Options();
  options.series = JTBD_LANDSCAPE_SERIES_WHOLE_SAMPLE;
  options.intervals = 1;
  const std::string whole = Landscape(report.get(), &options);
  EXPECT_EQ(Count(whole, "class=\"mark\""), outcomes);
  EXPECT_EQ(Count(whole, "class=\"whisker\""), 2 * outcomes);
  options = Options();
  options.series = JTBD_LANDSCAPE_SERIES_SEGMENT;
  options.segment = "office";
  options.segment_len = 6;
  const std::string office = Landscape(report.get(), &options);
  EXPECT_EQ(Count(office, "class=\"mark\""), outcomes);
  EXPECT_EQ(Count(office, "data-segment=\"field\""), 0u);
  options.lang = "fr";
  options.lang_len = 2;
  EXPECT_NE(Landscape(report.get(), &options).find(">Surservi<"),
            std::string::npos);
}

TEST(VisualTest, Html) {
  const Report report = ScoreBySegment();
  jtbd_visual_options options = Options();
  options.lang = "fr";
  options.lang_len = 2;
  jtbd_buffer* raw = nullptr;
  ASSERT_THAT(Result(jtbd_report_render_html(report.get(), &options, &raw)),
              IsOk());
  Buffer html(raw);
  const std::string text = BufferBytes(raw);
  EXPECT_EQ(text.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0), 0u);
  EXPECT_EQ(text.find("<script"), std::string::npos);
  EXPECT_EQ(Count(text, "class=\"whisker\""), 0u);  // intervals = 0
  options.fragment = 1;
  raw = nullptr;
  ASSERT_THAT(Result(jtbd_report_render_html(report.get(), &options, &raw)),
              IsOk());
  Buffer fragment(raw);
  EXPECT_EQ(BufferBytes(raw).rfind("<div class=\"jtbd-report\"", 0), 0u);
  // NULL options: English, whiskers.
  raw = nullptr;
  ASSERT_THAT(Result(jtbd_report_render_html(report.get(), nullptr, &raw)),
              IsOk());
  Buffer defaults(raw);
  EXPECT_NE(BufferBytes(raw).find("<html lang=\"en\">"), std::string::npos);
  EXPECT_GT(Count(BufferBytes(raw), "class=\"whisker\""), 0u);
}

TEST(VisualTest, Refusals) {
  const Report report = ScoreBySegment();
  jtbd_buffer* out = nullptr;
  jtbd_visual_options options = Options();
  EXPECT_THAT(Result(jtbd_report_render_landscape(nullptr, &options, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_THAT(Result(jtbd_report_render_html(report.get(), &options, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  options.struct_size = 8;
  EXPECT_THAT(
      Result(jtbd_report_render_landscape(report.get(), &options, &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "options->struct_size is 8"));
  options = Options();
  options.series = 3;
  EXPECT_THAT(
      Result(jtbd_report_render_landscape(report.get(), &options, &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "options->series is 3"));
  options = Options();
  options.lang = "de";
  options.lang_len = 2;
  EXPECT_THAT(Result(jtbd_report_render_html(report.get(), &options, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "unknown language \"de\""));
  options = Options();
  options.series = JTBD_LANDSCAPE_SERIES_SEGMENT;
  options.segment = "retail";
  options.segment_len = 6;
  EXPECT_THAT(
      Result(jtbd_report_render_landscape(report.get(), &options, &out)),
      FailsWith(JTBD_NOT_FOUND, "no segment \"retail\""));
  options.segment = "\xFF";
  options.segment_len = 1;
  EXPECT_THAT(
      Result(jtbd_report_render_landscape(report.get(), &options, &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "options->segment"));
  options.segment = nullptr;
  options.segment_len = 3;
  EXPECT_THAT(
      Result(jtbd_report_render_landscape(report.get(), &options, &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "options->segment"));
  EXPECT_EQ(out, nullptr);  // written only on success
}

}  // namespace
}  // namespace jtbd_test
