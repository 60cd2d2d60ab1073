// jtbd.h: jtbd_aggregate, a thin layer over jtbd::Aggregate.
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "capi/capi_internal.h"
#include "core/aggregate.h"
#include "core/outcome.h"
#include "core/scale.h"
#include "core/scoring.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/aggregate.pb.h"

using jtbd::capi::CheckBytesArgument;
using jtbd::capi::CheckIndex;
using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::Publish;
using jtbd::capi::SerializeToBuffer;
using jtbd::capi::TextArgument;

namespace {

// Scale and outcomes may change only while nothing was counted. A parsed
// aggregate could hold cells without respondents, so cells are checked too.
absl::Status CheckStillEmpty(const char* function,
                             const jtbd::Aggregate& aggregate) {
  bool empty = aggregate.respondent_count() == 0;
  for (size_t i = 0; empty && i < aggregate.outcome_count(); ++i) {
    for (uint64_t cell : aggregate.Table(i)) {
      if (cell != 0) {
        empty = false;
        break;
      }
    }
  }
  if (empty) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      function, ": the aggregate already counts ", aggregate.respondent_count(),
      " respondents; declare the scale and outcomes before adding any"));
}

// The length of each rating matrix of `count` respondents.
absl::StatusOr<size_t> RatingCellCount(const char* function, size_t count,
                                       size_t outcomes) {
  if (outcomes != 0 && count > std::numeric_limits<size_t>::max() / outcomes) {
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": ", count, " respondents x ", outcomes,
                     " outcomes overflows size_t"));
  }
  return count * outcomes;
}

}  // namespace

namespace {

// The design set before the scale or an outcome was declared survives the
// rebuild (checked when set, so setting it again cannot fail).
void KeepDesign(const jtbd::Aggregate& from, jtbd::Aggregate* to) {
  if (from.design().has_value()) (void)to->SetDesign(*from.design());
}

}  // namespace

extern "C" {

jtbd_error* jtbd_aggregate_create(jtbd_aggregate** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Aggregate aggregate,
                               jtbd::Aggregate::Create(jtbd::Scale(), {}));
    Publish(std::make_unique<jtbd_aggregate>(std::move(aggregate)), out);
    return absl::OkStatus();
  });
}

void jtbd_aggregate_destroy(jtbd_aggregate* aggregate) { delete aggregate; }

jtbd_error* jtbd_aggregate_set_scale(jtbd_aggregate* aggregate, int32_t min,
                                     int32_t max, int32_t top_box_min) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    JTBD_CAPI_RETURN_IF_ERROR(CheckStillEmpty(fn, aggregate->aggregate));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Scale scale,
                               jtbd::Scale::Make(min, max, top_box_min));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        jtbd::Aggregate rebuilt,
        jtbd::Aggregate::Create(scale, aggregate->aggregate.outcomes()));
    KeepDesign(aggregate->aggregate, &rebuilt);
    aggregate->aggregate = std::move(rebuilt);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_aggregate_add_outcome(jtbd_aggregate* aggregate,
                                       const char* id, size_t id_len,
                                       const char* statement,
                                       size_t statement_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    jtbd::Outcome outcome;
    JTBD_CAPI_ASSIGN_OR_RETURN(outcome.id, TextArgument(fn, "id", id, id_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        outcome.statement,
        TextArgument(fn, "statement", statement, statement_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckStillEmpty(fn, aggregate->aggregate));
    // Aggregate::Create checks the id (non-empty, unique) for us.
    std::vector<jtbd::Outcome> outcomes = aggregate->aggregate.outcomes();
    outcomes.push_back(std::move(outcome));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        jtbd::Aggregate rebuilt,
        jtbd::Aggregate::Create(aggregate->aggregate.scale(),
                                std::move(outcomes)));
    KeepDesign(aggregate->aggregate, &rebuilt);
    aggregate->aggregate = std::move(rebuilt);
    return absl::OkStatus();
  });
}

size_t jtbd_aggregate_outcome_count(const jtbd_aggregate* aggregate) {
  return aggregate == nullptr ? 0 : aggregate->aggregate.outcome_count();
}

uint64_t jtbd_aggregate_respondent_count(const jtbd_aggregate* aggregate) {
  return aggregate == nullptr ? 0 : aggregate->aggregate.respondent_count();
}

jtbd_error* jtbd_aggregate_add_respondents(jtbd_aggregate* aggregate,
                                           size_t count,
                                           const uint8_t* importance,
                                           const uint8_t* satisfaction) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const size_t cells,
        RatingCellCount(fn, count, aggregate->aggregate.outcome_count()));
    if (cells > 0) {
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "importance", importance));
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "satisfaction", satisfaction));
    }
    return aggregate->aggregate.AddRespondents(
        count, absl::MakeConstSpan(importance, cells),
        absl::MakeConstSpan(satisfaction, cells));
  });
}

jtbd_error* jtbd_aggregate_add_weighted_respondents(jtbd_aggregate* aggregate,
                                                    size_t count,
                                                    const uint8_t* importance,
                                                    const uint8_t* satisfaction,
                                                    const double* weights) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const size_t cells,
        RatingCellCount(fn, count, aggregate->aggregate.outcome_count()));
    if (cells > 0) {
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "importance", importance));
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "satisfaction", satisfaction));
    }
    if (count > 0) {
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "weights", weights));
    }
    return aggregate->aggregate.AddWeightedRespondents(
        count, absl::MakeConstSpan(importance, cells),
        absl::MakeConstSpan(satisfaction, cells),
        absl::MakeConstSpan(weights, count));
  });
}

jtbd_error* jtbd_aggregate_merge(jtbd_aggregate* into,
                                 const jtbd_aggregate* from) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "into", into));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "from", from));
    if (into == from) {
      // Merging into itself doubles every count; copy so the core never
      // reads cells it is writing.
      const jtbd::Aggregate copy = from->aggregate;
      return into->aggregate.Merge(copy);
    }
    return into->aggregate.Merge(from->aggregate);
  });
}

jtbd_error* jtbd_aggregate_cell(const jtbd_aggregate* aggregate, size_t outcome,
                                int32_t importance, int32_t satisfaction,
                                uint64_t* count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "count", count));
    JTBD_CAPI_RETURN_IF_ERROR(CheckIndex(fn, "outcome", outcome,
                                         aggregate->aggregate.outcome_count()));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        uint64_t cell,
        aggregate->aggregate.Cell(outcome, importance, satisfaction));
    *count = cell;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_aggregate_serialize(const jtbd_aggregate* aggregate,
                                     jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        std::unique_ptr<jtbd_buffer> buffer,
        SerializeToBuffer(aggregate->aggregate.ToProto()));
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_aggregate_parse(const void* data, size_t size,
                                 jtbd_aggregate** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckBytesArgument(fn, "data", data, size));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    jtbd::v1::Aggregate proto;
    if (!proto.ParseFromArray(data, static_cast<int>(size))) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": the ", size, " bytes are not a serialized jtbd.v1.Aggregate"));
    }
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Aggregate aggregate,
                               jtbd::Aggregate::FromProto(proto));
    Publish(std::make_unique<jtbd_aggregate>(std::move(aggregate)), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_aggregate_score(const jtbd_aggregate* aggregate,
                                 const jtbd_score_options* options,
                                 jtbd_report** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    const jtbd::v1::ScoringOptions defaults;
    const jtbd::v1::ScoringOptions& scoring =
        options == nullptr ? defaults : options->options;
    // Segments need respondent attributes, which an aggregate no longer has;
    // ignoring segment_by would return a report without the segments asked
    // for.
    if (!scoring.segment_by().empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": an aggregate has no respondent attributes to segment by (\"",
          scoring.segment_by(), "\"); score a study for segments"));
    }
    auto report = std::make_unique<jtbd_report>();
    JTBD_CAPI_ASSIGN_OR_RETURN(
        report->report, jtbd::ScoreAggregate(aggregate->aggregate, scoring));
    Publish(std::move(report), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
