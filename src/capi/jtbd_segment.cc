// jtbd.h: segmentation (jtbd_segment_options, jtbd_segmentation) and the
// saved jtbd_segment_model, thin layers over src/segments.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "capi/capi_internal.h"
#include "core/scale.h"
#include "core/scoring.h"
#include "io/saved_file.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/segmentation.pb.h"
#include "render/segmentation_render.h"
#include "segments/segment_model.h"
#include "segments/segmentation.h"

using jtbd::capi::CheckBytesArgument;
using jtbd::capi::CheckIndex;
using jtbd::capi::CheckNotNull;
using jtbd::capi::CheckOutStruct;
using jtbd::capi::CopyOut;
using jtbd::capi::ElementAt;
using jtbd::capi::Guard;
using jtbd::capi::OutputText;
using jtbd::capi::PathArgument;
using jtbd::capi::Publish;
using jtbd::capi::SerializeToBuffer;
using jtbd::capi::ZeroedStruct;

struct jtbd_segment_model {
  explicit jtbd_segment_model(jtbd::SegmentModel value)
      : model(std::move(value)) {}
  jtbd::SegmentModel model;
};

namespace {

// Applies `change` to a copy of the options and keeps it only if the whole
// set still checks out, so a refused value leaves the options unchanged
// (and errors surface at the setter that caused them).
template <typename Change>
absl::Status UpdateOptions(const char* function, jtbd_segment_options* options,
                           Change&& change) {
  JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "options", options));
  jtbd::v1::SegmentationOptions updated = options->options;
  change(updated);
  absl::StatusOr<jtbd::SegmentationPlan> plan =
      jtbd::MakeSegmentationPlan(updated);
  if (!plan.ok()) {
    return absl::Status(plan.status().code(),
                        absl::StrCat(function, ": ", plan.status().message()));
  }
  options->options = std::move(updated);
  return absl::OkStatus();
}

const jtbd::v1::SegmentationOptions& OptionsOrDefault(
    const jtbd_segment_options* options) {
  static const auto* const kDefaults = new jtbd::v1::SegmentationOptions();
  return options == nullptr ? *kDefaults : options->options;
}

absl::StatusOr<const jtbd::v1::SegmentProfile*> Profile(
    const char* function, const jtbd_segmentation& segmentation,
    uint32_t cluster) {
  const jtbd::v1::SegmentationReport& report = segmentation.segmentation.report;
  if (cluster < 1 || cluster > static_cast<uint32_t>(report.segments_size())) {
    return absl::OutOfRangeError(absl::StrCat(
        function, ": cluster ", cluster, " is out of range (segments are 1 to ",
        report.segments_size(), ")"));
  }
  return &report.segments(static_cast<int>(cluster - 1));
}

absl::Status TextAt(const char* function,
                    const google::protobuf::RepeatedPtrField<std::string>& ids,
                    size_t index, const char** id, size_t* id_len) {
  JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(function, "id", id));
  JTBD_CAPI_ASSIGN_OR_RETURN(const std::string* value,
                             ElementAt(function, "index", ids, index));
  OutputText(*value, id, id_len);
  return absl::OkStatus();
}

// A segment's scores as a jtbd.v1.Report of its own: its outcomes, and one
// segment holding its comparison with the rest, under the header
// ScoreAggregate would have written for it.
jtbd::v1::Report SegmentReport(const jtbd_segmentation& segmentation,
                               const jtbd::v1::SegmentProfile& profile) {
  const jtbd::ScoringPlan& plan = segmentation.scoring;
  jtbd::v1::Report report;
  const jtbd::v1::SegmentReport& scores = profile.scores();
  *report.mutable_outcomes() = scores.outcomes();
  *report.add_segments() = scores;
  report.set_respondent_count(scores.respondent_count());
  jtbd::Scale scale = segmentation.scale;
  scale.top_box_min = jtbd::MethodTopBoxMin(scale, plan.method);
  *report.mutable_scale() = scale.ToProto();
  report.set_segment_by("cluster");
  report.set_method(jtbd::ScoreMethodName(plan.method));
  report.set_score_method(plan.method);
  report.set_confidence_level(plan.confidence_level);
  report.set_bootstrap_resamples(plan.bootstrap_resamples);
  report.set_opportunity_interval_method(
      jtbd::OpportunityIntervalMethodOf(plan));
  report.set_seed(plan.seed);
  if (scores.has_effective_respondent_count()) {
    report.set_weighted(true);
    report.set_effective_respondent_count(scores.effective_respondent_count());
  }
  return report;
}

jtbd_attribute_overrepresentation ToC(
    const jtbd::v1::AttributeOverrepresentation& value) {
  auto full = ZeroedStruct<jtbd_attribute_overrepresentation>();
  full.attribute = value.attribute().c_str();
  full.attribute_len = value.attribute().size();
  full.value = value.value().c_str();
  full.value_len = value.value().size();
  full.segment_count = value.segment_count();
  full.segment_total = value.segment_total();
  full.rest_count = value.rest_count();
  full.rest_total = value.rest_total();
  full.segment_share = value.segment_share();
  full.rest_share = value.rest_share();
  full.has_lift = value.has_lift() ? 1 : 0;
  full.lift = value.has_lift() ? value.lift() : 0;
  full.test = jtbd::capi::ToC(value.test());
  full.fisher_p_value = value.fisher_p_value();
  return full;
}

absl::StatusOr<std::unique_ptr<jtbd_segment_model>> ModelFromProto(
    const jtbd::v1::SegmentModel& proto) {
  JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::SegmentModel model,
                             jtbd::SegmentModel::FromProto(proto));
  return std::make_unique<jtbd_segment_model>(std::move(model));
}

}  // namespace

extern "C" {

// ---------------------------------------------------------------- options

jtbd_error* jtbd_segment_options_create(jtbd_segment_options** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(std::make_unique<jtbd_segment_options>(), out);
    return absl::OkStatus();
  });
}

void jtbd_segment_options_destroy(jtbd_segment_options* options) {
  delete options;
}

jtbd_error* jtbd_segment_options_set_feature(jtbd_segment_options* options,
                                             int32_t feature) {
  return Guard([&, fn = __func__]() -> absl::Status {
    if (!jtbd::v1::SegmentFeature_IsValid(feature)) {
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": feature ", feature, " is not a jtbd_segment_feature (0-2)"));
    }
    return UpdateOptions(fn, options, [&](jtbd::v1::SegmentationOptions& o) {
      o.set_feature(static_cast<jtbd::v1::SegmentFeature>(feature));
    });
  });
}

jtbd_error* jtbd_segment_options_set_principal_components(
    jtbd_segment_options* options, uint32_t enabled) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
    if (enabled > 1) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": enabled is ", enabled, "; expected 0 or 1"));
    }
    return UpdateOptions(fn, options, [&](jtbd::v1::SegmentationOptions& o) {
      o.set_principal_components(enabled == 1);
    });
  });
}

jtbd_error* jtbd_segment_options_set_k(jtbd_segment_options* options,
                                       uint32_t k) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return UpdateOptions(fn, options,
                         [&](jtbd::v1::SegmentationOptions& o) { o.set_k(k); });
  });
}

jtbd_error* jtbd_segment_options_set_k_range(jtbd_segment_options* options,
                                             uint32_t min_k, uint32_t max_k) {
  return Guard([&, fn = __func__]() -> absl::Status {
    // 0 would mean "the default" in the proto; here both are explicit.
    if (min_k < 2) {
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "options", options));
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": min_k is ", min_k, "; it must be at least 2"));
    }
    return UpdateOptions(fn, options, [&](jtbd::v1::SegmentationOptions& o) {
      o.set_min_k(min_k);
      o.set_max_k(max_k);
    });
  });
}

jtbd_error* jtbd_segment_options_set_starts(jtbd_segment_options* options,
                                            uint32_t starts) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return UpdateOptions(fn, options, [&](jtbd::v1::SegmentationOptions& o) {
      o.set_starts(starts);
    });
  });
}

jtbd_error* jtbd_segment_options_set_seed(jtbd_segment_options* options,
                                          uint64_t seed) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return UpdateOptions(fn, options, [&](jtbd::v1::SegmentationOptions& o) {
      o.set_seed(seed);
    });
  });
}

jtbd_error* jtbd_segment_options_set_threads(jtbd_segment_options* options,
                                             uint32_t threads) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return UpdateOptions(fn, options, [&](jtbd::v1::SegmentationOptions& o) {
      o.set_threads(threads);
    });
  });
}

jtbd_error* jtbd_segment_options_set_min_attribute_count(
    jtbd_segment_options* options, uint32_t count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return UpdateOptions(fn, options, [&](jtbd::v1::SegmentationOptions& o) {
      o.set_min_attribute_count(count);
    });
  });
}

jtbd_error* jtbd_segment_options_set_silhouette_sample_size(
    jtbd_segment_options* options, uint32_t size) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return UpdateOptions(fn, options, [&](jtbd::v1::SegmentationOptions& o) {
      o.set_silhouette_sample_size(size);
    });
  });
}

jtbd_error* jtbd_segment_options_set_score_options(
    jtbd_segment_options* options, const jtbd_score_options* score_options) {
  return Guard([&, fn = __func__]() -> absl::Status {
    return UpdateOptions(fn, options, [&](jtbd::v1::SegmentationOptions& o) {
      if (score_options == nullptr) {
        o.clear_scoring();
      } else {
        *o.mutable_scoring() = score_options->options;
      }
    });
  });
}

// ----------------------------------------------------------- segmentation

jtbd_error* jtbd_study_segment(const jtbd_study* study,
                               const jtbd_segment_options* options,
                               jtbd_segmentation** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    const jtbd::v1::SegmentationOptions& proto = OptionsOrDefault(options);
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::SegmentationPlan plan,
                               jtbd::MakeSegmentationPlan(proto));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::Segmentation segmentation,
                               jtbd::SegmentStudy(study->study, proto));
    Publish(std::make_unique<jtbd_segmentation>(
                std::move(segmentation), plan.scoring, study->study.scale()),
            out);
    return absl::OkStatus();
  });
}

void jtbd_segmentation_destroy(jtbd_segmentation* segmentation) {
  delete segmentation;
}

jtbd_error* jtbd_segmentation_get_info(const jtbd_segmentation* segmentation,
                                       jtbd_segmentation_info* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    const jtbd::v1::SegmentationReport& report =
        segmentation->segmentation.report;
    auto full = ZeroedStruct<jtbd_segmentation_info>();
    full.k = report.k();
    full.k_chosen = report.k_chosen() ? 1 : 0;
    full.feature = static_cast<int32_t>(report.feature());
    full.starts = report.starts();
    full.seed = report.seed();
    full.component_count = report.component_count();
    full.outcome_count = static_cast<size_t>(report.outcome_ids_size());
    full.dropped_outcome_count =
        static_cast<size_t>(report.dropped_outcome_ids_size());
    full.candidate_count = static_cast<size_t>(report.candidates_size());
    full.respondent_count = report.respondent_count();
    full.unclustered_respondent_count = report.unclustered_respondent_count();
    full.silhouette_respondent_count = report.silhouette_respondent_count();
    full.imputed_feature_count = report.imputed_feature_count();
    full.min_attribute_count = report.min_attribute_count();
    full.p_value_adjustment =
        report.p_value_adjustment() == jtbd::v1::P_VALUE_ADJUSTMENT_UNSPECIFIED
            ? JTBD_P_VALUE_ADJUSTMENT_HOLM
            : static_cast<int32_t>(report.p_value_adjustment());
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segmentation_candidate(const jtbd_segmentation* segmentation,
                                        size_t index,
                                        jtbd_segment_candidate* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::SegmentCount* candidate,
        ElementAt(fn, "index", segmentation->segmentation.report.candidates(),
                  index));
    auto full = ZeroedStruct<jtbd_segment_candidate>();
    full.k = candidate->k();
    full.iterations = candidate->iterations();
    full.silhouette = candidate->silhouette();
    full.inertia = candidate->inertia();
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segmentation_outcome_id(const jtbd_segmentation* segmentation,
                                         size_t index, const char** id,
                                         size_t* id_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    return TextAt(fn, segmentation->segmentation.report.outcome_ids(), index,
                  id, id_len);
  });
}

jtbd_error* jtbd_segmentation_dropped_outcome_id(
    const jtbd_segmentation* segmentation, size_t index, const char** id,
    size_t* id_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    return TextAt(fn, segmentation->segmentation.report.dropped_outcome_ids(),
                  index, id, id_len);
  });
}

jtbd_error* jtbd_segmentation_respondent_cluster(
    const jtbd_segmentation* segmentation, size_t respondent,
    uint32_t* cluster) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "cluster", cluster));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::RespondentSegment* assigned,
        ElementAt(fn, "respondent",
                  segmentation->segmentation.report.respondents(), respondent));
    *cluster = assigned->cluster();
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segmentation_respondent_clusters(
    const jtbd_segmentation* segmentation, uint32_t* clusters, size_t count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    const jtbd::v1::SegmentationReport& report =
        segmentation->segmentation.report;
    const size_t respondents = static_cast<size_t>(report.respondents_size());
    if (count != respondents) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": count is ", count, " but the study has ",
                       respondents, " respondents"));
    }
    if (count == 0) return absl::OkStatus();
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "clusters", clusters));
    for (size_t r = 0; r < count; ++r) {
      clusters[r] = report.respondents(static_cast<int>(r)).cluster();
    }
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segmentation_segment_profile(
    const jtbd_segmentation* segmentation, uint32_t cluster,
    jtbd_segment_profile* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::SegmentProfile* profile,
                               Profile(fn, *segmentation, cluster));
    auto full = ZeroedStruct<jtbd_segment_profile>();
    full.cluster = profile->cluster();
    full.respondent_count = profile->respondent_count();
    full.share = profile->share();
    full.silhouette = profile->silhouette();
    full.overrepresented_attribute_count =
        static_cast<size_t>(profile->overrepresented_attributes_size());
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segmentation_create_segment_report(
    const jtbd_segmentation* segmentation, uint32_t cluster,
    jtbd_report** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::SegmentProfile* profile,
                               Profile(fn, *segmentation, cluster));
    auto report = std::make_unique<jtbd_report>();
    report->report = SegmentReport(*segmentation, *profile);
    Publish(std::move(report), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segmentation_segment_attribute(
    const jtbd_segmentation* segmentation, uint32_t cluster, size_t index,
    jtbd_attribute_overrepresentation* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::v1::SegmentProfile* profile,
                               Profile(fn, *segmentation, cluster));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::AttributeOverrepresentation* attribute,
        ElementAt(fn, "index", profile->overrepresented_attributes(), index));
    CopyOut(ToC(*attribute), out);
    return absl::OkStatus();
  });
}

// jtbd_set_aside_reason mirrors jtbd.v1.AttributeSetAsideReason.
static_assert(static_cast<int>(JTBD_SET_ASIDE_REASON_UNSPECIFIED) ==
                      jtbd::v1::ATTRIBUTE_SET_ASIDE_REASON_UNSPECIFIED &&
                  static_cast<int>(JTBD_SET_ASIDE_REASON_HIGH_CARDINALITY) ==
                      jtbd::v1::ATTRIBUTE_SET_ASIDE_REASON_HIGH_CARDINALITY &&
                  jtbd::v1::AttributeSetAsideReason_MAX ==
                      static_cast<int>(JTBD_SET_ASIDE_REASON_HIGH_CARDINALITY),
              "jtbd_set_aside_reason mirrors jtbd.v1.AttributeSetAsideReason");

size_t jtbd_segmentation_set_aside_attribute_count(
    const jtbd_segmentation* segmentation) {
  if (segmentation == nullptr) return 0;
  return static_cast<size_t>(
      segmentation->segmentation.report.set_aside_attributes_size());
}

jtbd_error* jtbd_segmentation_set_aside_attribute(
    const jtbd_segmentation* segmentation, size_t index,
    jtbd_set_aside_attribute* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    JTBD_CAPI_ASSIGN_OR_RETURN(
        const jtbd::v1::SetAsideAttribute* attribute,
        ElementAt(fn, "index",
                  segmentation->segmentation.report.set_aside_attributes(),
                  index));
    auto full = ZeroedStruct<jtbd_set_aside_attribute>();
    full.attribute = attribute->attribute().c_str();
    full.attribute_len = attribute->attribute().size();
    full.reason = static_cast<int32_t>(attribute->reason());
    full.distinct_value_count = attribute->distinct_value_count();
    full.respondent_count = attribute->respondent_count();
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segmentation_render(const jtbd_segmentation* segmentation,
                                     int32_t format, jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    const jtbd::v1::SegmentationReport& report =
        segmentation->segmentation.report;
    auto buffer = std::make_unique<jtbd_buffer>();
    switch (format) {
      case JTBD_FORMAT_TABLE:
        buffer->bytes = jtbd::RenderSegmentationTable(report);
        break;
      case JTBD_FORMAT_JSON: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer->bytes,
                                   jtbd::RenderSegmentationJson(report));
        break;
      }
      case JTBD_FORMAT_CSV:
        buffer->bytes = jtbd::RenderSegmentationCsv(report);
        break;
      case JTBD_FORMAT_PROTOBUF: {
        JTBD_CAPI_ASSIGN_OR_RETURN(buffer, SerializeToBuffer(report));
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

jtbd_error* jtbd_segmentation_create_model(
    const jtbd_segmentation* segmentation, jtbd_segment_model** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "segmentation", segmentation));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    Publish(
        std::make_unique<jtbd_segment_model>(segmentation->segmentation.model),
        out);
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------- segment model

jtbd_error* jtbd_segment_model_parse(const void* data, size_t size,
                                     jtbd_segment_model** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckBytesArgument(fn, "data", data, size));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    jtbd::v1::SegmentModel proto;
    if (!proto.ParseFromArray(data, static_cast<int>(size))) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": the ", size,
                       " bytes are not a serialized jtbd.v1.SegmentModel"));
    }
    absl::StatusOr<std::unique_ptr<jtbd_segment_model>> model =
        ModelFromProto(proto);
    if (!model.ok()) {
      return absl::Status(model.status().code(),
                          absl::StrCat(fn, ": ", model.status().message()));
    }
    Publish(*std::move(model), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segment_model_serialize(const jtbd_segment_model* model,
                                         jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::unique_ptr<jtbd_buffer> buffer,
                               SerializeToBuffer(model->model.ToProto()));
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segment_model_save_file(const jtbd_segment_model* model,
                                         const char* path, size_t path_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                               PathArgument(fn, path, path_len));
    return jtbd::SaveSegmentModelFile(model->model, file);
  });
}

jtbd_error* jtbd_segment_model_load_file(const char* path, size_t path_len,
                                         jtbd_segment_model** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_ASSIGN_OR_RETURN(std::string file,
                               PathArgument(fn, path, path_len));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(jtbd::SegmentModel model,
                               jtbd::LoadSegmentModelFile(file));
    Publish(std::make_unique<jtbd_segment_model>(std::move(model)), out);
    return absl::OkStatus();
  });
}

void jtbd_segment_model_destroy(jtbd_segment_model* model) { delete model; }

uint32_t jtbd_segment_model_k(const jtbd_segment_model* model) {
  return model == nullptr ? 0 : static_cast<uint32_t>(model->model.k());
}

size_t jtbd_segment_model_outcome_count(const jtbd_segment_model* model) {
  return model == nullptr ? 0 : model->model.outcome_count();
}

jtbd_error* jtbd_segment_model_outcome_id(const jtbd_segment_model* model,
                                          size_t index, const char** id,
                                          size_t* id_len) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "id", id));
    const std::vector<std::string>& ids = model->model.outcome_ids();
    JTBD_CAPI_RETURN_IF_ERROR(CheckIndex(fn, "index", index, ids.size()));
    OutputText(ids[index], id, id_len);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segment_model_assign(const jtbd_segment_model* model,
                                      size_t count,
                                      const char* const* outcome_ids,
                                      const size_t* outcome_id_lens,
                                      const uint8_t* importance,
                                      const uint8_t* satisfaction,
                                      jtbd_segment_assignment* out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_RETURN_IF_ERROR(CheckOutStruct(fn, out));
    if (count != 0) {
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "outcome_ids", outcome_ids));
      JTBD_CAPI_RETURN_IF_ERROR(
          CheckNotNull(fn, "outcome_id_lens", outcome_id_lens));
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "importance", importance));
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "satisfaction", satisfaction));
    }
    // Checked here rather than by the core so that errors name the C arrays.
    const jtbd::Scale& scale = model->model.scale();
    std::vector<jtbd::RatedOutcome> answers(count);
    absl::flat_hash_map<absl::string_view, size_t> first_index;
    for (size_t i = 0; i < count; ++i) {
      if (outcome_ids[i] == nullptr && outcome_id_lens[i] != 0) {
        return absl::InvalidArgumentError(absl::StrCat(
            fn, ": outcome_ids[", i, "] is NULL but outcome_id_lens[", i,
            "] is ", outcome_id_lens[i]));
      }
      const absl::string_view id =
          outcome_id_lens[i] == 0
              ? absl::string_view()
              : absl::string_view(outcome_ids[i], outcome_id_lens[i]);
      auto [it, inserted] = first_index.emplace(id, i);
      if (!inserted) {
        return absl::InvalidArgumentError(
            absl::StrCat(fn, ": outcome_ids[", i, "] \"", id,
                         "\" repeats outcome_ids[", it->second, "]"));
      }
      for (const auto& [name, rating] :
           {std::pair<const char*, int>{"importance", importance[i]},
            std::pair<const char*, int>{"satisfaction", satisfaction[i]}}) {
        if (rating != 0 && !scale.Contains(rating)) {
          return absl::InvalidArgumentError(
              absl::StrCat(fn, ": ", name, "[", i, "] = ", rating,
                           " is not on the model's scale ", scale.ToString(),
                           " (0 = no answer)"));
        }
      }
      answers[i] = jtbd::RatedOutcome{id, importance[i], satisfaction[i]};
    }
    absl::StatusOr<jtbd::SegmentAssignment> assignment =
        model->model.Assign(answers);
    if (!assignment.ok()) {
      return absl::Status(
          assignment.status().code(),
          absl::StrCat(fn, ": ", assignment.status().message()));
    }
    auto full = ZeroedStruct<jtbd_segment_assignment>();
    full.cluster = assignment->cluster;
    full.observed_count = assignment->observed_count;
    full.distance = assignment->distance;
    CopyOut(full, out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_segment_model_assign_study(const jtbd_segment_model* model,
                                            const jtbd_study* study,
                                            uint32_t* clusters, size_t count) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "model", model));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "study", study));
    const size_t respondents = study->study.respondent_count();
    if (count != respondents) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": count is ", count, " but the study has ",
                       respondents, " respondents"));
    }
    if (count != 0) {
      JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "clusters", clusters));
    }
    absl::StatusOr<std::vector<uint32_t>> assigned =
        model->model.AssignStudy(study->study);
    if (!assigned.ok()) {
      return absl::Status(assigned.status().code(),
                          absl::StrCat(fn, ": ", assigned.status().message()));
    }
    std::copy(assigned->begin(), assigned->end(), clusters);
    return absl::OkStatus();
  });
}

}  // extern "C"
