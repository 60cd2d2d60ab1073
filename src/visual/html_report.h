// A report as one self-contained HTML document for people who will never
// run a command: a summary in plain words (the most underserved outcomes,
// what is overserved, which segments differ and how), the landscape
// (inline SVG), the ranked table with bands and intervals, and, when the
// report has them, segments, competing solutions and screening, then the
// warnings. Inline CSS only: no script, no font, image or link to fetch, so
// the file opens offline and can be mailed; readable on a laptop and a
// phone, printable (print CSS with page breaks). English or French: every
// fixed text from messages.h, numbers in the language's notation.
#ifndef JTBD_VISUAL_HTML_REPORT_H_
#define JTBD_VISUAL_HTML_REPORT_H_

#include <string>

#include "absl/status/statusor.h"
#include "jtbd/v1/report.pb.h"
#include "visual/messages.h"
#include "visual/report_sections.h"

namespace jtbd {
namespace visual {

struct HtmlOptions {
  Language language = Language::kEnglish;
  // Whiskers on the landscapes.
  bool intervals = true;
  // A fragment for a page of its own (a notebook cell): the summary, the
  // landscape and the ranked table in one <div class="jtbd-report">, with
  // styles scoped to it; no document, head or page-wide styles.
  bool fragment = false;
  // The other analyses' results drawn after the report's own sections, and
  // named in its summary (not owned; the full document only).
  ReportSections sections;
};

// The document; INVALID_ARGUMENT when a score cannot be drawn (see
// RenderLandscapeSvg).
absl::StatusOr<std::string> RenderHtmlReport(const v1::Report& report,
                                             const HtmlOptions& options);

// A document of the given sections alone (the sidecar's HTML answer to
// /v1/forces, /v1/compare and /v1/prioritize): the report's styles, a
// title, the summary sentences, then the sections.
std::string RenderSectionsPage(const ReportSections& sections,
                               Language language);

}  // namespace visual
}  // namespace jtbd

#endif  // JTBD_VISUAL_HTML_REPORT_H_
