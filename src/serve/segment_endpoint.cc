// POST /v1/segment as a plain function, like score_endpoint.cc: the query
// parameters translated into SegmentationOptions, the body segmented by the
// pipeline, the report rendered as `jtbd segment --format json` renders it.
#include "serve/segment_endpoint.h"

#include <cstdint>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/scale.h"
#include "core/score_request.h"
#include "io/survey_reader.h"
#include "jtbd/v1/segmentation.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/segment_survey.h"
#include "render/segmentation_render.h"
#include "segments/segmentation.h"

namespace jtbd {
namespace serve {
namespace {

constexpr absl::string_view kCsvMediaType = "text/csv";
constexpr int kUnsupportedMediaType = 415;

struct SegmentParams {
  v1::SegmentationOptions options;
  ScaleParams scale;
};

// A whole number for a count parameter; ranges are the library's to check
// (MakeSegmentationPlan names the option).
absl::Status TakeCount(const std::string& name, const std::string& value,
                       uint32_t* count) {
  if (!absl::SimpleAtoi(value, count)) {
    return BadParam(name, value, "a whole number");
  }
  return absl::OkStatus();
}

// One parameter into `parsed`; INVALID_ARGUMENT naming it when it is
// malformed or unknown.
absl::Status TakeSegmentParam(const std::string& name, const std::string& value,
                              SegmentParams* parsed) {
  v1::SegmentationOptions& options = parsed->options;
  uint32_t count = 0;
  absl::Status status;
  if (TakeScaleParam(name, value, &parsed->scale, &status)) return status;
  if (name == "k" || name == "min_k" || name == "max_k" || name == "starts" ||
      name == "threads" || name == "bootstrap") {
    status = TakeCount(name, value, &count);
    if (!status.ok()) return status;
    if (name == "k") options.set_k(count);
    if (name == "min_k") options.set_min_k(count);
    if (name == "max_k") options.set_max_k(count);
    if (name == "starts") options.set_starts(count);
    if (name == "threads") options.set_threads(count);
    if (name == "bootstrap") {
      options.mutable_scoring()->set_bootstrap_resamples(count);
    }
  } else if (name == "seed") {
    uint64_t seed = 0;
    if (!absl::SimpleAtoi(value, &seed)) {
      return BadParam(name, value, "a whole number from 0 to 2^64 - 1");
    }
    options.set_seed(seed);
  } else if (name == "feature") {
    if (value == "top-box") {
      options.set_feature(v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY);
    } else if (value == "ratings") {
      options.set_feature(v1::SEGMENT_FEATURE_RATING_OPPORTUNITY);
    } else {
      return BadParam(name, value, "top-box or ratings");
    }
  } else if (name == "pca") {
    if (value != "true" && value != "false") {
      return BadParam(name, value, "true or false");
    }
    options.set_principal_components(value == "true");
  } else if (name == "confidence") {
    double level = 0;
    // Written so that NaN fails too.
    if (!absl::SimpleAtod(value, &level) || !(level > 0 && level < 1)) {
      return BadParam(name, value, "a level strictly between 0 and 1");
    }
    options.mutable_scoring()->set_confidence_level(level);
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown query parameter \"", name,
        "\" (text/csv takes k, min_k, max_k, starts, seed, feature, pca, "
        "threads, confidence, bootstrap, scale and top_box)"));
  }
  return absl::OkStatus();
}

// `jtbd segment`'s flags as query parameters, refused rather than ignored
// when unknown, as /v1/score's are.
absl::StatusOr<SegmentParams> ParseSegmentParams(const QueryParams& params) {
  SegmentParams parsed;
  for (const auto& [name, value] : params) {
    absl::Status status = CheckGivenOnce(params, name);
    if (status.ok()) status = TakeSegmentParam(name, value, &parsed);
    if (!status.ok()) return status;
  }
  const v1::SegmentationOptions& options = parsed.options;
  if (options.k() != 0 && (options.min_k() != 0 || options.max_k() != 0)) {
    return absl::InvalidArgumentError(
        "query parameter k fixes the number of segments; min_k and max_k "
        "choose it (give one or the other)");
  }
  return parsed;
}

absl::StatusOr<v1::SegmentationReport> SegmentCsv(
    absl::string_view body, const QueryParams& params,
    const ResourceLimits& limits) {
  absl::StatusOr<SegmentParams> parsed = ParseSegmentParams(params);
  if (!parsed.ok()) return parsed.status();
  absl::StatusOr<Scale> scale = ScaleFromParams(parsed->scale);
  if (!scale.ok()) return scale.status();
  // Options before the body is read: their own refusals, then the
  // resamples (the default included) against the limit.
  if (absl::StatusOr<SegmentationPlan> plan =
          MakeSegmentationPlan(parsed->options);
      !plan.ok()) {
    return plan.status();
  }
  absl::Status resamples =
      CheckBootstrapResamples(parsed->options.scoring(), limits);
  if (!resamples.ok()) return resamples;
  ReadOptions read_options;
  read_options.scale = *scale;
  read_options.limits = limits;
  absl::StatusOr<Segmentation> segmentation =
      SegmentSurvey(InputSource::Bytes(body, std::string(kBodySourceName)),
                    read_options, parsed->options);
  if (!segmentation.ok()) return segmentation.status();
  return std::move(segmentation->report);
}

}  // namespace

bool IsSegmentMediaType(absl::string_view content_type) {
  return MediaType(content_type) == kCsvMediaType;
}

JsonReply UnsupportedSegmentMediaType(absl::string_view content_type) {
  return ErrorReply(kUnsupportedMediaType, "INVALID_ARGUMENT",
                    absl::StrCat("Content-Type \"", content_type,
                                 "\": /v1/segment reads text/csv (a survey "
                                 "file)"));
}

JsonReply Segment(absl::string_view content_type, absl::string_view body,
                  const QueryParams& params, const ResourceLimits& limits) {
  if (!IsSegmentMediaType(content_type)) {
    return UnsupportedSegmentMediaType(content_type);
  }
  // The server refuses larger bodies before reading them; this holds for
  // any caller.
  absl::Status size =
      CheckRequestBytes(body.size(), limits.max_request_bytes, "the body");
  if (!size.ok()) return ErrorReply(size);
  absl::StatusOr<v1::SegmentationReport> report =
      SegmentCsv(body, params, limits);
  if (!report.ok()) return ErrorReply(report.status());
  absl::StatusOr<std::string> json = RenderSegmentationJson(*report);
  if (!json.ok()) return ErrorReply(json.status());
  JsonReply reply;
  reply.body = *std::move(json);
  return reply;
}

}  // namespace serve
}  // namespace jtbd
