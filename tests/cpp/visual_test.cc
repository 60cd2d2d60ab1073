// jtbd.hpp's Report::RenderLandscape and RenderHtml over the C ABI.
#include <string>

#include "gtest/gtest.h"
#include "jtbd/jtbd.h"
#include "jtbd/jtbd.hpp"

namespace {

const std::string kSurvey =
    std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv";

TEST(CppVisualTest, LandscapeAndHtml) {
  jtbd::ScoreOptions options;
  options.segment_by = "segment";
  const jtbd::Report report = jtbd::ScoreSurveyFile(kSurvey, options);
  const std::string svg = report.RenderLandscape();
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_EQ(svg.find("class=\"whisker\""), std::string::npos);
  jtbd::VisualOptions visual;
  visual.series = jtbd::VisualOptions::Series::kSegment;
  visual.segment = "field";
  visual.intervals = true;
  visual.lang = "fr";
  const std::string field = report.RenderLandscape(visual);
  EXPECT_NE(field.find("class=\"whisker\""), std::string::npos);
  EXPECT_EQ(field.find("data-segment=\"office\""), std::string::npos);
  const std::string html = report.RenderHtml();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(html.find("class=\"whisker\""), std::string::npos);
  visual.segment = "nobody";
  try {
    report.RenderLandscape(visual);
    FAIL() << "expected NOT_FOUND";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_NOT_FOUND);
  }
  EXPECT_THROW(jtbd::Report().RenderHtml(), jtbd::Error);
}

// RenderHtml(sections): the forces, wave changes and roadmap sections
// (figures checked in tests/cli/test_report_sections_cli.py).
TEST(CppVisualTest, HtmlWithSections) {
  const std::string examples = std::string(JTBD_SOURCE_DIR) + "/examples/";
  const jtbd::Report report =
      jtbd::ScoreSurveyFile(examples + "survey_wave2.csv");
  const jtbd::ForcesReport forces = jtbd::ForcesReport::Analyze(
      jtbd::Interviews::ReadFile(examples + "interviews.csv"));
  const jtbd::WaveComparison waves =
      jtbd::CompareSurveyFiles(kSurvey, examples + "survey_wave2.csv");
  jtbd::RoadmapOptions options;
  options.budget = 100;
  const jtbd::Roadmap roadmap = jtbd::Prioritize(
      examples + "survey_wave2.csv", examples + "initiatives.csv", options);
  EXPECT_EQ(report.RenderHtml(jtbd::ReportSections()), report.RenderHtml());
  jtbd::ReportSections sections;
  sections.forces = &forces;
  sections.waves = &waves;
  sections.roadmap = &roadmap;
  jtbd::VisualOptions visual;
  visual.lang = "fr";
  const std::string html = report.RenderHtml(sections, visual);
  for (const char* id : {"forces", "waves", "roadmap"}) {
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\">"),
              std::string::npos)
        << id;
  }
  EXPECT_NE(html.find("Feuille de route retenue"), std::string::npos);
  EXPECT_THROW(jtbd::Report().RenderHtml(sections), jtbd::Error);
}

}  // namespace
