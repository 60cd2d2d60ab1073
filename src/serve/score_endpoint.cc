// POST /v1/score and GET /healthz as plain functions: what the sidecar
// computes, testable without sockets. Every request is independent (no state
// is shared between calls), so any number may run at once.
#include "serve/score_endpoint.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "core/scale.h"
#include "core/score_request.h"
#include "io/survey_reader.h"
#include "io/utf8.h"
#include "jtbd/jtbd.h"  // the version macros
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/score_survey.h"
#include "render/json_text.h"
#include "render/report_render.h"
#include "serve/score_protobuf.h"
#include "serve/visual_reply.h"

namespace jtbd {
namespace serve {
namespace {

constexpr absl::string_view kCsvMediaType = "text/csv";
constexpr absl::string_view kJsonMediaType = "application/json";

constexpr int kOk = 200;
constexpr int kBadRequest = 400;
constexpr int kPayloadTooLarge = 413;
constexpr int kUnsupportedMediaType = 415;
constexpr int kInternalError = 500;

struct CsvParams {
  std::string segment_by;
  ScaleParams scale;
  // A study design's text (CSV, or protobuf JSON), as `jtbd score --design`
  // reads a file; empty: none.
  std::string design;
};

// The CLI's flags as query parameters; anything else is refused rather than
// ignored, so a misspelt option never silently changes the numbers.
absl::StatusOr<CsvParams> ParseCsvParams(const QueryParams& params) {
  CsvParams parsed;
  for (auto it = params.begin(); it != params.end(); ++it) {
    const std::string& name = it->first;
    const std::string& value = it->second;
    absl::Status status = CheckGivenOnce(params, name);
    if (!status.ok()) return status;
    if (name == "segment_by") {
      if (value.empty()) return BadParam(name, value, "a column name");
      parsed.segment_by = value;
    } else if (name == "design") {
      if (value.empty()) return BadParam(name, value, "a study design");
      parsed.design = value;
    } else if (TakeScaleParam(name, value, &parsed.scale, &status)) {
      if (!status.ok()) return status;
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown query parameter \"", name,
          "\" (text/csv takes segment_by, scale, top_box and design)"));
    }
  }
  return parsed;
}

absl::StatusOr<v1::Report> ScoreCsv(absl::string_view body,
                                    const QueryParams& params,
                                    const ResourceLimits& limits) {
  absl::StatusOr<CsvParams> parsed = ParseCsvParams(params);
  if (!parsed.ok()) return parsed.status();
  absl::StatusOr<Scale> scale = ScaleFromParams(parsed->scale);
  if (!scale.ok()) return scale.status();
  SurveyScoringOptions options;
  options.scoring.set_segment_by(parsed->segment_by);
  if (!parsed->design.empty()) {
    options.design = InputSource::Bytes(parsed->design, "design");
  }
  // The default resamples, held to the limit as a JSON request's are;
  // before the body is read.
  absl::Status resamples = CheckBootstrapResamples(options.scoring, limits);
  if (!resamples.ok()) return resamples;
  ReadOptions read_options;
  read_options.scale = *scale;
  read_options.limits = limits;
  // By segment the body streams into per-segment aggregates: no
  // respondent is kept.
  return ScoreSurvey(InputSource::Bytes(body, std::string(kBodySourceName)),
                     read_options, options);
}

// What jtbd_score_request_json_with_limits does, with the same messages.
absl::StatusOr<v1::Report> ScoreJsonRequest(absl::string_view body,
                                            const QueryParams& params,
                                            const ResourceLimits& limits) {
  absl::Status no_params = RefuseQueryParams(params, kJsonMediaType);
  if (!no_params.ok()) return no_params;
  return ScoreRequestJson(body, limits, "the body");
}

}  // namespace

std::string JsonString(absl::string_view text) {
  std::string out = "\"";
  while (true) {
    const size_t bad = FindInvalidUtf8(text);
    if (bad == absl::string_view::npos) {
      render::AppendJsonEscaped(text, &out);
      break;
    }
    render::AppendJsonEscaped(text.substr(0, bad), &out);
    out.append("\\ufffd");
    text.remove_prefix(bad + 1);
  }
  out.push_back('"');
  return out;
}

JsonReply ErrorReply(int status, absl::string_view code,
                     absl::string_view message) {
  JsonReply reply;
  reply.status = status;
  reply.body = absl::StrCat("{\"error\":{\"code\":", JsonString(code),
                            ",\"message\":", JsonString(message), "}}\n");
  return reply;
}

JsonReply ErrorReply(const absl::Status& status) {
  int http_status = kInternalError;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kOutOfRange:
      http_status = kBadRequest;
      break;
    case absl::StatusCode::kResourceExhausted:
      http_status = kPayloadTooLarge;
      break;
    default:
      break;
  }
  return ErrorReply(http_status, absl::StatusCodeToString(status.code()),
                    status.message());
}

absl::Status RefuseQueryParams(const QueryParams& params,
                               absl::string_view media_type) {
  if (params.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "query parameter ", params.begin()->first, ": an ", media_type,
      " request carries its options in the body (ScoreRequest.options)"));
}

bool IsScoreMediaType(absl::string_view content_type) {
  const std::string media_type = MediaType(content_type);
  return media_type == kCsvMediaType || media_type == kJsonMediaType ||
         media_type == kProtobufMediaType;
}

JsonReply UnsupportedMediaType(absl::string_view content_type) {
  return ErrorReply(
      kUnsupportedMediaType, "INVALID_ARGUMENT",
      absl::StrCat("Content-Type \"", content_type,
                   "\": send text/csv (a survey file), application/json (a "
                   "jtbd.v1.ScoreRequest) or application/x-protobuf (a "
                   "serialized jtbd.v1.ScoreRequest)"));
}

JsonReply Score(absl::string_view content_type, absl::string_view body,
                const QueryParams& params, const ResourceLimits& limits) {
  return ScoreAs(content_type, body, params, limits, ReportView());
}

JsonReply ScoreAs(absl::string_view content_type, absl::string_view body,
                  const QueryParams& params, const ResourceLimits& limits,
                  const ReportView& view) {
  if (!IsScoreMediaType(content_type)) {
    return UnsupportedMediaType(content_type);
  }
  const std::string media_type = MediaType(content_type);
  // The server refuses larger bodies before reading them; this holds for
  // any caller.
  absl::Status size =
      CheckRequestBytes(body.size(), limits.max_request_bytes, "the body");
  if (!size.ok()) return ErrorReply(size);
  if (media_type == kProtobufMediaType) {
    return ScoreProtobufRequest(body, params, limits);
  }
  absl::StatusOr<v1::Report> report =
      media_type == kCsvMediaType ? ScoreCsv(body, params, limits)
                                  : ScoreJsonRequest(body, params, limits);
  if (!report.ok()) return ErrorReply(report.status());
  if (view.kind != ReportView::Kind::kJson) {
    return RenderForPeople(*report, view);
  }
  absl::StatusOr<std::string> json = RenderJson(*report);
  if (!json.ok()) return ErrorReply(json.status());
  JsonReply reply;
  reply.status = kOk;
  reply.body = *std::move(json);
  return reply;
}

JsonReply Health() {
  JsonReply reply;
  reply.status = kOk;
  reply.body = absl::StrFormat("{\"status\":\"ok\",\"version\":\"%d.%d.%d\"}\n",
                               JTBD_VERSION_MAJOR, JTBD_VERSION_MINOR,
                               JTBD_VERSION_PATCH);
  return reply;
}

}  // namespace serve
}  // namespace jtbd
