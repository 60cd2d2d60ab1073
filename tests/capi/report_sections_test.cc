// jtbd_report_render_html_sections and jtbd_render_sections_html: the
// report with the forces, wave changes and roadmap sections, as `jtbd
// report --interviews --previous --initiatives` draws them (figures checked
// against each command's JSON in tests/cli/test_report_sections_cli.py);
// here the faces' own steps: the handles read, every option and refusal.
#include <memory>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct ForcesDestroy {
  void operator()(jtbd_forces_report* p) const {
    jtbd_forces_report_destroy(p);
  }
};
struct InterviewsDestroy {
  void operator()(jtbd_interviews* p) const { jtbd_interviews_destroy(p); }
};
struct RoadmapDestroy {
  void operator()(jtbd_roadmap* p) const { jtbd_roadmap_destroy(p); }
};
struct RoadmapOptionsDestroy {
  void operator()(jtbd_roadmap_options* p) const {
    jtbd_roadmap_options_destroy(p);
  }
};
struct ComparisonDestroy {
  void operator()(jtbd_wave_comparison* p) const {
    jtbd_wave_comparison_destroy(p);
  }
};

std::string Example(const char* name) {
  return std::string(JTBD_SOURCE_DIR) + "/examples/" + name;
}

std::unique_ptr<jtbd_forces_report, ForcesDestroy> Forces() {
  const std::string path = Example("interviews.csv");
  jtbd_interviews* raw = nullptr;
  EXPECT_THAT(Result(jtbd_interviews_read_file(nullptr, 0, path.data(),
                                               path.size(), &raw)),
              IsOk());
  std::unique_ptr<jtbd_interviews, InterviewsDestroy> interviews(raw);
  jtbd_forces_report* report = nullptr;
  EXPECT_THAT(Result(jtbd_forces_analyze(interviews.get(), nullptr, &report)),
              IsOk());
  return std::unique_ptr<jtbd_forces_report, ForcesDestroy>(report);
}

std::unique_ptr<jtbd_wave_comparison, ComparisonDestroy> Waves() {
  const std::string first = Example("survey.csv");
  const std::string second = Example("survey_wave2.csv");
  jtbd_wave_comparison* raw = nullptr;
  EXPECT_THAT(Result(jtbd_compare_survey_files(nullptr, nullptr, first.data(),
                                               first.size(), second.data(),
                                               second.size(), &raw)),
              IsOk());
  return std::unique_ptr<jtbd_wave_comparison, ComparisonDestroy>(raw);
}

std::unique_ptr<jtbd_roadmap, RoadmapDestroy> Roadmap() {
  jtbd_roadmap_options* raw_options = nullptr;
  EXPECT_THAT(Result(jtbd_roadmap_options_create(&raw_options)), IsOk());
  std::unique_ptr<jtbd_roadmap_options, RoadmapOptionsDestroy> options(
      raw_options);
  EXPECT_THAT(Result(jtbd_roadmap_options_set_budget(raw_options, 100)),
              IsOk());
  const std::string survey = Example("survey_wave2.csv");
  const std::string initiatives = Example("initiatives.csv");
  jtbd_roadmap* raw = nullptr;
  EXPECT_THAT(Result(jtbd_prioritize_survey_file(
                  nullptr, raw_options, survey.data(), survey.size(),
                  initiatives.data(), initiatives.size(), &raw)),
              IsOk());
  return std::unique_ptr<jtbd_roadmap, RoadmapDestroy>(raw);
}

Report Score() {
  const std::string path = Example("survey_wave2.csv");
  jtbd_report* report = nullptr;
  EXPECT_THAT(Result(jtbd_score_survey_file(nullptr, nullptr, path.data(),
                                            path.size(), &report)),
              IsOk());
  return Report(report);
}

jtbd_report_sections Sections() {
  jtbd_report_sections sections = {};
  sections.struct_size = sizeof(sections);
  return sections;
}

std::string Html(const jtbd_report* report, const jtbd_visual_options* options,
                 const jtbd_report_sections* sections) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(
      Result(jtbd_report_render_html_sections(report, options, sections, &raw)),
      IsOk());
  Buffer buffer(raw);
  return raw == nullptr ? "" : BufferBytes(raw);
}

TEST(ReportSectionsCapiTest, EachHandleAddsItsSection) {
  const Report report = Score();
  const auto forces = Forces();
  const auto waves = Waves();
  const auto roadmap = Roadmap();
  // No sections: the plain report, byte for byte.
  jtbd_buffer* raw = nullptr;
  ASSERT_THAT(Result(jtbd_report_render_html(report.get(), nullptr, &raw)),
              IsOk());
  Buffer plain(raw);
  EXPECT_EQ(Html(report.get(), nullptr, nullptr), BufferBytes(raw));
  jtbd_report_sections sections = Sections();
  EXPECT_EQ(Html(report.get(), nullptr, &sections), BufferBytes(raw));

  sections.forces = forces.get();
  std::string html = Html(report.get(), nullptr, &sections);
  EXPECT_THAT(html, HasSubstr("<section id=\"forces\">"));
  EXPECT_THAT(html, Not(HasSubstr("<section id=\"waves\">")));
  EXPECT_THAT(html, HasSubstr("Switching: 28 of 40"));
  sections.waves = waves.get();
  sections.roadmap = roadmap.get();
  html = Html(report.get(), nullptr, &sections);
  for (const char* id : {"forces", "waves", "roadmap"}) {
    EXPECT_THAT(html, HasSubstr(std::string("<section id=\"") + id + "\">"));
  }
  EXPECT_THAT(html, HasSubstr("data-initiative=\"parts_price_feed\""));
  jtbd_visual_options options = {};
  options.struct_size = sizeof(options);
  options.lang = "fr";
  options.lang_len = 2;
  html = Html(report.get(), &options, &sections);
  EXPECT_THAT(html, HasSubstr("Forces de changement"));
  EXPECT_THAT(html, HasSubstr("Feuille de route retenue"));
}

TEST(ReportSectionsCapiTest, SectionsAlone) {
  const auto roadmap = Roadmap();
  jtbd_report_sections sections = Sections();
  sections.roadmap = roadmap.get();
  jtbd_buffer* raw = nullptr;
  ASSERT_THAT(Result(jtbd_render_sections_html(nullptr, &sections, &raw)),
              IsOk());
  Buffer buffer(raw);
  const std::string html = BufferBytes(raw);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_THAT(html, HasSubstr("<section id=\"roadmap\">"));
  EXPECT_THAT(html, Not(HasSubstr("<section id=\"ranking\">")));
}

TEST(ReportSectionsCapiTest, Refusals) {
  const Report report = Score();
  jtbd_buffer* out = nullptr;
  jtbd_report_sections sections = Sections();
  EXPECT_THAT(Result(jtbd_render_sections_html(nullptr, &sections, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "no forces, waves or roadmap"));
  EXPECT_THAT(Result(jtbd_render_sections_html(nullptr, nullptr, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "sections"));
  sections.struct_size = 4;
  EXPECT_THAT(Result(jtbd_report_render_html_sections(report.get(), nullptr,
                                                      &sections, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "struct_size"));
  jtbd_visual_options options = {};
  options.struct_size = sizeof(options);
  options.fragment = 1;
  EXPECT_THAT(Result(jtbd_report_render_html_sections(report.get(), &options,
                                                      nullptr, &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "fragment"));
  EXPECT_THAT(
      Result(jtbd_report_render_html_sections(nullptr, nullptr, nullptr, &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "report"));
  EXPECT_EQ(out, nullptr);
}

}  // namespace
}  // namespace jtbd_test
