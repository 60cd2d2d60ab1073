// jtbd.h: jtbd_read_options and jtbd_score_options.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/types/optional.h"
#include "capi/capi_internal.h"
#include "core/resource_limits.h"
#include "core/scale.h"
#include "core/scoring.h"
#include "io/rating_labels.h"
#include "io/survey_reader.h"
#include "jtbd/jtbd.h"
#include "pipeline/input_source.h"
#include "pipeline/survey_read.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::PathArgument;
using jtbd::capi::Publish;
using jtbd::capi::TextArgument;

namespace {

using jtbd::capi::MapSource;

// The limits a map given as text is checked under when it is set: each at
// its ceiling, so that only the map's own faults are reported then. The
// options' limits apply when they are used (ReadOptionsForUse), whatever
// the order in which both were set.
const jtbd::ResourceLimits& SyntaxLimits() {
  static const jtbd::ResourceLimits* const kCeilings = [] {
    auto* limits = new jtbd::ResourceLimits();
    constexpr uint64_t kNone = std::numeric_limits<uint64_t>::max();
    limits->max_record_bytes = kNone;
    limits->max_columns = kNone;
    limits->max_request_bytes = kNone;
    limits->max_json_depth = jtbd::ResourceLimits::kLargestMaxJsonDepth;
    return limits;
  }();
  return *kCeilings;
}

// A map given as text: `data` (named `data_argument` in errors; NULL only
// with size 0) copied, named source_name or, when that is empty,
// `fallback`. Size 0 gives no map (the setters' "size 0 clears it").
absl::StatusOr<MapSource> TextMapArgument(const char* function,
                                          const char* data_argument,
                                          const char* data, size_t size,
                                          const char* source_name,
                                          size_t source_name_len,
                                          const char* fallback) {
  if (size > 0) {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, data_argument, data));
  }
  JTBD_CAPI_ASSIGN_OR_RETURN(
      std::string name,
      TextArgument(function, "source_name", source_name, source_name_len));
  MapSource map;
  if (size == 0) return map;
  map.kind = MapSource::Kind::kText;
  map.text.assign(data, size);
  map.source = name.empty() ? fallback : std::move(name);
  return map;
}

// A map file: read when the options are used, so that its size is checked
// against their limits before it is read; only whether it can be opened is
// checked now (without blocking on a FIFO).
absl::StatusOr<MapSource> FileMap(const char* function, const char* path,
                                  size_t path_len) {
  JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                             PathArgument(function, path, path_len));
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return absl::ErrnoToStatus(errno, file);
  ::close(fd);
  MapSource map;
  map.kind = MapSource::Kind::kFile;
  map.text = file;
  map.source = std::move(file);
  return map;
}

// The maps set on read options, parsed under `limits`.
absl::StatusOr<jtbd::RatingLabels> ParseLabels(
    const MapSource& map, const jtbd::ResourceLimits& limits) {
  if (map.kind == MapSource::Kind::kFile) {
    return jtbd::RatingLabels::ParseFile(map.text, limits);
  }
  return jtbd::RatingLabels::Parse(map.text, map.source, limits);
}

absl::StatusOr<jtbd::v1::SurveyMap> ParseSurveyMap(
    const MapSource& map, const jtbd::ResourceLimits& limits) {
  if (map.kind == MapSource::Kind::kFile) {
    return jtbd::ReadSurveyMapFile(map.text, limits);
  }
  return jtbd::ParseSurveyMapJson(map.text, map.source, limits);
}

}  // namespace

namespace jtbd {
namespace capi {

absl::StatusOr<ReadOptions> ReadOptionsForUse(
    const jtbd_read_options* options) {
  if (options == nullptr) return ReadOptions();
  ReadOptions use = options->options;
  if (options->labels.kind != MapSource::Kind::kNone) {
    JTBD_CAPI_ASSIGN_OR_RETURN(use.labels,
                               ParseLabels(options->labels, use.limits));
  }
  if (options->survey_map.kind != MapSource::Kind::kNone) {
    JTBD_CAPI_ASSIGN_OR_RETURN(use.survey_map,
                               ParseSurveyMap(options->survey_map, use.limits));
    use.survey_map_source = options->survey_map.source;
  }
  return use;
}

absl::optional<InputSource> OutcomeDescriptionsForUse(
    const jtbd_read_options* options) {
  if (options == nullptr) return absl::nullopt;
  const MapSource& descriptions = options->outcome_descriptions;
  switch (descriptions.kind) {
    case MapSource::Kind::kNone:
      return absl::nullopt;
    case MapSource::Kind::kText:
      return InputSource::Bytes(descriptions.text, descriptions.source);
    case MapSource::Kind::kFile:
      break;
  }
  return InputSource::File(descriptions.text);
}

absl::Status DescribeReadOutcomes(const jtbd_read_options* options,
                                  const ReadOptions& use, Study* study) {
  const absl::optional<InputSource> descriptions =
      OutcomeDescriptionsForUse(options);
  if (!descriptions.has_value()) return absl::OkStatus();
  return DescribeOutcomes(*descriptions, use.limits, study);
}

absl::Status DescribeReadOutcomes(const jtbd_read_options* options,
                                  const ReadOptions& use,
                                  Aggregate* aggregate) {
  const absl::optional<InputSource> descriptions =
      OutcomeDescriptionsForUse(options);
  if (!descriptions.has_value()) return absl::OkStatus();
  return DescribeOutcomes(*descriptions, use.limits, aggregate);
}

}  // namespace capi
}  // namespace jtbd

extern "C" {

jtbd_error* jtbd_read_options_create(jtbd_read_options** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_read_options>(), out);
    return absl::OkStatus();
  });
}

void jtbd_read_options_destroy(jtbd_read_options* options) { delete options; }

jtbd_error* jtbd_read_options_set_scale(jtbd_read_options* options, int32_t min,
                                        int32_t max, int32_t top_box_min) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Scale scale,
                               jtbd::Scale::Make(min, max, top_box_min));
    options->options.scale = scale;
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_set_input_format(jtbd_read_options* options,
                                               int32_t format) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    static constexpr jtbd::InputFormat kFormats[] = {
        jtbd::InputFormat::kAuto,         jtbd::InputFormat::kLong,
        jtbd::InputFormat::kWide,         jtbd::InputFormat::kQualtrics,
        jtbd::InputFormat::kSurveyMonkey, jtbd::InputFormat::kGoogleForms,
        jtbd::InputFormat::kTypeform};
    if (format < 0 || format > JTBD_INPUT_FORMAT_TYPEFORM) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": format ", format, " is not a jtbd_input_format (0-",
          static_cast<int>(JTBD_INPUT_FORMAT_TYPEFORM), ")"));
    }
    options->options.format = kFormats[format];
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_add_importance_question(
    jtbd_read_options* options, const char* question, size_t question_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        std::string text, TextArgument(fn, "question", question, question_len));
    if (text.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": question is empty"));
    }
    options->options.importance_questions.push_back(std::move(text));
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_add_satisfaction_question(
    jtbd_read_options* options, const char* question, size_t question_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        std::string text, TextArgument(fn, "question", question, question_len));
    if (text.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": question is empty"));
    }
    options->options.satisfaction_questions.push_back(std::move(text));
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_clear_questions(jtbd_read_options* options) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    options->options.importance_questions.clear();
    options->options.satisfaction_questions.clear();
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_set_labels(jtbd_read_options* options,
                                         const char* data, size_t size,
                                         const char* source_name,
                                         size_t source_name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        MapSource labels, TextMapArgument(fn, "data", data, size, source_name,
                                          source_name_len, "labels"));
    if (labels.kind != MapSource::Kind::kNone) {
      JTBD_CAPI_RETURN_IF_ERROR(
          jtbd::RatingLabels::Parse(labels.text, labels.source, SyntaxLimits())
              .status());
    }
    options->labels = std::move(labels);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_set_labels_file(jtbd_read_options* options,
                                              const char* path,
                                              size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(MapSource labels, FileMap(fn, path, path_len));
    options->labels = std::move(labels);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_set_survey_map(jtbd_read_options* options,
                                             const char* json, size_t size,
                                             const char* source_name,
                                             size_t source_name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        MapSource map, TextMapArgument(fn, "json", json, size, source_name,
                                       source_name_len, "survey map"));
    if (map.kind != MapSource::Kind::kNone) {
      JTBD_CAPI_RETURN_IF_ERROR(
          jtbd::ParseSurveyMapJson(map.text, map.source, SyntaxLimits())
              .status());
    }
    options->survey_map = std::move(map);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_set_survey_map_file(jtbd_read_options* options,
                                                  const char* path,
                                                  size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(MapSource map, FileMap(fn, path, path_len));
    options->survey_map = std::move(map);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_set_outcome_descriptions(
    jtbd_read_options* options, const char* data, size_t size,
    const char* source_name, size_t source_name_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    // Checked when used: whether a row names an outcome depends on the
    // survey read.
    JTBD_CAPI_ASSIGN_OR_RETURN(
        options->outcome_descriptions,
        TextMapArgument(fn, "data", data, size, source_name, source_name_len,
                        "outcome descriptions"));
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_set_outcome_descriptions_file(
    jtbd_read_options* options, const char* path, size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(MapSource descriptions,
                               FileMap(fn, path, path_len));
    options->outcome_descriptions = std::move(descriptions);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_read_options_set_weight_column(jtbd_read_options* options,
                                                const char* column,
                                                size_t column_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string name,
                               TextArgument(fn, "column", column, column_len));
    options->options.weight_column = std::move(name);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_score_options_create(jtbd_score_options** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_score_options>(), out);
    return absl::OkStatus();
  });
}

void jtbd_score_options_destroy(jtbd_score_options* options) { delete options; }

jtbd_error* jtbd_score_options_set_segment_by(jtbd_score_options* options,
                                              const char* attribute,
                                              size_t attribute_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        std::string name,
        TextArgument(fn, "attribute", attribute, attribute_len));
    options->options.set_segment_by(std::move(name));
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_score_options_set_confidence_level(jtbd_score_options* options,
                                                    double level) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    // Written so that NaN fails too.
    if (!(level > 0 && level < 1)) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": level ", level, " is not strictly between 0 and 1"));
    }
    options->options.set_confidence_level(level);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_score_options_set_bootstrap_resamples(
    jtbd_score_options* options, uint32_t resamples) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    if (resamples > jtbd::ScoringPlan::kMaxBootstrapResamples) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": ", resamples, " resamples exceed the limit of ",
                       jtbd::ScoringPlan::kMaxBootstrapResamples));
    }
    options->options.set_bootstrap_resamples(resamples);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_score_options_set_seed(jtbd_score_options* options,
                                        uint64_t seed) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    options->options.set_seed(seed);
    return absl::OkStatus();
  });
}

// jtbd_score_method mirrors jtbd.v1.ScoreMethod value for value.
static_assert(static_cast<int>(JTBD_SCORE_METHOD_UNSPECIFIED) ==
                      jtbd::v1::SCORE_METHOD_UNSPECIFIED &&
                  static_cast<int>(JTBD_SCORE_METHOD_ULWICK) ==
                      jtbd::v1::SCORE_METHOD_ULWICK &&
                  static_cast<int>(JTBD_SCORE_METHOD_MEAN) ==
                      jtbd::v1::SCORE_METHOD_MEAN &&
                  static_cast<int>(JTBD_SCORE_METHOD_OLSEN) ==
                      jtbd::v1::SCORE_METHOD_OLSEN &&
                  static_cast<int>(JTBD_SCORE_METHOD_TOP_BOX_ONLY) ==
                      jtbd::v1::SCORE_METHOD_TOP_BOX_ONLY &&
                  jtbd::v1::ScoreMethod_MAX ==
                      static_cast<int>(JTBD_SCORE_METHOD_TOP_BOX_ONLY),
              "jtbd_score_method mirrors jtbd.v1.ScoreMethod");
static_assert(static_cast<int>(JTBD_P_VALUE_ADJUSTMENT_UNSPECIFIED) ==
                      jtbd::v1::P_VALUE_ADJUSTMENT_UNSPECIFIED &&
                  static_cast<int>(JTBD_P_VALUE_ADJUSTMENT_HOLM) ==
                      jtbd::v1::P_VALUE_ADJUSTMENT_HOLM &&
                  static_cast<int>(JTBD_P_VALUE_ADJUSTMENT_BH) ==
                      jtbd::v1::P_VALUE_ADJUSTMENT_BH &&
                  jtbd::v1::PValueAdjustment_MAX ==
                      static_cast<int>(JTBD_P_VALUE_ADJUSTMENT_BH),
              "jtbd_p_value_adjustment mirrors jtbd.v1.PValueAdjustment");

jtbd_error* jtbd_score_options_set_method(jtbd_score_options* options,
                                          int32_t method) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    if (!jtbd::v1::ScoreMethod_IsValid(method)) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": method ", method, " is not a jtbd_score_method (0-",
          static_cast<int>(JTBD_SCORE_METHOD_TOP_BOX_ONLY), ")"));
    }
    options->options.set_method(static_cast<jtbd::v1::ScoreMethod>(method));
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_score_options_set_p_value_adjustment(
    jtbd_score_options* options, int32_t adjustment) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    if (!jtbd::v1::PValueAdjustment_IsValid(adjustment)) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": adjustment ", adjustment,
                       " is not a jtbd_p_value_adjustment (0-",
                       static_cast<int>(JTBD_P_VALUE_ADJUSTMENT_BH), ")"));
    }
    options->options.set_p_value_adjustment(
        static_cast<jtbd::v1::PValueAdjustment>(adjustment));
    return absl::OkStatus();
  });
}

}  // extern "C"
