// jtbd.h: switching forces (jtbd_interviews_*, jtbd_forces_options_*,
// jtbd_forces_analyze, jtbd_forces_report_*, jtbd_propensity_model_*): the
// translation of `jtbd forces` (src/forces: ReadInterviews*,
// AnalyzeForces, PropensityModel), so that a C caller gets the same report,
// model and refusals; and the one-deal prediction a CRM calls.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "capi/capi_internal.h"
#include "forces/forces_analysis.h"
#include "forces/interview_forces.h"
#include "forces/interview_reader.h"
#include "forces/propensity_model.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/forces.pb.h"
#include "render/forces_render.h"

struct jtbd_interviews {
  // Ids, solutions and attribute values handed out point into this message.
  jtbd::v1::SwitchInterviews interviews;
};

struct jtbd_forces_options {
  jtbd::forces::ForcesAnalysisOptions options;
};

struct jtbd_propensity_model {
  explicit jtbd_propensity_model(jtbd::forces::PropensityModel value)
      : model(std::move(value)) {}
  jtbd::forces::PropensityModel model;
};

using jtbd::capi::CheckBytesArgument;
using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::ElementAt;
using jtbd::capi::Guard;
using jtbd::capi::OutputText;
using jtbd::capi::PathArgument;
using jtbd::capi::Publish;
using jtbd::capi::SerializeToBuffer;
using jtbd::capi::TextArgument;
using jtbd::capi::ZeroedStruct;

static_assert(static_cast<int>(JTBD_FORCE_UNSPECIFIED) ==
                      static_cast<int>(jtbd::v1::FORCE_UNSPECIFIED) &&
                  static_cast<int>(JTBD_FORCE_PUSH) ==
                      static_cast<int>(jtbd::v1::FORCE_PUSH) &&
                  static_cast<int>(JTBD_FORCE_PULL) ==
                      static_cast<int>(jtbd::v1::FORCE_PULL) &&
                  static_cast<int>(JTBD_FORCE_ANXIETY) ==
                      static_cast<int>(jtbd::v1::FORCE_ANXIETY) &&
                  static_cast<int>(JTBD_FORCE_HABIT) ==
                      static_cast<int>(jtbd::v1::FORCE_HABIT),
              "jtbd_force mirrors jtbd.v1.Force");
static_assert(static_cast<int>(JTBD_SWITCH_OUTCOME_UNSPECIFIED) ==
                      static_cast<int>(jtbd::v1::SWITCH_OUTCOME_UNSPECIFIED) &&
                  static_cast<int>(JTBD_SWITCH_OUTCOME_SWITCHED) ==
                      static_cast<int>(jtbd::v1::SWITCH_OUTCOME_SWITCHED) &&
                  static_cast<int>(JTBD_SWITCH_OUTCOME_STAYED) ==
                      static_cast<int>(jtbd::v1::SWITCH_OUTCOME_STAYED),
              "jtbd_switch_outcome mirrors jtbd.v1.SwitchOutcome");

namespace {

constexpr uint32_t kKnownFlags = JTBD_INTERVIEWS_OPEN;
constexpr uint32_t kMaxIntensity = 5;

// The interview read options of C read options and flags. Only the limits
// apply to interviews: a survey setting would be silently ignored, so it is
// refused instead, naming it.
absl::StatusOr<jtbd::forces::InterviewReadOptions> InterviewOptions(
    const char* function, const jtbd_read_options* read_options,
    uint32_t flags) {
  if ((flags & ~kKnownFlags) != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(function, ": flags ", flags,
                     " has bits that are not jtbd_interviews_flag values"));
  }
  jtbd::forces::InterviewReadOptions options;
  options.require_outcome = (flags & JTBD_INTERVIEWS_OPEN) == 0;
  if (read_options == nullptr) return options;
  const jtbd::ReadOptions& read = read_options->options;
  const jtbd::Scale defaults;
  const char* survey_setting = nullptr;
  if (read.scale.min != defaults.min || read.scale.max != defaults.max ||
      read.scale.top_box_min != defaults.top_box_min) {
    survey_setting = "a scale";
  } else if (read.format != jtbd::InputFormat::kAuto) {
    survey_setting = "an input format";
  } else if (!read.importance_questions.empty() ||
             !read.satisfaction_questions.empty()) {
    survey_setting = "questions";
  } else if (read_options->labels.kind != jtbd::capi::MapSource::Kind::kNone) {
    survey_setting = "labels";
  } else if (read_options->survey_map.kind !=
             jtbd::capi::MapSource::Kind::kNone) {
    survey_setting = "a survey map";
  } else if (!read.weight_column.empty()) {
    survey_setting = "a weight column";
  } else if (!read.duration_column.empty()) {
    survey_setting = "a duration column";
  } else if (read_options->outcome_descriptions.kind !=
             jtbd::capi::MapSource::Kind::kNone) {
    survey_setting = "outcome descriptions";
  }
  if (survey_setting != nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        function, ": read_options set ", survey_setting,
        ", which interviews do not use (only the limits apply to them)"));
  }
  options.limits = read.limits;
  return options;
}

absl::StatusOr<uint32_t> RequireOutcomeFlag(const char* function,
                                            uint32_t flags) {
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::forces::InterviewReadOptions options,
                             InterviewOptions(function, nullptr, flags));
  return options.require_outcome ? 1u : 0u;
}

absl::Status PublishInterviews(absl::StatusOr<jtbd::v1::SwitchInterviews> read,
                               jtbd_interviews** out) {
  if (!read.ok()) return read.status();
  auto interviews = std::make_unique<jtbd_interviews>();
  interviews->interviews = *std::move(read);
  Publish(std::move(interviews), out);
  return absl::OkStatus();
}

jtbd_model_coefficient ToC(const jtbd::v1::ModelCoefficient& coefficient) {
  jtbd_model_coefficient c = ZeroedStruct<jtbd_model_coefficient>();
  c.estimate = coefficient.estimate();
  c.standard_error = coefficient.standard_error();
  c.interval.low = coefficient.interval().low();
  c.interval.high = coefficient.interval().high();
  return c;
}

jtbd_force_summary ToC(const jtbd::v1::ForceSummary& summary) {
  jtbd_force_summary c = ZeroedStruct<jtbd_force_summary>();
  c.force = static_cast<int32_t>(summary.force());
  OutputText(summary.name(), &c.name, &c.name_len);
  c.interview_count = summary.interview_count();
  c.mention_count = summary.mention_count();
  c.prevalence = summary.prevalence();
  c.prevalence_interval.low = summary.prevalence_interval().low();
  c.prevalence_interval.high = summary.prevalence_interval().high();
  c.mean_intensity = summary.mean_intensity();
  if (summary.has_mean_intensity_interval()) {
    c.has_mean_intensity_interval = 1;
    c.mean_intensity_interval.low = summary.mean_intensity_interval().low();
    c.mean_intensity_interval.high = summary.mean_intensity_interval().high();
  }
  return c;
}

jtbd_force_prediction ToC(const jtbd::v1::ForcePrediction& prediction) {
  jtbd_force_prediction c = ZeroedStruct<jtbd_force_prediction>();
  c.probability = prediction.probability();
  c.log_odds = prediction.log_odds();
  c.push = prediction.contributions().push();
  c.pull = prediction.contributions().pull();
  c.anxiety = prediction.contributions().anxiety();
  c.habit = prediction.contributions().habit();
  c.segment = prediction.segment_contribution();
  return c;
}

// The analysis needs what happened to every interview; open ones (read
// with JTBD_INTERVIEWS_OPEN) can only be scored.
absl::Status CheckOutcomes(const char* function,
                           const jtbd::v1::SwitchInterviews& interviews) {
  for (int i = 0; i < interviews.interviews_size(); ++i) {
    const jtbd::v1::SwitchInterview& interview = interviews.interviews(i);
    if (interview.outcome() == jtbd::v1::SWITCH_OUTCOME_UNSPECIFIED) {
      return absl::FailedPreconditionError(absl::StrCat(
          function, ": interviews[", i, "] (\"", interview.id(),
          "\") has no outcome: open interviews can be scored with a model "
          "(jtbd_propensity_model_predict_interview), not analyzed"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckIntensity(const char* function, const char* argument,
                            uint32_t intensity) {
  if (intensity <= kMaxIntensity) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(function, ": ", argument, " is ", intensity,
                   "; expected an intensity from 0 (not mentioned) to 5"));
}

absl::StatusOr<const jtbd::v1::ForceGroup*> Segment(
    const char* function, const jtbd_forces_report& report, size_t segment) {
  return ElementAt(function, "segment", report.report.segments(), segment);
}

}  // namespace

extern "C" {

jtbd_error* jtbd_interviews_read_csv(const jtbd_read_options* read_options,
                                     uint32_t flags, const char* data,
                                     size_t size, const char* source_name,
                                     size_t source_name_len,
                                     jtbd_interviews** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckBytesArgument(fn, "data", data, size));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const std::string name,
        TextArgument(fn, "source_name", source_name, source_name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::forces::InterviewReadOptions options,
                               InterviewOptions(fn, read_options, flags));
    return PublishInterviews(
        jtbd::forces::ReadInterviewsCsv(
            absl::string_view(data, size),
            name.empty() ? absl::string_view("<memory>") : name, options),
        out);
  });
}

jtbd_error* jtbd_interviews_read_file(const jtbd_read_options* read_options,
                                      uint32_t flags, const char* path,
                                      size_t path_len, jtbd_interviews** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                               PathArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::forces::InterviewReadOptions options,
                               InterviewOptions(fn, read_options, flags));
    // "-" is a file of that name here: a library never reads stdin.
    if (file == "-") file = "./-";
    return PublishInterviews(jtbd::forces::ReadInterviewsFile(file, options),
                             out);
  });
}

jtbd_error* jtbd_interviews_parse(uint32_t flags, const void* data, size_t size,
                                  jtbd_interviews** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckBytesArgument(fn, "data", data, size));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const uint32_t require,
                               RequireOutcomeFlag(fn, flags));
    return PublishInterviews(
        jtbd::forces::ParseInterviewsBinary(
            absl::string_view(static_cast<const char*>(data), size), "data",
            require == 1),
        out);
  });
}

jtbd_error* jtbd_interviews_parse_json(uint32_t flags, const char* data,
                                       size_t size, jtbd_interviews** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckBytesArgument(fn, "data", data, size));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const uint32_t require,
                               RequireOutcomeFlag(fn, flags));
    return PublishInterviews(
        jtbd::forces::ParseInterviewsJson(absl::string_view(data, size), "data",
                                          require == 1),
        out);
  });
}

jtbd_error* jtbd_interviews_serialize(const jtbd_interviews* interviews,
                                      jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "interviews", interviews));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::unique_ptr<jtbd_buffer> buffer,
                               SerializeToBuffer(interviews->interviews));
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

void jtbd_interviews_destroy(jtbd_interviews* interviews) { delete interviews; }

size_t jtbd_interviews_count(const jtbd_interviews* interviews) {
  if (interviews == nullptr) return 0;
  return static_cast<size_t>(interviews->interviews.interviews_size());
}

jtbd_error* jtbd_interviews_get(const jtbd_interviews* interviews, size_t index,
                                jtbd_interview_info* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "interviews", interviews));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::SwitchInterview* interview,
        ElementAt(fn, "index", interviews->interviews.interviews(), index));
    const jtbd::forces::ForceIntensities intensities =
        jtbd::forces::InterviewIntensities(*interview);
    jtbd_interview_info full = ZeroedStruct<jtbd_interview_info>();
    OutputText(interview->id(), &full.id, &full.id_len);
    full.outcome = static_cast<int32_t>(interview->outcome());
    full.push = static_cast<uint32_t>(intensities[0]);
    full.pull = static_cast<uint32_t>(intensities[1]);
    full.anxiety = static_cast<uint32_t>(intensities[2]);
    full.habit = static_cast<uint32_t>(intensities[3]);
    full.balance = jtbd::forces::ForceBalance(intensities);
    full.observation_count =
        static_cast<size_t>(interview->observations_size());
    full.timeline_event_count =
        static_cast<size_t>(interview->timeline_events_size());
    OutputText(interview->solution_left(), &full.solution_left,
               &full.solution_left_len);
    OutputText(interview->solution_hired(), &full.solution_hired,
               &full.solution_hired_len);
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_interviews_attribute(const jtbd_interviews* interviews,
                                      size_t index, const char* name,
                                      size_t name_len, const char** value,
                                      size_t* value_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "interviews", interviews));
    JTBD_CAPI_ASSIGN_OR_RETURN(const std::string key,
                               TextArgument(fn, "name", name, name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "value", value));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::SwitchInterview* interview,
        ElementAt(fn, "index", interviews->interviews.interviews(), index));
    // The text must live in the interview, so AttributeValue (which
    // returns a copy) is followed here: the exact key, else the first key
    // equal to it without case.
    static const std::string* const kEmpty = new std::string();
    const std::string* found = kEmpty;
    const auto exact = interview->attributes().find(key);
    if (exact != interview->attributes().end()) {
      found = &exact->second;
    } else {
      for (const auto& attribute : interview->attributes()) {
        if (absl::EqualsIgnoreCase(attribute.first, key)) {
          found = &attribute.second;
          break;
        }
      }
    }
    OutputText(*found, value, value_len);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_options_create(jtbd_forces_options** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_forces_options>(), out);
    return absl::OkStatus();
  });
}

void jtbd_forces_options_destroy(jtbd_forces_options* options) {
  delete options;
}

jtbd_error* jtbd_forces_options_set_segment_by(jtbd_forces_options* options,
                                               const char* column,
                                               size_t column_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(options->options.segment_by,
                               TextArgument(fn, "column", column, column_len));
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_options_set_model_segment_by(
    jtbd_forces_options* options, const char* column, size_t column_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(options->options.model.segment_by,
                               TextArgument(fn, "column", column, column_len));
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_options_set_folds(jtbd_forces_options* options,
                                          uint32_t folds) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    if (folds < 2 || folds > 100) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": folds is ", folds, "; expected a whole number from 2 to 100"));
    }
    options->options.model.folds = folds;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_options_set_seed(jtbd_forces_options* options,
                                         uint64_t seed) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    options->options.model.seed = seed;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_options_set_l2_penalty(jtbd_forces_options* options,
                                               double lambda) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    // Written so that NaN fails too; the CLI's --l2 range.
    if (!(lambda >= 0 && lambda <= 1e12)) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": lambda is ", lambda,
                       "; expected a finite penalty from 0 to 1e12"));
    }
    options->options.model.l2_penalty = lambda;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_options_set_confidence_level(
    jtbd_forces_options* options, double level) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    if (!(level > 0 && level < 1)) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": level is ", level,
                       "; expected a level strictly between 0 and 1"));
    }
    options->options.confidence_level = level;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_analyze(const jtbd_interviews* interviews,
                                const jtbd_forces_options* options,
                                jtbd_forces_report** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "interviews", interviews));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutcomes(fn, interviews->interviews));
    const jtbd::forces::ForcesAnalysisOptions defaults;
    auto report = std::make_unique<jtbd_forces_report>();
    JTBD_CAPI_ASSIGN_OR_RETURN(
        report->report, jtbd::forces::AnalyzeForces(
                            interviews->interviews,
                            options == nullptr ? defaults : options->options));
    Publish(std::move(report), out);
    return absl::OkStatus();
  });
}

void jtbd_forces_report_destroy(jtbd_forces_report* report) { delete report; }

jtbd_error* jtbd_forces_report_get_info(const jtbd_forces_report* report,
                                        jtbd_forces_report_info* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const jtbd::v1::ForcesReport& r = report->report;
    jtbd_forces_report_info full = ZeroedStruct<jtbd_forces_report_info>();
    full.interview_count = r.interview_count();
    full.observation_count = r.observation_count();
    full.switched_count = r.switched_count();
    full.stayed_count = r.stayed_count();
    full.confidence_level = r.confidence_level();
    OutputText(r.segment_by(), &full.segment_by, &full.segment_by_len);
    const jtbd::v1::BalanceSummary& balance = r.balance();
    full.mean_balance = balance.mean_balance();
    full.switcher_mean_balance = balance.switcher_mean_balance();
    full.stayer_mean_balance = balance.stayer_mean_balance();
    full.positive_switched_count = balance.positive_switched_count();
    full.positive_stayed_count = balance.positive_stayed_count();
    full.non_positive_switched_count = balance.non_positive_switched_count();
    full.non_positive_stayed_count = balance.non_positive_stayed_count();
    full.agreement = balance.agreement();
    full.agreement_interval.low = balance.agreement_interval().low();
    full.agreement_interval.high = balance.agreement_interval().high();
    full.has_model = r.has_model() ? 1 : 0;
    OutputText(r.model_note(), &full.model_note, &full.model_note_len);
    if (r.has_model()) {
      const jtbd::v1::PropensityReport& model = r.model();
      full.auc = model.auc();
      full.training_auc = model.training_auc();
      full.brier_score = model.brier_score();
      full.folds = model.folds();
      full.iterations = model.iterations();
      full.seed = model.seed();
      full.intercept = ToC(model.intercept());
      full.push = ToC(model.coefficients().push());
      full.pull = ToC(model.coefficients().pull());
      full.anxiety = ToC(model.coefficients().anxiety());
      full.habit = ToC(model.coefficients().habit());
    }
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_report_force(const jtbd_forces_report* report,
                                     size_t index, jtbd_force_summary* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::ForceSummary* summary,
        ElementAt(fn, "index", report->report.forces(), index));
    CopyOut(ToC(*summary), out);
    return absl::OkStatus();
  });
}

size_t jtbd_forces_report_segment_count(const jtbd_forces_report* report) {
  if (report == nullptr) return 0;
  return static_cast<size_t>(report->report.segments_size());
}

jtbd_error* jtbd_forces_report_segment(const jtbd_forces_report* report,
                                       size_t segment, const char** value,
                                       size_t* value_len,
                                       uint64_t* interview_count,
                                       uint64_t* switched_count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "value", value));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckNotNull(fn, "interview_count", interview_count));
    JTBD_CAPI_RETURN_IF_ERROR(
        CheckNotNull(fn, "switched_count", switched_count));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::ForceGroup* group,
                               Segment(fn, *report, segment));
    OutputText(group->value(), value, value_len);
    *interview_count = group->interview_count();
    *switched_count = group->switched_count();
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_report_segment_force(const jtbd_forces_report* report,
                                             size_t segment, size_t index,
                                             jtbd_force_summary* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::ForceGroup* group,
                               Segment(fn, *report, segment));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::ForceSummary* summary,
                               ElementAt(fn, "index", group->forces(), index));
    CopyOut(ToC(*summary), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_report_render(const jtbd_forces_report* report,
                                      int32_t format, jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    auto buffer = std::make_unique<jtbd_buffer>();
    switch (format) {
      case JTBD_FORMAT_TABLE:
        buffer->bytes = jtbd::RenderForcesTable(report->report);
        break;
      case JTBD_FORMAT_JSON: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer->bytes,
                                   jtbd::RenderForcesJson(report->report));
        break;
      }
      case JTBD_FORMAT_CSV:
        buffer->bytes = jtbd::RenderForcesCsv(report->report);
        break;
      case JTBD_FORMAT_PROTOBUF: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer, SerializeToBuffer(report->report));
        break;
      }
      default:
        return absl::InvalidArgumentError(
            absl::StrCat(fn, ": unknown format ", format,
                         " (expected a jtbd_format value, 1 to 4)"));
    }
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_forces_report_create_model(const jtbd_forces_report* report,
                                            jtbd_propensity_model** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    if (!report->report.has_model()) {
      return absl::FailedPreconditionError(
          absl::StrCat(fn, ": the report has no propensity model: ",
                       report->report.model_note()));
    }
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::forces::PropensityModel model,
                               jtbd::forces::PropensityModel::FromProto(
                                   report->report.model().fitted()));
    Publish(std::make_unique<jtbd_propensity_model>(std::move(model)), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_propensity_model_parse(const void* data, size_t size,
                                        jtbd_propensity_model** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckBytesArgument(fn, "data", data, size));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        jtbd::forces::PropensityModel model,
        jtbd::forces::ParsePropensityModel(
            absl::string_view(static_cast<const char*>(data), size), fn));
    Publish(std::make_unique<jtbd_propensity_model>(std::move(model)), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_propensity_model_serialize(const jtbd_propensity_model* model,
                                            jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    auto buffer = std::make_unique<jtbd_buffer>();
    buffer->bytes = jtbd::forces::SerializePropensityModel(model->model);
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_propensity_model_save_file(const jtbd_propensity_model* model,
                                            const char* path, size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_ASSIGN_OR_RETURN(const std::string file,
                               PathArgument(fn, path, path_len));
    return jtbd::forces::SavePropensityModelFile(model->model, file);
  });
}

jtbd_error* jtbd_propensity_model_load_file(const char* path, size_t path_len,
                                            jtbd_propensity_model** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(const std::string file,
                               PathArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::forces::PropensityModel model,
                               jtbd::forces::LoadPropensityModelFile(file));
    Publish(std::make_unique<jtbd_propensity_model>(std::move(model)), out);
    return absl::OkStatus();
  });
}

void jtbd_propensity_model_destroy(jtbd_propensity_model* model) {
  delete model;
}

jtbd_error* jtbd_propensity_model_get_info(const jtbd_propensity_model* model,
                                           jtbd_propensity_model_info* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const jtbd::v1::ForcesModel& m = model->model.proto();
    jtbd_propensity_model_info full =
        ZeroedStruct<jtbd_propensity_model_info>();
    full.intercept = ToC(m.intercept());
    full.push = ToC(m.push());
    full.pull = ToC(m.pull());
    full.anxiety = ToC(m.anxiety());
    full.habit = ToC(m.habit());
    full.l2_penalty = m.l2_penalty();
    full.interview_count = m.interview_count();
    full.confidence_level = m.confidence_level();
    OutputText(m.segment_by(), &full.segment_by, &full.segment_by_len);
    OutputText(m.reference_segment(), &full.reference_segment,
               &full.reference_segment_len);
    full.segment_weight_count = static_cast<size_t>(m.segment_weights_size());
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_propensity_model_segment_weight(
    const jtbd_propensity_model* model, size_t index, const char** segment,
    size_t* segment_len, jtbd_model_coefficient* coefficient) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segment", segment));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "coefficient", coefficient));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::SegmentWeight* weight,
        ElementAt(fn, "index", model->model.proto().segment_weights(), index));
    OutputText(weight->segment(), segment, segment_len);
    *coefficient = ToC(weight->coefficient());
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_propensity_model_predict(const jtbd_propensity_model* model,
                                          uint32_t push, uint32_t pull,
                                          uint32_t anxiety, uint32_t habit,
                                          const char* segment,
                                          size_t segment_len,
                                          jtbd_force_prediction* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_RETURN_IF_ERROR(CheckIntensity(fn, "push", push));
    JTBD_CAPI_RETURN_IF_ERROR(CheckIntensity(fn, "pull", pull));
    JTBD_CAPI_RETURN_IF_ERROR(CheckIntensity(fn, "anxiety", anxiety));
    JTBD_CAPI_RETURN_IF_ERROR(CheckIntensity(fn, "habit", habit));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const std::string value,
        TextArgument(fn, "segment", segment, segment_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const jtbd::forces::ForceIntensities intensities = {
        static_cast<int>(push), static_cast<int>(pull),
        static_cast<int>(anxiety), static_cast<int>(habit)};
    CopyOut(ToC(model->model.PredictIntensities(intensities, value)), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_propensity_model_predict_interview(
    const jtbd_propensity_model* model, const jtbd_interviews* interviews,
    size_t index, jtbd_force_prediction* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "interviews", interviews));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::SwitchInterview* interview,
        ElementAt(fn, "index", interviews->interviews.interviews(), index));
    CopyOut(ToC(model->model.Predict(*interview)), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
