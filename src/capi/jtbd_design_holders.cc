// The C ABI of the designs studies and aggregates carry (core/study.h,
// core/aggregate.h: saved with them, attached to their reports), the
// design's own fields read from a copy (jtbd_design), and the id lists of a
// report's job-map coverage.
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "capi/capi_internal.h"
#include "design/design_reader.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/job.pb.h"
#include "jtbd/v1/report.pb.h"
#include "pipeline/input_source.h"

using jtbd::capi::CheckIndex;
using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::Guard;
using jtbd::capi::OutputText;
using jtbd::capi::PathArgument;
using jtbd::capi::Publish;
using jtbd::capi::TextArgument;
using jtbd::capi::ZeroedStruct;

// The C enum mirrors jtbd.v1.JobType value for value.
static_assert(static_cast<int>(JTBD_JOB_TYPE_UNSPECIFIED) ==
              jtbd::v1::JOB_TYPE_UNSPECIFIED);
static_assert(static_cast<int>(JTBD_JOB_TYPE_FUNCTIONAL) ==
              jtbd::v1::JOB_TYPE_FUNCTIONAL);
static_assert(static_cast<int>(JTBD_JOB_TYPE_EMOTIONAL) ==
              jtbd::v1::JOB_TYPE_EMOTIONAL);
static_assert(static_cast<int>(JTBD_JOB_TYPE_SOCIAL) ==
              jtbd::v1::JOB_TYPE_SOCIAL);

namespace {

// The design in `data` (size 0: none), read as jtbd_score_options_set_design
// reads it; the holder is changed only when it is accepted.
template <typename Holder>
absl::Status SetDesignBytes(const char* fn, Holder* holder, const char* data,
                            size_t size, const char* source_name,
                            size_t source_name_len) {
  if (size > 0) JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "data", data));
  JTBD_CAPI_ASSIGN_OR_RETURN(
      std::string name,
      TextArgument(fn, "source_name", source_name, source_name_len));
  if (size == 0) {
    holder->ClearDesign();
    return absl::OkStatus();
  }
  JTBD_CAPI_ASSIGN_OR_RETURN(
      jtbd::v1::StudyDesign design,
      jtbd::design::ParseDesign(absl::string_view(data, size),
                                name.empty() ? "design" : name));
  return holder->SetDesign(std::move(design));
}

template <typename Holder>
absl::Status SetDesignFile(const char* fn, Holder* holder, const char* path,
                           size_t path_len) {
  JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                             PathArgument(fn, path, path_len));
  JTBD_CAPI_ASSIGN_OR_RETURN(
      std::string bytes, jtbd::ReadInputBytes(jtbd::InputSource::File(file)));
  JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::v1::StudyDesign design,
                             jtbd::design::ParseDesign(bytes, file));
  return holder->SetDesign(std::move(design));
}

// *out = a copy of `design`, or NULL when there is none.
absl::Status CopyDesign(const char* fn,
                        const absl::optional<jtbd::v1::StudyDesign>& design,
                        jtbd_design** out) {
  JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
  *out = nullptr;
  if (!design.has_value()) return absl::OkStatus();
  auto copy = std::make_unique<jtbd_design>();
  copy->design = *design;
  Publish(std::move(copy), out);
  return absl::OkStatus();
}

const google::protobuf::RepeatedPtrField<std::string>* CoverageList(
    const jtbd::v1::JobMapCoverage& coverage, int32_t list) {
  switch (list) {
    case JTBD_COVERAGE_UNCOVERED_STEPS:
      return &coverage.uncovered_step_ids();
    case JTBD_COVERAGE_UNASSIGNED_OUTCOMES:
      return &coverage.unassigned_outcome_ids();
    case JTBD_COVERAGE_UNSCORED_OUTCOMES:
      return &coverage.unscored_outcome_ids();
    default:
      return nullptr;
  }
}

}  // namespace

extern "C" {

jtbd_error* jtbd_study_set_design(jtbd_study* study, const char* data,
                                  size_t size, const char* source_name,
                                  size_t source_name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    return SetDesignBytes(fn, &study->study, data, size, source_name,
                          source_name_len);
  });
}

jtbd_error* jtbd_study_set_design_file(jtbd_study* study, const char* path,
                                       size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    return SetDesignFile(fn, &study->study, path, path_len);
  });
}

jtbd_error* jtbd_aggregate_set_design(jtbd_aggregate* aggregate,
                                      const char* data, size_t size,
                                      const char* source_name,
                                      size_t source_name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    return SetDesignBytes(fn, &aggregate->aggregate, data, size, source_name,
                          source_name_len);
  });
}

jtbd_error* jtbd_aggregate_set_design_file(jtbd_aggregate* aggregate,
                                           const char* path, size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    return SetDesignFile(fn, &aggregate->aggregate, path, path_len);
  });
}

jtbd_error* jtbd_study_design(const jtbd_study* study, jtbd_design** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    return CopyDesign(fn, study->study.design(), out);
  });
}

jtbd_error* jtbd_aggregate_design(const jtbd_aggregate* aggregate,
                                  jtbd_design** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "aggregate", aggregate));
    return CopyDesign(fn, aggregate->aggregate.design(), out);
  });
}

jtbd_error* jtbd_report_design(const jtbd_report* report, jtbd_design** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    absl::optional<jtbd::v1::StudyDesign> design;
    if (report->report.has_design()) design = report->report.design();
    return CopyDesign(fn, design, out);
  });
}

void jtbd_design_free(jtbd_design* design) { delete design; }

jtbd_error* jtbd_design_get_job(const jtbd_design* design,
                                jtbd_design_job* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "design", design));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const jtbd::v1::Job& job = design->design.job();
    jtbd_design_job full = ZeroedStruct<jtbd_design_job>();
    OutputText(job.id(), &full.id, &full.id_len);
    OutputText(job.statement(), &full.statement, &full.statement_len);
    OutputText(job.executor(), &full.executor, &full.executor_len);
    full.type = static_cast<int32_t>(job.type());
    full.step_count = static_cast<size_t>(job.steps_size());
    full.outcome_count = static_cast<size_t>(design->design.outcomes_size());
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_design_get_step(const jtbd_design* design, size_t index,
                                 jtbd_design_step* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "design", design));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const jtbd::v1::Job& job = design->design.job();
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "index", index, static_cast<size_t>(job.steps_size())));
    const jtbd::v1::JobStep& step = job.steps(static_cast<int>(index));
    jtbd_design_step full = ZeroedStruct<jtbd_design_step>();
    OutputText(step.id(), &full.id, &full.id_len);
    OutputText(step.name(), &full.name, &full.name_len);
    full.universal_step = static_cast<int32_t>(step.universal_step());
    for (const jtbd::v1::DesiredOutcome& outcome : design->design.outcomes()) {
      if (outcome.job_step_id() == step.id()) ++full.outcome_count;
    }
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_design_get_outcome(const jtbd_design* design, size_t index,
                                    jtbd_design_outcome* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "design", design));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "index", index,
                   static_cast<size_t>(design->design.outcomes_size())));
    const jtbd::v1::DesiredOutcome& outcome =
        design->design.outcomes(static_cast<int>(index));
    jtbd_design_outcome full = ZeroedStruct<jtbd_design_outcome>();
    OutputText(outcome.id(), &full.id, &full.id_len);
    OutputText(outcome.statement(), &full.statement, &full.statement_len);
    OutputText(outcome.job_step_id(), &full.job_step_id, &full.job_step_id_len);
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

size_t jtbd_report_coverage_list_count(const jtbd_report* report,
                                       int32_t list) {
  if (report == nullptr) return 0;
  const auto* ids = CoverageList(report->report.coverage(), list);
  return ids == nullptr ? 0 : static_cast<size_t>(ids->size());
}

jtbd_error* jtbd_report_coverage_list_item(const jtbd_report* report,
                                           int32_t list, size_t index,
                                           const char** id, size_t* id_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "id", id));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "id_len", id_len));
    const auto* ids = CoverageList(report->report.coverage(), list);
    if (ids == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": list ", list, " is not a jtbd_coverage_list"));
    }
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckIndex(fn, "index", index, static_cast<size_t>(ids->size())));
    OutputText(ids->Get(static_cast<int>(index)), id, id_len);
    return absl::OkStatus();
  });
}

}  // extern "C"
