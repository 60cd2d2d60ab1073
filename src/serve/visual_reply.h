// POST /v1/score for people: the HTTP headers that choose the report's
// form (Accept, Accept-Language) and the report rendered as the HTML
// report or the landscape SVG (src/visual), as `jtbd report` and `jtbd
// landscape` render it.
#ifndef JTBD_SERVE_VISUAL_REPLY_H_
#define JTBD_SERVE_VISUAL_REPLY_H_

#include "absl/strings/string_view.h"
#include "jtbd/v1/report.pb.h"
#include "serve/score_endpoint.h"
#include "visual/report_sections.h"

namespace jtbd {
namespace serve {

// The view an Accept header prefers among application/json, text/html and
// image/svg+xml: the highest q (RFC 9110 12.5.1; a missing q is 1, q=0
// refuses), ties going to JSON, then HTML, then SVG; wildcards (*/*,
// text/*) leave JSON. The language: "fr" when Accept-Language ranks
// French above English (same rules), else "en".
ReportView ViewFromHeaders(absl::string_view accept,
                           absl::string_view accept_language);

// The report rendered as `view` says: 200 with text/html or image/svg+xml
// (charset=utf-8), or ErrorReply when it cannot be drawn.
JsonReply RenderForPeople(const v1::Report& report, const ReportView& view);

// /v1/forces, /v1/compare and /v1/prioritize for people: the result's
// section of the HTML report as a standalone page (200, text/html) when
// `view` asks for HTML; `json` (the endpoint's own reply) otherwise.
JsonReply SectionsForPeople(const visual::ReportSections& sections,
                            const ReportView& view, JsonReply json);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_VISUAL_REPLY_H_
