// POST /v1/compare as a plain function, like segment_endpoint.cc: the two
// waves taken out of one JSON body, the query parameters translated into
// `jtbd compare`'s options, the waves read and compared as the command
// does (pipeline/wave_read.h, waves/compare_waves.h), the comparison
// rendered as `jtbd compare --format json` renders it.
#include "serve/compare_endpoint.h"

#include <map>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/aggregate.h"
#include "core/scale.h"
#include "core/segmented_scoring.h"
#include "io/survey_reader.h"
#include "jtbd/v1/scoring.pb.h"
#include "jtbd/v1/waves.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/wave_read.h"
#include "render/wave_comparison_render.h"
#include "serve/json_inputs.h"
#include "serve/visual_reply.h"
#include "visual/report_sections.h"
#include "waves/compare_waves.h"

namespace jtbd {
namespace serve {
namespace {

constexpr absl::string_view kJsonMediaType = "application/json";
constexpr int kUnsupportedMediaType = 415;

struct CompareParams {
  v1::ScoringOptions options;
  ScaleParams scale;
};

absl::Status TakeCompareParam(const std::string& name, const std::string& value,
                              CompareParams* parsed) {
  absl::Status status;
  if (TakeScaleParam(name, value, &parsed->scale, &status)) return status;
  if (name == "segment_by") {
    if (value.empty()) return BadParam(name, value, "a column name");
    parsed->options.set_segment_by(value);
  } else if (name == "adjust") {
    if (value == "holm") {
      parsed->options.set_p_value_adjustment(v1::P_VALUE_ADJUSTMENT_HOLM);
    } else if (value == "bh") {
      parsed->options.set_p_value_adjustment(v1::P_VALUE_ADJUSTMENT_BH);
    } else {
      return BadParam(name, value, "holm or bh");
    }
  } else if (name == "confidence") {
    double level = 0;
    // Written so that NaN fails too.
    if (!absl::SimpleAtod(value, &level) || !(level > 0 && level < 1)) {
      return BadParam(name, value, "a level strictly between 0 and 1");
    }
    parsed->options.set_confidence_level(level);
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown query parameter \"", name,
        "\" (/v1/compare takes segment_by, adjust, confidence, scale and "
        "top_box)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<CompareParams> ParseCompareParams(const QueryParams& params) {
  CompareParams parsed;
  for (const auto& [name, value] : params) {
    absl::Status status = CheckGivenOnce(params, name);
    if (status.ok()) status = TakeCompareParam(name, value, &parsed);
    if (!status.ok()) return status;
  }
  return parsed;
}

absl::StatusOr<v1::WaveComparison> CompareBody(absl::string_view body,
                                               const QueryParams& params,
                                               const ResourceLimits& limits) {
  absl::StatusOr<CompareParams> parsed = ParseCompareParams(params);
  if (!parsed.ok()) return parsed.status();
  absl::StatusOr<Scale> scale = ScaleFromParams(parsed->scale);
  if (!scale.ok()) return scale.status();
  absl::StatusOr<std::map<std::string, std::string>> inputs =
      ReadJsonInputs(body, {"first", "second"});
  if (!inputs.ok()) return inputs.status();
  ReadOptions read_options;
  read_options.scale = *scale;
  read_options.limits = limits;
  const InputSource first = InputSource::Bytes(inputs->at("first"), "first");
  const InputSource second = InputSource::Bytes(inputs->at("second"), "second");
  const v1::ScoringOptions& options = parsed->options;
  if (options.segment_by().empty()) {
    absl::StatusOr<Aggregate> before = ReadWave(first, read_options);
    if (!before.ok()) return before.status();
    absl::StatusOr<Aggregate> after = ReadWave(second, read_options);
    if (!after.ok()) return after.status();
    return waves::CompareWaves(*before, *after, options);
  }
  absl::StatusOr<SegmentedAggregate> before =
      ReadSegmentedWave(first, read_options, options.segment_by());
  if (!before.ok()) return before.status();
  absl::StatusOr<SegmentedAggregate> after =
      ReadSegmentedWave(second, read_options, options.segment_by());
  if (!after.ok()) return after.status();
  return waves::CompareSegmentedWaves(*before, *after, options);
}

}  // namespace

bool IsCompareMediaType(absl::string_view content_type) {
  return MediaType(content_type) == kJsonMediaType;
}

JsonReply UnsupportedCompareMediaType(absl::string_view content_type) {
  return ErrorReply(
      kUnsupportedMediaType, "INVALID_ARGUMENT",
      absl::StrCat("Content-Type \"", content_type,
                   "\": /v1/compare reads application/json ({\"first\": "
                   "\"...\", \"second\": \"...\"})"));
}

JsonReply Compare(absl::string_view content_type, absl::string_view body,
                  const QueryParams& params, const ResourceLimits& limits) {
  return CompareAs(content_type, body, params, limits, ReportView());
}

JsonReply CompareAs(absl::string_view content_type, absl::string_view body,
                    const QueryParams& params, const ResourceLimits& limits,
                    const ReportView& view) {
  if (!IsCompareMediaType(content_type)) {
    return UnsupportedCompareMediaType(content_type);
  }
  absl::Status size =
      CheckRequestBytes(body.size(), limits.max_request_bytes, "the body");
  if (!size.ok()) return ErrorReply(size);
  absl::StatusOr<v1::WaveComparison> comparison =
      CompareBody(body, params, limits);
  if (!comparison.ok()) return ErrorReply(comparison.status());
  if (view.kind == ReportView::Kind::kHtml) {
    visual::ReportSections sections;
    sections.waves = &*comparison;
    return SectionsForPeople(sections, view, JsonReply());
  }
  absl::StatusOr<std::string> json = RenderWaveComparisonJson(*comparison);
  if (!json.ok()) return ErrorReply(json.status());
  JsonReply reply;
  reply.body = *std::move(json);
  return reply;
}

}  // namespace serve
}  // namespace jtbd
