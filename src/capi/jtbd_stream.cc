// jtbd.h: jtbd_stream, a thin layer over stream::StreamScorer (its alerts
// are stream::StreamAlerts' wave comparison, handed out as a
// jtbd_wave_comparison with that handle's getters).
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "capi/capi_internal.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/stream.pb.h"
#include "stream/stream_alerts.h"
#include "stream/stream_file.h"
#include "stream/stream_scorer.h"

struct jtbd_stream {
  explicit jtbd_stream(jtbd::stream::StreamScorer value)
      : stream(std::move(value)) {}
  jtbd::stream::StreamScorer stream;
};

using jtbd::capi::CheckBytesArgument;
using jtbd::capi::CheckIndex;
using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::OutputText;
using jtbd::capi::PathArgument;
using jtbd::capi::Publish;
using jtbd::capi::SerializeToBuffer;

namespace {

// Scoring options for a stream: the defaults for NULL; segment_by refused
// (a stream keeps no respondent attributes).
absl::StatusOr<jtbd::v1::ScoringOptions> StreamScoring(
    const char* function, const jtbd_score_options* options) {
  jtbd::v1::ScoringOptions scoring;
  if (options != nullptr) scoring = options->options;
  if (!scoring.segment_by().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        function, ": a stream has no respondent attributes to segment by (\"",
        scoring.segment_by(), "\")"));
  }
  return scoring;
}

absl::Status Prefixed(const char* function, const absl::Status& status) {
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat(function, ": ", status.message()));
}

}  // namespace

extern "C" {

jtbd_error* jtbd_stream_create(const jtbd_aggregate* shape,
                               int64_t bucket_width_ms, uint32_t bucket_count,
                               int64_t half_life_ms, jtbd_stream** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "shape", shape));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    jtbd::v1::StreamOptions options;
    options.set_bucket_width_ms(bucket_width_ms);
    options.set_bucket_count(bucket_count);
    options.set_half_life_ms(half_life_ms);
    absl::StatusOr<jtbd::stream::StreamScorer> stream =
        jtbd::stream::StreamScorer::Create(
            shape->aggregate.scale(), shape->aggregate.outcomes(), options);
    if (!stream.ok()) return Prefixed(fn, stream.status());
    Publish(std::make_unique<jtbd_stream>(*std::move(stream)), out);
    return absl::OkStatus();
  });
}

void jtbd_stream_destroy(jtbd_stream* stream) { delete stream; }

jtbd_error* jtbd_stream_append(jtbd_stream* stream, int64_t timestamp_ms,
                               const uint8_t* importance,
                               const uint8_t* satisfaction, size_t count,
                               const double* weight) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "stream", stream));
    const size_t outcomes = stream->stream.shape().outcome_count();
    if (count != outcomes) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": count ", count, " is not the stream's ", outcomes,
          " outcomes (one rating per outcome, in the stream's order)"));
    }
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "importance", importance));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "satisfaction", satisfaction));
    std::optional<double> w;
    if (weight != nullptr) w = *weight;
    return Prefixed(
        fn, stream->stream.Append(timestamp_ms,
                                  absl::MakeConstSpan(importance, count),
                                  absl::MakeConstSpan(satisfaction, count), w));
  });
}

size_t jtbd_stream_outcome_count(const jtbd_stream* stream) {
  return stream == nullptr ? 0 : stream->stream.shape().outcome_count();
}

jtbd_error* jtbd_stream_outcome_id(const jtbd_stream* stream, size_t index,
                                   const char** id, size_t* id_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "stream", stream));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "id", id));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "id_len", id_len));
    const auto& outcomes = stream->stream.shape().outcomes();
    JTBD_CAPI_RETURN_IF_ERROR(CheckIndex(fn, "index", index, outcomes.size()));
    OutputText(outcomes[index].id, id, id_len);
    return absl::OkStatus();
  });
}

int64_t jtbd_stream_latest_ms(const jtbd_stream* stream) {
  if (stream == nullptr || !stream->stream.has_latest()) return -1;
  return stream->stream.latest_ms();
}

size_t jtbd_stream_buckets_held(const jtbd_stream* stream) {
  return stream == nullptr ? 0 : stream->stream.buckets_held();
}

jtbd_error* jtbd_stream_current(const jtbd_stream* stream,
                                jtbd_aggregate** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "stream", stream));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    absl::StatusOr<jtbd::Aggregate> current = stream->stream.Current();
    if (!current.ok()) return Prefixed(fn, current.status());
    Publish(std::make_unique<jtbd_aggregate>(*std::move(current)), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_stream_score(const jtbd_stream* stream,
                              const jtbd_score_options* score_options,
                              jtbd_report** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "stream", stream));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::ScoringOptions scoring,
                               StreamScoring(fn, score_options));
    auto report = std::make_unique<jtbd_report>();
    absl::StatusOr<jtbd::v1::Report> scored = stream->stream.Score(scoring);
    if (!scored.ok()) return Prefixed(fn, scored.status());
    report->report = *std::move(scored);
    Publish(std::move(report), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_stream_alerts(const jtbd_stream* stream,
                               const jtbd_score_options* score_options,
                               const jtbd_aggregate* reference,
                               jtbd_wave_comparison** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "stream", stream));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "reference", reference));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::ScoringOptions scoring,
                               StreamScoring(fn, score_options));
    if (scoring.screening().enabled()) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": screening needs respondents, which a stream does not keep"));
    }
    absl::StatusOr<jtbd::v1::StreamAlerts> alerts = jtbd::stream::StreamAlerts(
        stream->stream, reference->aggregate, scoring);
    if (!alerts.ok()) return Prefixed(fn, alerts.status());
    auto comparison = std::make_unique<jtbd_wave_comparison>();
    comparison->comparison = std::move(*alerts->mutable_comparison());
    Publish(std::move(comparison), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_stream_serialize(const jtbd_stream* stream,
                                  jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "stream", stream));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::unique_ptr<jtbd_buffer> buffer,
                               SerializeToBuffer(stream->stream.ToProto()));
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_stream_parse(const void* data, size_t size,
                              jtbd_stream** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckBytesArgument(fn, "data", data, size));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    absl::StatusOr<jtbd::stream::StreamScorer> stream =
        jtbd::stream::ParseStream(
            absl::string_view(static_cast<const char*>(data), size), fn);
    if (!stream.ok()) return stream.status();
    Publish(std::make_unique<jtbd_stream>(*std::move(stream)), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_stream_save_file(const jtbd_stream* stream, const char* path,
                                  size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "stream", stream));
    JTBD_CAPI_ASSIGN_OR_RETURN(const std::string file,
                               PathArgument(fn, path, path_len));
    return jtbd::stream::SaveStreamFile(stream->stream, file);
  });
}

jtbd_error* jtbd_stream_load_file(const char* path, size_t path_len,
                                  jtbd_stream** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(const std::string file,
                               PathArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::stream::StreamScorer stream,
                               jtbd::stream::LoadStreamFile(file));
    Publish(std::make_unique<jtbd_stream>(std::move(stream)), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
