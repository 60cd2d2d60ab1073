// The forces, wave-changes and roadmap sections drawn from hand-made
// results: every text the results carry (initiative names, outcome ids and
// statements, segments, the model's note) comes out escaped, numbers in
// each language's notation, and the plain-words readings follow the
// figures. The figures of real results are checked against each command's
// JSON in tests/cli/test_report_sections_cli.py.
#include "visual/report_sections.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "visual/html_report.h"

namespace jtbd {
namespace visual {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kHostile[] = "<script>alert(\"x\")</script> & javascript:x";
constexpr char kEscaped[] =
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; javascript:x";

v1::ForcesReport HandForces() {
  v1::ForcesReport forces;
  forces.set_interview_count(1234);
  forces.set_switched_count(1000);
  forces.set_stayed_count(234);
  forces.set_confidence_level(0.95);
  v1::ForceSummary* push = forces.add_forces();
  push->set_force(v1::FORCE_PUSH);
  push->set_name("push");
  push->set_mention_count(10);
  push->set_prevalence(0.7051);
  push->mutable_prevalence_interval()->set_low(0.5);
  push->mutable_prevalence_interval()->set_high(0.8126);
  push->set_mean_intensity(2.26);
  push->mutable_mean_intensity_interval()->set_low(1.76);
  push->mutable_mean_intensity_interval()->set_high(2.75);
  v1::ForceComparison* comparison = forces.add_comparisons();
  comparison->set_force(v1::FORCE_PUSH);
  comparison->set_switcher_mean(2.5);
  comparison->set_stayer_mean(0.5);
  comparison->set_adjusted_p_value(0.0004);
  forces.mutable_balance()->set_agreement(0.825);
  forces.set_model_note(kHostile);
  return forces;
}

TEST(ReportSectionsTest, ForcesInBothNotationsAndEscaped) {
  const v1::ForcesReport forces = HandForces();
  const std::string english = ForcesSectionHtml(forces, Language::kEnglish);
  EXPECT_THAT(english, HasSubstr("1,234 switch interviews: 1,000 customers "
                                 "switched, 234 stayed."));
  EXPECT_THAT(english, HasSubstr("70.5%<span class=\"interval\">50%\xE2\x80\x93"
                                 "81.3%</span>"));
  EXPECT_THAT(english, HasSubstr("&lt; 0.001"));
  EXPECT_THAT(english, HasSubstr(kEscaped));  // the note: no model
  EXPECT_THAT(english, Not(HasSubstr("<script>")));
  const std::string french = ForcesSectionHtml(forces, Language::kFrench);
  EXPECT_THAT(french, HasSubstr("1\xE2\x80\xAF"
                                "234 entretiens"));
  EXPECT_THAT(french, HasSubstr("70,5\xE2\x80\xAF%"));
  EXPECT_THAT(french, HasSubstr("2,3<span class=\"interval\">1,8"));
  EXPECT_THAT(french, HasSubstr("Pouss\xC3\xA9"
                                "e de la situation"));
  EXPECT_THAT(ForcesSummaryHtml(forces, Language::kFrench),
              HasSubstr("82,5\xE2\x80\xAF%"));
}

TEST(ReportSectionsTest, ModelReadingFollowsTheIntervals) {
  v1::ForcesReport forces = HandForces();
  v1::PropensityReport* model = forces.mutable_model();
  model->set_auc(0.65);
  model->set_folds(5);
  model->set_brier_score(0.2);
  v1::ForceCoefficients* weights = model->mutable_coefficients();
  weights->mutable_push()->set_estimate(0.9);
  weights->mutable_push()->mutable_interval()->set_low(0.2);
  weights->mutable_push()->mutable_interval()->set_high(1.6);
  weights->mutable_anxiety()->set_estimate(-0.9);
  weights->mutable_anxiety()->mutable_interval()->set_low(-1.6);
  weights->mutable_anxiety()->mutable_interval()->set_high(-0.2);
  weights->mutable_pull()->mutable_interval()->set_low(-0.1);
  weights->mutable_pull()->mutable_interval()->set_high(0.1);
  const std::string html = ForcesSectionHtml(forces, Language::kEnglish);
  EXPECT_THAT(html, HasSubstr("tells switchers from stayers weakly: "
                              "cross-validated AUC 0.65"));
  EXPECT_THAT(html, HasSubstr("<tr data-force=\"push\"><td>Push of the "
                              "situation</td><td class=\"num\">0.90"));
  EXPECT_THAT(html, HasSubstr("0.90<span class=\"interval\">0.20\xE2\x80\x93"
                              "1.60</span></td><td>raises the odds"));
  EXPECT_THAT(html, HasSubstr("</td><td>lowers the odds"));
  EXPECT_THAT(html, HasSubstr("</td><td>effect unclear"));
  EXPECT_THAT(html, Not(HasSubstr(kEscaped)));  // a model: no note
}

TEST(ReportSectionsTest, WaveChangesEscapedSignedAndCounted) {
  v1::WaveComparison waves;
  waves.set_first_respondent_count(180);
  waves.set_second_respondent_count(2000);
  waves.set_family_size(6);
  for (int i = 0; i < 2; ++i) {
    v1::OutcomeChange* change = waves.add_changes();
    change->set_outcome_id(i == 0 ? kHostile : "quiet");
    change->set_statement(i == 0 ? kHostile : "");
    change->set_significant(i == 0);
    change->mutable_opportunity()->set_difference(4.56);
    change->mutable_opportunity()->set_significant(true);
    change->mutable_opportunity()->mutable_interval()->set_low(2.85);
    change->mutable_opportunity()->mutable_interval()->set_high(5.97);
    change->mutable_opportunity()->set_adjusted_p_value(0.0123);
    change->mutable_satisfaction()->set_difference(-0.04);
  }
  waves.add_one_wave_outcomes()->set_outcome_id(kHostile);
  const std::string html = WavesSectionHtml(waves, nullptr, Language::kFrench);
  EXPECT_THAT(html, HasSubstr("180 r\xC3\xA9pondants dans la vague "
                              "pr\xC3\xA9"
                              "c\xC3\xA9"
                              "dente, 2\xE2\x80\xAF"
                              "000 dans celle-ci. 1 r\xC3\xA9sultat sur 2 a "
                              "\xC3\xA9volu\xC3\xA9"));
  EXPECT_THAT(html, HasSubstr("<strong>+4,6</strong><span class=\"interval\">"
                              "2,9\xE2\x80\x93"
                              "6,0</span><span "
                              "class=\"interval\">p = 0,012</span>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">0,0<span"));  // no "-0,0"
  EXPECT_THAT(html, HasSubstr("data-outcome-id=\"" + std::string(kEscaped)));
  EXPECT_THAT(html, Not(HasSubstr("quiet")));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(WavesSummaryHtml(waves, Language::kEnglish),
              HasSubstr("1 outcome changed significantly"));
  EXPECT_THAT(WavesSummaryHtml(waves, Language::kFrench),
              HasSubstr("1 r\xC3\xA9sultat a \xC3\xA9volu\xC3\xA9"));
  // Two changes: the plural in both languages.
  waves.mutable_changes(1)->set_significant(true);
  EXPECT_THAT(WavesSectionHtml(waves, nullptr, Language::kFrench),
              HasSubstr("2 r\xC3\xA9sultats sur 2 ont \xC3\xA9volu\xC3\xA9"));
  EXPECT_THAT(WavesSummaryHtml(waves, Language::kFrench),
              HasSubstr("2 r\xC3\xA9sultats ont \xC3\xA9volu\xC3\xA9"));
  EXPECT_THAT(WavesSummaryHtml(waves, Language::kEnglish),
              HasSubstr("2 outcomes changed significantly"));
}

TEST(ReportSectionsTest, RoadmapEscapedWithStatementsFromTheReport) {
  v1::RoadmapReport roadmap;
  roadmap.set_budget(1500);
  roadmap.set_cost(1250.5);
  roadmap.set_value(22.85);
  roadmap.set_optimal(false);
  roadmap.set_gap(0.26);
  roadmap.add_selected_initiatives(kHostile);
  v1::InitiativeResult* result = roadmap.add_initiatives();
  result->set_initiative(kHostile);
  result->set_cost(1250.5);
  v1::MarginalValue* marginal = roadmap.add_marginal_values();
  marginal->set_initiative(kHostile);
  marginal->set_marginal_value(2.4);
  v1::OutcomeContribution* contribution = roadmap.add_contributions();
  contribution->set_outcome_id("o1");
  contribution->set_segment(kHostile);
  contribution->add_initiatives(kHostile);
  v1::Report report;
  v1::OutcomeScore* score = report.add_outcomes();
  score->set_outcome_id("o1");
  score->set_statement("Minimize the time <b>");
  const std::string html =
      RoadmapSectionHtml(roadmap, &report, Language::kEnglish);
  EXPECT_THAT(html, HasSubstr("Within a budget of 1,500, the best portfolio "
                              "is 1 initiative(s) costing 1,250.5, which "
                              "close 22.9 points"));
  EXPECT_THAT(html, HasSubstr("up to 0.3 points short"));
  EXPECT_THAT(html, HasSubstr("Minimize the time &lt;b&gt;"));
  EXPECT_THAT(html, HasSubstr("data-initiative=\"" + std::string(kEscaped)));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(RoadmapSummaryHtml(roadmap, Language::kFrench),
              HasSubstr(std::string(kEscaped) + " (co\xC3\xBBt 1\xE2\x80\xAF"
                                                "250,5)"));
  v1::RoadmapReport empty;
  empty.set_budget(5);
  EXPECT_THAT(RoadmapSectionHtml(empty, nullptr, Language::kEnglish),
              HasSubstr("No initiative fits within the budget of 5."));
}

TEST(ReportSectionsTest, ReportAndPageCarryTheSections) {
  const v1::ForcesReport forces = HandForces();
  HtmlOptions options;
  options.sections.forces = &forces;
  v1::Report report;
  const absl::StatusOr<std::string> html = RenderHtmlReport(report, options);
  ASSERT_TRUE(html.ok()) << html.status();
  EXPECT_THAT(*html, HasSubstr("<section id=\"forces\">"));
  EXPECT_THAT(*html, HasSubstr("Switching: 1,000 of 1,234"));
  EXPECT_LT(html->find("<section id=\"forces\">"),
            html->find("<section id=\"warnings\">"));
  const std::string page =
      RenderSectionsPage(options.sections, Language::kEnglish);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_THAT(page, HasSubstr("<section id=\"forces\">"));
  EXPECT_THAT(page, Not(HasSubstr("<section id=\"ranking\">")));
}

}  // namespace
}  // namespace visual
}  // namespace jtbd
