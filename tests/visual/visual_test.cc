// The visual layer on its own: escaping, locale-free numbers, the French
// and English notations, label placement, and the landscape's refusals.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "jtbd/v1/report.pb.h"
#include "visual/html_report.h"
#include "visual/label_placement.h"
#include "visual/landscape_svg.h"
#include "visual/markup.h"
#include "visual/messages.h"

namespace jtbd {
namespace visual {
namespace {

TEST(MarkupTest, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(EscapeMarkup("<script>a & \"b\" 'c'</script>"),
            "&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/script&gt;");
  EXPECT_EQ(EscapeMarkup("line\nbreak\ttab\x01"), "line break tab ");
  // Not UTF-8: one replacement character per bad byte; good text kept.
  EXPECT_EQ(EscapeMarkup("a\xFF"
                         "b\xC3\xA9"),
            "a\xEF\xBF\xBD"
            "b\xC3\xA9");
  // Overlong '<' and a surrogate are refused, not passed through.
  EXPECT_EQ(EscapeMarkup("\xC0\xBC"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(EscapeMarkup("\xED\xA0\x80"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(EscapeMarkup("\xEF\xBF\xBE"), "\xEF\xBF\xBD");  // U+FFFE
  EXPECT_EQ(EscapeMarkup("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");
}

TEST(MarkupTest, FixedNumbers) {
  EXPECT_EQ(Fixed(12.037, 2), "12.04");
  EXPECT_EQ(Fixed(0.125, 1), "0.1");  // round half to even on the binary value
  EXPECT_EQ(Fixed(-0.001, 2), "0.00");
  EXPECT_EQ(Fixed(-1.5, 1), "-1.5");
  EXPECT_EQ(Fixed(1e21, 0), "1000000000000000000000");
}

TEST(MessagesTest, NumbersInEachLanguage) {
  EXPECT_EQ(Number(Language::kEnglish, 1234567.25, 1), "1,234,567.2");
  EXPECT_EQ(Number(Language::kFrench, 1234567.25, 1),
            "1\xE2\x80\xAF"
            "234\xE2\x80\xAF"
            "567,2");
  EXPECT_EQ(Number(Language::kFrench, -16.9159, 1), "-16,9");
  EXPECT_EQ(Number(Language::kEnglish, 999, 0), "999");
  EXPECT_EQ(Count(Language::kFrench, 1000),
            "1\xE2\x80\xAF"
            "000");
  EXPECT_EQ(Count(Language::kEnglish, 1000000), "1,000,000");
  EXPECT_EQ(Percent(Language::kEnglish, 0.95), "95%");
  EXPECT_EQ(Percent(Language::kFrench, 0.975), "97,5\xE2\x80\xAF%");
  EXPECT_EQ(BandText(Language::kFrench, v1::BAND_EXTREME), "extr\xC3\xAAme");
  EXPECT_EQ(BandText(Language::kEnglish, v1::BAND_TABLE_STAKES),
            "table stakes");
  EXPECT_FALSE(ParseLanguage("de").ok());
  EXPECT_EQ(*ParseLanguage(""), Language::kEnglish);
}

TEST(LabelPlacementTest, PlacedLabelsNeverOverlapAnythingAndStayInside) {
  std::mt19937 rng(17);
  std::uniform_real_distribution<double> coordinate(0, 300);
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 150; ++i) {
    requests.push_back(LabelRequest{coordinate(rng), coordinate(rng),
                                    TextWidth(std::to_string(i + 1), 11) + 2,
                                    13});
  }
  const Box obstacle{100, 100, 50, 20};
  const Box bounds{0, 0, 300, 300};
  const double radius = 7;
  const std::vector<PlacedLabel> placed =
      PlaceLabels(requests, radius, {obstacle}, bounds);
  ASSERT_EQ(placed.size(), requests.size());
  int count = 0;
  for (size_t i = 0; i < placed.size(); ++i) {
    if (!placed[i].placed) continue;
    ++count;
    const Box& box = placed[i].box;
    EXPECT_GE(box.x, 0);
    EXPECT_LE(box.x + box.width, 300);
    EXPECT_FALSE(Overlaps(box, obstacle));
    for (const LabelRequest& mark : requests) {
      EXPECT_FALSE(Overlaps(
          box, Box{mark.x - radius, mark.y - radius, 2 * radius, 2 * radius}));
    }
    for (size_t j = i + 1; j < placed.size(); ++j) {
      if (placed[j].placed) {
        EXPECT_FALSE(Overlaps(box, placed[j].box));
      }
    }
  }
  EXPECT_GT(count, 30);  // crowded, yet many still get a label
  // The same input, the same placement.
  const std::vector<PlacedLabel> again =
      PlaceLabels(requests, radius, {obstacle}, bounds);
  for (size_t i = 0; i < placed.size(); ++i) {
    EXPECT_EQ(again[i].placed, placed[i].placed);
    EXPECT_EQ(again[i].box.x, placed[i].box.x);
    EXPECT_EQ(again[i].box.y, placed[i].box.y);
  }
}

v1::Report ReportOf(int outcomes) {
  v1::Report report;
  report.set_confidence_level(0.95);
  for (int i = 0; i < outcomes; ++i) {
    v1::OutcomeScore* score = report.add_outcomes();
    score->set_outcome_id("o" + std::to_string(i + 1));
    score->set_statement("Minimize the time it takes to do step " +
                         std::to_string(i + 1) + " of the job");
    score->set_importance((i * 37 % 100) / 10.0);
    score->set_satisfaction((i * 53 % 100) / 10.0);
    score->set_importance_count(100);
    score->set_satisfaction_count(100);
    score->set_rank(i + 1);
  }
  return report;
}

TEST(LandscapeTest, CrowdedReportsGetANumberedLegendOfEveryOutcome) {
  const v1::Report report = ReportOf(150);
  const absl::StatusOr<std::string> svg =
      RenderLandscapeSvg(report, LandscapeOptions());
  ASSERT_TRUE(svg.ok()) << svg.status();
  size_t entries = 0;
  for (size_t at = svg->find("class=\"legend-entry\""); at != std::string::npos;
       at = svg->find("class=\"legend-entry\"", at + 1)) {
    ++entries;
  }
  EXPECT_EQ(entries, 150u);
  // Deterministic.
  EXPECT_EQ(*svg, *RenderLandscapeSvg(report, LandscapeOptions()));
}

TEST(LandscapeTest, Refusals) {
  v1::Report report = ReportOf(3);
  LandscapeOptions options;
  options.series = LandscapeOptions::Series::kOneSegment;
  options.segment = "missing";
  EXPECT_EQ(RenderLandscapeSvg(report, options).status().code(),
            absl::StatusCode::kNotFound);
  report.mutable_outcomes(1)->set_importance(11);
  EXPECT_EQ(RenderLandscapeSvg(report, LandscapeOptions()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(HtmlReportTest, FrenchNumbersAndNoActiveContent) {
  v1::Report report = ReportOf(5);
  report.mutable_outcomes(0)->set_statement("<script>alert(1)</script> & co");
  HtmlOptions options;
  options.language = Language::kFrench;
  const absl::StatusOr<std::string> html = RenderHtmlReport(report, options);
  ASSERT_TRUE(html.ok()) << html.status();
  EXPECT_EQ(html->find("<script"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
            std::string::npos);
  EXPECT_NE(html->find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_EQ(html->find("http://"), std::string::npos);
  EXPECT_EQ(html->find("https://"), std::string::npos);
}

}  // namespace
}  // namespace visual
}  // namespace jtbd
