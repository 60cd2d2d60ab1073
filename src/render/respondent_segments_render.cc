#include "render/respondent_segments_render.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "render/proto_json.h"
#include "render/table_text.h"

namespace jtbd {

std::string RenderRespondentSegmentsTable(const RespondentSegments& respondents,
                                          uint32_t k) {
  constexpr absl::string_view kIdHeading = "Respondent";
  constexpr absl::string_view kSegmentHeading = "Segment";
  size_t id_width = kIdHeading.size();
  std::vector<std::string> ids;
  ids.reserve(respondents.size());
  // Sizes per segment; index 0 counts respondents not placed.
  std::vector<uint32_t> sizes(k + 1, 0);
  for (const v1::RespondentSegment& respondent : respondents) {
    ids.push_back(render::OneLine(respondent.respondent_id()));
    id_width = std::max(id_width, render::DisplayWidth(ids.back()));
    if (respondent.cluster() >= sizes.size()) {
      sizes.resize(respondent.cluster() + 1, 0);
    }
    ++sizes[respondent.cluster()];
  }
  std::string out = absl::StrCat(render::PadRight(kIdHeading, id_width), "  ",
                                 kSegmentHeading, "\n");
  for (int r = 0; r < respondents.size(); ++r) {
    const uint32_t cluster = respondents[r].cluster();
    absl::StrAppend(
        &out, render::PadRight(ids[r], id_width), "  ",
        absl::StrFormat(
            "%*s", static_cast<int>(kSegmentHeading.size()),
            cluster == 0 ? std::string("-") : absl::StrCat(cluster)),
        "\n");
  }
  absl::StrAppend(&out, "\n", respondents.size(),
                  respondents.size() == 1 ? " respondent" : " respondents",
                  ":");
  for (size_t s = 1; s < sizes.size(); ++s) {
    absl::StrAppend(&out, s == 1 ? " " : ", ", "segment ", s, ": ", sizes[s]);
  }
  if (sizes[0] > 0) {
    absl::StrAppend(&out, "; not placed (no usable answer): ", sizes[0]);
  }
  absl::StrAppend(&out, "\n");
  return out;
}

absl::StatusOr<std::string> RenderRespondentSegmentsJson(
    const RespondentSegments& respondents) {
  std::string out = "{\n  \"respondents\": [";
  for (int r = 0; r < respondents.size(); ++r) {
    absl::StatusOr<std::string> item = render::MessageJson(
        respondents[r], /*indented=*/false, "a respondent's segment");
    if (!item.ok()) return item.status();
    absl::StrAppend(&out, r == 0 ? "\n    " : ",\n    ", *item);
  }
  absl::StrAppend(&out, respondents.empty() ? "]\n}\n" : "\n  ]\n}\n");
  return out;
}

std::string RenderRespondentSegmentsCsv(const RespondentSegments& respondents) {
  // RFC 4180 ends every record with CRLF.
  constexpr absl::string_view kEnd = "\r\n";
  std::string out = absl::StrCat("respondent_id,cluster", kEnd);
  for (const v1::RespondentSegment& respondent : respondents) {
    absl::StrAppend(&out, render::CsvField(respondent.respondent_id()), ",",
                    respondent.cluster(), kEnd);
  }
  return out;
}

}  // namespace jtbd
