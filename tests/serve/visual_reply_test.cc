// Accept and Accept-Language → the report's form, and /v1/score rendered
// for people without a socket.
#include "serve/visual_reply.h"

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "serve/score_endpoint.h"

namespace jtbd {
namespace serve {
namespace {

using Kind = ReportView::Kind;

TEST(ViewFromHeadersTest, PicksTheHighestQuality) {
  EXPECT_EQ(ViewFromHeaders("", "").kind, Kind::kJson);
  EXPECT_EQ(ViewFromHeaders("*/*", "").kind, Kind::kJson);
  EXPECT_EQ(ViewFromHeaders("text/*", "").kind, Kind::kJson);
  EXPECT_EQ(ViewFromHeaders("text/html", "").kind, Kind::kHtml);
  EXPECT_EQ(ViewFromHeaders("TEXT/HTML; charset=utf-8", "").kind, Kind::kHtml);
  EXPECT_EQ(ViewFromHeaders("image/svg+xml", "").kind, Kind::kSvg);
  EXPECT_EQ(ViewFromHeaders("application/json, text/html", "").kind,
            Kind::kJson);  // a tie goes to JSON
  EXPECT_EQ(ViewFromHeaders("application/json;q=0.5, text/html", "").kind,
            Kind::kHtml);
  EXPECT_EQ(ViewFromHeaders("text/html;q=0", "").kind, Kind::kJson);
  EXPECT_EQ(ViewFromHeaders("text/html;q=bad", "").kind, Kind::kJson);
  EXPECT_EQ(ViewFromHeaders("text/html;q=0.4, image/svg+xml;q=0.5", "").kind,
            Kind::kSvg);
  EXPECT_EQ(ViewFromHeaders("text/html", "fr").lang, "fr");
  EXPECT_EQ(ViewFromHeaders("text/html", "fr-CA,en;q=0.8").lang, "fr");
  EXPECT_EQ(ViewFromHeaders("text/html", "en,fr;q=0.8").lang, "en");
  EXPECT_EQ(ViewFromHeaders("text/html", "de").lang, "en");
  EXPECT_EQ(ViewFromHeaders("text/html", "francais").lang, "en");
}

std::string ReadExample() {
  std::ifstream file(std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(ScoreAsTest, HtmlAndSvgReplies) {
  const std::string body = ReadExample();
  ReportView view;
  view.kind = Kind::kHtml;
  view.lang = "fr";
  JsonReply reply = ScoreAs("text/csv", body, {}, ResourceLimits(), view);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(reply.body.rfind("<!DOCTYPE html>\n<html lang=\"fr\">", 0), 0u);
  view.kind = Kind::kSvg;
  reply = ScoreAs("text/csv", body, {}, ResourceLimits(), view);
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "image/svg+xml; charset=utf-8");
  EXPECT_EQ(reply.body.rfind("<?xml", 0), 0u);
  // Errors stay JSON.
  reply = ScoreAs("text/csv", "nonsense", {}, ResourceLimits(), view);
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.content_type, "application/json");
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
