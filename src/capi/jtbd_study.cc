// jtbd.h: jtbd_study, a thin layer over jtbd::Study.
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "capi/capi_internal.h"
#include "core/outcome.h"
#include "core/resource_limits.h"
#include "core/scale.h"
#include "core/study.h"
#include "io/outcome_descriptions.h"
#include "io/survey_reader.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/study.pb.h"
#include "pipeline/input_source.h"
#include "pipeline/survey_read.h"

using jtbd::capi::CheckBytesArgument;
using jtbd::capi::CheckIndex;
using jtbd::capi::CheckNotNull;
using jtbd::capi::DescribeReadOutcomes;
using jtbd::capi::Guard;
using jtbd::capi::PathArgument;
using jtbd::capi::Publish;
using jtbd::capi::ReadOptionsForUse;
using jtbd::capi::SerializeToBuffer;
using jtbd::capi::SurveyBytesArgument;
using jtbd::capi::SurveyFileArgument;
using jtbd::capi::TextArgument;

namespace {

absl::Status PublishStudy(absl::StatusOr<jtbd::Study> study, jtbd_study** out) {
  if (!study.ok()) return study.status();
  auto handle = std::make_unique<jtbd_study>();
  handle->study = *std::move(study);
  Publish(std::move(handle), out);
  return absl::OkStatus();
}

// A survey read into a study (or an aggregate) under the options, its
// outcomes described when they say so; published only whole.
absl::Status ReadStudy(const jtbd_read_options* options,
                       const jtbd::InputSource& survey, jtbd_study** out) {
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::ReadOptions use,
                             ReadOptionsForUse(options));
  absl::StatusOr<jtbd::Study> study = jtbd::ReadSurveyStudy(survey, use);
  if (!study.ok()) return study.status();
  JTBD_CAPI_RETURN_IF_ERROR(DescribeReadOutcomes(options, use, &*study));
  return PublishStudy(*std::move(study), out);
}

absl::Status ReadAggregate(const jtbd_read_options* options,
                           const jtbd::InputSource& survey,
                           jtbd_aggregate** out) {
  JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::ReadOptions use,
                             ReadOptionsForUse(options));
  absl::StatusOr<jtbd::Aggregate> aggregate =
      jtbd::ReadSurveyAggregate(survey, use);
  if (!aggregate.ok()) return aggregate.status();
  JTBD_CAPI_RETURN_IF_ERROR(DescribeReadOutcomes(options, use, &*aggregate));
  Publish(std::make_unique<jtbd_aggregate>(*std::move(aggregate)), out);
  return absl::OkStatus();
}

}  // namespace

extern "C" {

jtbd_error* jtbd_study_create(jtbd_study** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_study>(), out);
    return absl::OkStatus();
  });
}

void jtbd_study_destroy(jtbd_study* study) { delete study; }

jtbd_error* jtbd_study_set_scale(jtbd_study* study, int32_t min, int32_t max,
                                 int32_t top_box_min) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Scale scale,
                               jtbd::Scale::Make(min, max, top_box_min));
    return study->study.SetScale(scale);
  });
}

jtbd_error* jtbd_study_add_outcome(jtbd_study* study, const char* id,
                                   size_t id_len, const char* statement,
                                   size_t statement_len, size_t* index_out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    jtbd::Outcome outcome;
    JTBD_CAPI_ASSIGN_OR_RETURN(outcome.id, TextArgument(fn, "id", id, id_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        outcome.statement,
        TextArgument(fn, "statement", statement, statement_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(size_t index,
                               study->study.AddOutcome(std::move(outcome)));
    if (index_out != nullptr) *index_out = index;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_study_add_respondent(jtbd_study* study, const char* id,
                                      size_t id_len, size_t* index_out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string respondent_id,
                               TextArgument(fn, "id", id, id_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        size_t index, study->study.AddRespondent(std::move(respondent_id)));
    if (index_out != nullptr) *index_out = index;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_study_add_respondents(jtbd_study* study, size_t count,
                                       size_t* first_index_out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_ASSIGN_OR_RETURN(size_t first,
                               study->study.AddRespondents(count));
    if (first_index_out != nullptr) *first_index_out = first;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_study_set_attribute(jtbd_study* study, size_t respondent,
                                     const char* name, size_t name_len,
                                     const char* value, size_t value_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_RETURN_IF_ERROR(CheckIndex(fn, "respondent", respondent,
                                         study->study.respondent_count()));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string attribute_name,
                               TextArgument(fn, "name", name, name_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string attribute_value,
                               TextArgument(fn, "value", value, value_len));
    return study->study.SetAttribute(respondent, std::move(attribute_name),
                                     std::move(attribute_value));
  });
}

jtbd_error* jtbd_study_set_weight(jtbd_study* study, size_t respondent,
                                  double weight) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_RETURN_IF_ERROR(CheckIndex(fn, "respondent", respondent,
                                         study->study.respondent_count()));
    return study->study.SetWeight(respondent, weight);
  });
}

jtbd_error* jtbd_study_add_answers(jtbd_study* study, size_t count,
                                   const uint32_t* respondents,
                                   const uint32_t* outcomes,
                                   const uint8_t* importance,
                                   const uint8_t* satisfaction) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    if (count == 0) return absl::OkStatus();  // the arrays may be NULL
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "respondents", respondents));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "outcomes", outcomes));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "importance", importance));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "satisfaction", satisfaction));
    jtbd::AnswerBatch batch;
    batch.respondents = absl::MakeConstSpan(respondents, count);
    batch.outcomes = absl::MakeConstSpan(outcomes, count);
    batch.importance = absl::MakeConstSpan(importance, count);
    batch.satisfaction = absl::MakeConstSpan(satisfaction, count);
    return study->study.AddAnswers(batch);
  });
}

jtbd_error* jtbd_study_add_solution(jtbd_study* study, const char* name,
                                    size_t name_len, size_t* index_out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string text,
                               TextArgument(fn, "name", name, name_len));
    JTBD_CAPI_ASSIGN_OR_RETURN(size_t index, study->study.AddSolution(text));
    if (index_out != nullptr) *index_out = index;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_study_add_solution_answers(jtbd_study* study, size_t count,
                                            const uint32_t* respondents,
                                            const uint32_t* solutions,
                                            const uint32_t* outcomes,
                                            const uint8_t* satisfaction) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    if (count == 0) return absl::OkStatus();  // the arrays may be NULL
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "respondents", respondents));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "solutions", solutions));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "outcomes", outcomes));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "satisfaction", satisfaction));
    jtbd::SolutionAnswerBatch batch;
    batch.respondents = absl::MakeConstSpan(respondents, count);
    batch.solutions = absl::MakeConstSpan(solutions, count);
    batch.outcomes = absl::MakeConstSpan(outcomes, count);
    batch.satisfaction = absl::MakeConstSpan(satisfaction, count);
    return study->study.AddSolutionAnswers(batch);
  });
}

size_t jtbd_study_solution_count(const jtbd_study* study) {
  return study == nullptr ? 0 : study->study.solution_count();
}

size_t jtbd_study_outcome_count(const jtbd_study* study) {
  return study == nullptr ? 0 : study->study.outcome_count();
}

uint64_t jtbd_study_respondent_count(const jtbd_study* study) {
  return study == nullptr ? 0 : study->study.respondent_count();
}

jtbd_error* jtbd_study_score(const jtbd_study* study,
                             const jtbd_score_options* options,
                             jtbd_report** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    auto report = std::make_unique<jtbd_report>();
    JTBD_CAPI_ASSIGN_OR_RETURN(
        report->report,
        study->study.Score(options == nullptr ? jtbd::v1::ScoringOptions()
                                              : options->options));
    Publish(std::move(report), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_study_create_aggregate(const jtbd_study* study,
                                        jtbd_aggregate** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_aggregate>(study->study.ToAggregate()), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_study_serialize(const jtbd_study* study, jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::unique_ptr<jtbd_buffer> buffer,
                               SerializeToBuffer(study->study.ToProto()));
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_study_parse(const void* data, size_t size, jtbd_study** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckBytesArgument(fn, "data", data, size));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    jtbd::v1::Study proto;
    if (!proto.ParseFromArray(data, static_cast<int>(size))) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": the ", size, " bytes are not a serialized jtbd.v1.Study"));
    }
    JTBD_CAPI_RETURN_IF_ERROR(jtbd::CheckStudySize(
        proto.outcomes_size(), proto.respondents_size(), jtbd::ResourceLimits(),
        absl::StrCat(fn, ": data")));
    return PublishStudy(jtbd::Study::FromProto(proto), out);
  });
}

jtbd_error* jtbd_study_read_csv_file(const jtbd_read_options* options,
                                     const char* path, size_t path_len,
                                     jtbd_study** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::InputSource survey,
                               SurveyFileArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return ReadStudy(options, survey, out);
  });
}

jtbd_error* jtbd_study_read_csv(const jtbd_read_options* options,
                                const char* data, size_t size,
                                const char* source_name, size_t source_name_len,
                                jtbd_study** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::InputSource survey,
        SurveyBytesArgument(fn, data, size, source_name, source_name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return ReadStudy(options, survey, out);
  });
}

jtbd_error* jtbd_aggregate_read_csv_file(const jtbd_read_options* options,
                                         const char* path, size_t path_len,
                                         jtbd_aggregate** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::InputSource survey,
                               SurveyFileArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return ReadAggregate(options, survey, out);
  });
}

jtbd_error* jtbd_aggregate_read_csv(const jtbd_read_options* options,
                                    const char* data, size_t size,
                                    const char* source_name,
                                    size_t source_name_len,
                                    jtbd_aggregate** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::InputSource survey,
        SurveyBytesArgument(fn, data, size, source_name, source_name_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    return ReadAggregate(options, survey, out);
  });
}

jtbd_error* jtbd_study_describe_outcomes_csv_file(jtbd_study* study,
                                                  const char* path,
                                                  size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                               PathArgument(fn, path, path_len));
    return jtbd::ReadOutcomeDescriptionsCsvFile(file, &study->study);
  });
}

jtbd_error* jtbd_study_describe_outcomes_csv(jtbd_study* study,
                                             const char* data, size_t size,
                                             const char* source_name,
                                             size_t source_name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    if (size > 0) JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "data", data));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        std::string name,
        TextArgument(fn, "source_name", source_name, source_name_len));
    return jtbd::ReadOutcomeDescriptionsCsv(
        absl::string_view(size == 0 ? "" : data, size), name, &study->study);
  });
}

}  // extern "C"
