#include "segments/segment_features.h"

#include <cmath>
#include <optional>
#include <utility>

#include "absl/strings/str_format.h"
#include "segments/principal_components.h"

namespace jtbd {

absl::StatusOr<SegmentFeatures> BuildSegmentFeatures(
    const Study& study, v1::SegmentFeature feature, bool principal_components) {
  if (feature != v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY &&
      feature != v1::SEGMENT_FEATURE_RATING_OPPORTUNITY) {
    return absl::InvalidArgumentError(
        absl::StrFormat("segment feature %d is not a known feature", feature));
  }
  const size_t n = study.respondent_count();
  const size_t m = study.outcome_count();
  const Scale& scale = study.scale();
  // Which outcomes vary: observed count, sum, smallest and largest feature.
  struct OutcomeSummary {
    size_t count = 0;
    double sum = 0;
    double low = 0;
    double high = 0;
  };
  std::vector<OutcomeSummary> summaries(m);
  for (size_t r = 0; r < n; ++r) {
    for (size_t o = 0; o < m; ++o) {
      const std::optional<double> value = OutcomeFeature(
          feature, scale, study.importance(r, o), study.satisfaction(r, o));
      if (!value.has_value()) continue;
      OutcomeSummary& summary = summaries[o];
      if (summary.count == 0 || *value < summary.low) summary.low = *value;
      if (summary.count == 0 || *value > summary.high) summary.high = *value;
      ++summary.count;
      summary.sum += *value;
    }
  }
  std::vector<size_t> kept;
  std::vector<std::string> dropped;
  for (size_t o = 0; o < m; ++o) {
    if (summaries[o].count != 0 && summaries[o].low < summaries[o].high) {
      kept.push_back(o);
    } else {
      dropped.push_back(study.outcomes()[o].id);
    }
  }
  if (kept.empty()) {
    return absl::FailedPreconditionError(
        "no outcome's feature varies across respondents: nothing to segment "
        "by");
  }
  // Kept ratings of the respondents with something to place them by.
  const size_t width = kept.size();
  std::vector<uint8_t> importance, satisfaction;
  std::vector<size_t> respondents;
  std::vector<uint8_t> row_importance(width), row_satisfaction(width);
  for (size_t r = 0; r < n; ++r) {
    bool any = false;
    for (size_t j = 0; j < width; ++j) {
      row_importance[j] = static_cast<uint8_t>(study.importance(r, kept[j]));
      row_satisfaction[j] =
          static_cast<uint8_t>(study.satisfaction(r, kept[j]));
      any = any || (row_importance[j] != 0 && row_satisfaction[j] != 0);
    }
    if (!any) continue;
    respondents.push_back(r);
    importance.insert(importance.end(), row_importance.begin(),
                      row_importance.end());
    satisfaction.insert(satisfaction.end(), row_satisfaction.begin(),
                        row_satisfaction.end());
  }
  const size_t clustered = respondents.size();
  if (clustered < 2) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "%d respondents answered an outcome that varies: at least 2 are "
        "needed to segment",
        clustered));
  }
  SegmentModel::Parts parts;
  parts.feature = feature;
  parts.scale = scale;
  for (size_t j = 0; j < width; ++j) {
    const OutcomeSummary& summary = summaries[kept[j]];
    parts.outcome_ids.push_back(study.outcomes()[kept[j]].id);
    parts.means.push_back(summary.sum / static_cast<double>(summary.count));
  }
  // Standard deviations of the imputed features: imputed values sit on the
  // mean and add nothing to the sum of squares, only to the divisor.
  std::vector<double> square_sums(width, 0.0);
  for (size_t i = 0; i < clustered; ++i) {
    for (size_t j = 0; j < width; ++j) {
      const std::optional<double> value =
          OutcomeFeature(feature, scale, importance[i * width + j],
                         satisfaction[i * width + j]);
      if (!value.has_value()) continue;
      const double deviation = *value - parts.means[j];
      square_sums[j] += deviation * deviation;
    }
  }
  for (size_t j = 0; j < width; ++j) {
    parts.standard_deviations.push_back(
        std::sqrt(square_sums[j] / static_cast<double>(clustered - 1)));
  }
  absl::StatusOr<SegmentModel> model = SegmentModel::Create(parts);
  if (!model.ok()) return model.status();
  segments::FeatureMatrix standardized(clustered, width);
  uint64_t observed = 0;
  for (size_t i = 0; i < clustered; ++i) {
    observed += model->Standardize(
        absl::MakeConstSpan(importance.data() + i * width, width),
        absl::MakeConstSpan(satisfaction.data() + i * width, width),
        standardized.row(i));
  }
  SegmentFeatures features{
      *std::move(model),  {}, std::move(respondents),
      std::move(dropped), {}, clustered * width - observed};
  if (!principal_components) {
    features.points = std::move(standardized);
    return features;
  }
  absl::StatusOr<segments::SymmetricEigen> eigen = segments::DecomposeSymmetric(
      segments::CorrelationOfStandardized(standardized));
  if (!eigen.ok()) return eigen.status();
  const size_t components = segments::KaiserComponentCount(eigen->values);
  parts.eigenvalues.assign(eigen->values.begin(),
                           eigen->values.begin() + components);
  parts.loadings = segments::FeatureMatrix(width, components);
  for (size_t j = 0; j < width; ++j) {
    for (size_t c = 0; c < components; ++c) {
      parts.loadings.at(j, c) = eigen->vectors.at(j, c);
    }
  }
  model = SegmentModel::Create(std::move(parts));
  if (!model.ok()) return model.status();
  features.model = *std::move(model);
  features.eigenvalues = std::move(eigen->values);
  features.points = segments::FeatureMatrix(clustered, components);
  for (size_t i = 0; i < clustered; ++i) {
    features.model.Project(standardized.row(i), features.points.row(i));
  }
  return features;
}

}  // namespace jtbd
