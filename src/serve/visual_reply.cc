#include "serve/visual_reply.h"

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "visual/html_report.h"
#include "visual/landscape_svg.h"
#include "visual/messages.h"

namespace jtbd {
namespace serve {
namespace {

// The q of `wanted` in a header of comma-separated ranges ("text/html;
// q=0.9"), compared case-insensitively; -1 when absent. `prefix_match`:
// "fr-CA" counts for "fr" (language ranges).
double QualityOf(absl::string_view header, absl::string_view wanted,
                 bool prefix_match) {
  double best = -1;
  for (absl::string_view range : absl::StrSplit(header, ',')) {
    std::vector<absl::string_view> parts = absl::StrSplit(range, ';');
    const std::string name =
        absl::AsciiStrToLower(absl::StripAsciiWhitespace(parts[0]));
    const bool match =
        name == wanted ||
        (prefix_match && absl::StartsWith(name, absl::StrCat(wanted, "-")));
    if (!match) continue;
    double q = 1;
    for (size_t i = 1; i < parts.size(); ++i) {
      absl::string_view parameter = absl::StripAsciiWhitespace(parts[i]);
      if (absl::ConsumePrefix(&parameter, "q=") ||
          absl::ConsumePrefix(&parameter, "Q=")) {
        if (!absl::SimpleAtod(parameter, &q) || !(q >= 0 && q <= 1)) q = 0;
      }
    }
    if (q > best) best = q;
  }
  return best;
}

}  // namespace

ReportView ViewFromHeaders(absl::string_view accept,
                           absl::string_view accept_language) {
  ReportView view;
  const double json = QualityOf(accept, "application/json", false);
  const double html = QualityOf(accept, "text/html", false);
  const double svg = QualityOf(accept, "image/svg+xml", false);
  if (html > 0 && html > json && html >= svg) {
    view.kind = ReportView::Kind::kHtml;
  } else if (svg > 0 && svg > json && svg > html) {
    view.kind = ReportView::Kind::kSvg;
  }
  const double french = QualityOf(accept_language, "fr", true);
  const double english = QualityOf(accept_language, "en", true);
  if (french > 0 && french > english) view.lang = "fr";
  return view;
}

JsonReply RenderForPeople(const v1::Report& report, const ReportView& view) {
  const absl::StatusOr<visual::Language> language =
      visual::ParseLanguage(view.lang);
  if (!language.ok()) return ErrorReply(language.status());
  absl::StatusOr<std::string> body;
  JsonReply reply;
  if (view.kind == ReportView::Kind::kSvg) {
    visual::LandscapeOptions options;
    options.language = *language;
    body = visual::RenderLandscapeSvg(report, options);
    reply.content_type = "image/svg+xml; charset=utf-8";
  } else {
    visual::HtmlOptions options;
    options.language = *language;
    body = visual::RenderHtmlReport(report, options);
    reply.content_type = "text/html; charset=utf-8";
  }
  if (!body.ok()) return ErrorReply(body.status());
  reply.status = 200;
  reply.body = *std::move(body);
  return reply;
}

JsonReply SectionsForPeople(const visual::ReportSections& sections,
                            const ReportView& view, JsonReply json) {
  if (view.kind != ReportView::Kind::kHtml) return json;
  const absl::StatusOr<visual::Language> language =
      visual::ParseLanguage(view.lang);
  if (!language.ok()) return ErrorReply(language.status());
  JsonReply reply;
  reply.status = 200;
  reply.content_type = "text/html; charset=utf-8";
  reply.body = visual::RenderSectionsPage(sections, *language);
  return reply;
}

}  // namespace serve
}  // namespace jtbd
