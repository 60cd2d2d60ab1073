// The C ABI of study designs: read and checked when given to score options
// (design/design_reader.h), attached by jtbd_score_survey[_file] through
// the pipeline, and the report's job-map coverage read back step by step.
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
using jtbd::capi::TextArgument;
using jtbd::capi::ZeroedStruct;

// The C enum mirrors jtbd.v1.UniversalStep value for value.
static_assert(static_cast<int>(JTBD_UNIVERSAL_STEP_CUSTOM) ==
              jtbd::v1::UNIVERSAL_STEP_UNSPECIFIED);
static_assert(static_cast<int>(JTBD_UNIVERSAL_STEP_DEFINE) ==
              jtbd::v1::UNIVERSAL_STEP_DEFINE);
static_assert(static_cast<int>(JTBD_UNIVERSAL_STEP_LOCATE) ==
              jtbd::v1::UNIVERSAL_STEP_LOCATE);
static_assert(static_cast<int>(JTBD_UNIVERSAL_STEP_PREPARE) ==
              jtbd::v1::UNIVERSAL_STEP_PREPARE);
static_assert(static_cast<int>(JTBD_UNIVERSAL_STEP_CONFIRM) ==
              jtbd::v1::UNIVERSAL_STEP_CONFIRM);
static_assert(static_cast<int>(JTBD_UNIVERSAL_STEP_EXECUTE) ==
              jtbd::v1::UNIVERSAL_STEP_EXECUTE);
static_assert(static_cast<int>(JTBD_UNIVERSAL_STEP_MONITOR) ==
              jtbd::v1::UNIVERSAL_STEP_MONITOR);
static_assert(static_cast<int>(JTBD_UNIVERSAL_STEP_MODIFY) ==
              jtbd::v1::UNIVERSAL_STEP_MODIFY);
static_assert(static_cast<int>(JTBD_UNIVERSAL_STEP_CONCLUDE) ==
              jtbd::v1::UNIVERSAL_STEP_CONCLUDE);

namespace {

// Checks `bytes` as a design now, so that a bad one is refused where it is
// given, then keeps it for the scoring calls.
absl::Status SetDesign(jtbd_score_options* options, std::string bytes,
                       std::string source) {
  const jtbd::ResourceLimits limits;
  const absl::StatusOr<jtbd::v1::StudyDesign> design =
      jtbd::design::ParseDesign(bytes, source,
                                jtbd::design::DesignFormat::kAuto, limits);
  if (!design.ok()) return design.status();
  options->design_bytes = std::move(bytes);
  options->design_source = std::move(source);
  return absl::OkStatus();
}

}  // namespace

jtbd_error* jtbd_score_options_set_design(jtbd_score_options* options,
                                          const char* data, size_t size,
                                          const char* source_name,
                                          size_t source_name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    if (size > 0) JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "data", data));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        std::string name,
        TextArgument(fn, "source_name", source_name, source_name_len));
    if (size == 0) {
      options->design_bytes.clear();
      options->design_source.clear();
      return absl::OkStatus();
    }
    return SetDesign(options, std::string(data, size),
                     name.empty() ? std::string("design") : std::move(name));
  });
}

jtbd_error* jtbd_score_options_set_design_file(jtbd_score_options* options,
                                               const char* path,
                                               size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                               PathArgument(fn, path, path_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        std::string bytes, jtbd::ReadInputBytes(jtbd::InputSource::File(file)));
    return SetDesign(options, std::move(bytes), std::move(file));
  });
}

size_t jtbd_report_coverage_step_count(const jtbd_report* report) {
  return report == nullptr ? 0 : report->report.coverage().steps_size();
}

jtbd_error* jtbd_report_coverage_step(const jtbd_report* report, size_t index,
                                      jtbd_step_coverage* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const jtbd::v1::JobMapCoverage& coverage = report->report.coverage();
    JTBD_CAPI_RETURN_IF_ERROR(CheckIndex(
        fn, "index", index, static_cast<size_t>(coverage.steps_size())));
    const jtbd::v1::StepCoverage& step =
        coverage.steps(static_cast<int>(index));
    jtbd_step_coverage full = ZeroedStruct<jtbd_step_coverage>();
    OutputText(step.step_id(), &full.step_id, &full.step_id_len);
    OutputText(step.name(), &full.name, &full.name_len);
    full.universal_step = static_cast<int32_t>(step.universal_step());
    full.outcome_count = step.outcome_count();
    full.scored_outcome_count = step.scored_outcome_count();
    full.underserved_count = step.underserved_count();
    full.overserved_count = step.overserved_count();
    full.all_underserved = step.all_underserved() ? 1 : 0;
    full.all_overserved = step.all_overserved() ? 1 : 0;
    full.most_opportunity =
        step.step_id() == coverage.most_opportunity_step_id() ? 1 : 0;
    full.has_max_opportunity = step.has_max_opportunity() ? 1 : 0;
    full.opportunity_excess = step.opportunity_excess();
    full.max_opportunity = step.max_opportunity();
    OutputText(step.top_outcome_id(), &full.top_outcome_id,
               &full.top_outcome_id_len);
    CopyOut(full, out);
    return absl::OkStatus();
  });
}
