#include "segments/segment_model.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "segments/kmeans.h"

namespace jtbd {
namespace {

absl::Status CheckFinite(absl::Span<const double> values,
                         absl::string_view what) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      return absl::InvalidArgumentError(
          absl::StrFormat("segment model %s[%d] is not finite", what, i));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::optional<double> OutcomeFeature(v1::SegmentFeature feature,
                                     const Scale& scale, int importance,
                                     int satisfaction) {
  if (importance == 0 || satisfaction == 0) return std::nullopt;
  if (feature == v1::SEGMENT_FEATURE_RATING_OPPORTUNITY) {
    return importance + std::max(importance - satisfaction, 0);
  }
  const int a = scale.IsTopBox(importance) ? 10 : 0;
  const int b = scale.IsTopBox(satisfaction) ? 10 : 0;
  return a + std::max(a - b, 0);
}

const char* SegmentFeatureName(v1::SegmentFeature feature) {
  switch (feature) {
    case v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY:
      return "top_box_opportunity";
    case v1::SEGMENT_FEATURE_RATING_OPPORTUNITY:
      return "rating_opportunity";
    default:
      return "unspecified";
  }
}

absl::StatusOr<SegmentModel> SegmentModel::Create(Parts parts) {
  if (parts.feature != v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY &&
      parts.feature != v1::SEGMENT_FEATURE_RATING_OPPORTUNITY) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "segment model feature %d is not a known feature", parts.feature));
  }
  if (absl::Status status = parts.scale.Validate(); !status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("segment model scale: ", status.message()));
  }
  const size_t m = parts.outcome_ids.size();
  if (m == 0) {
    return absl::InvalidArgumentError("segment model has no outcome");
  }
  absl::flat_hash_set<std::string> seen;
  for (size_t o = 0; o < m; ++o) {
    if (parts.outcome_ids[o].empty()) {
      return absl::InvalidArgumentError(
          absl::StrFormat("segment model outcome_ids[%d] is empty", o));
    }
    if (!seen.insert(parts.outcome_ids[o]).second) {
      return absl::InvalidArgumentError(
          absl::StrFormat("segment model outcome_ids[%d] \"%s\" is repeated", o,
                          parts.outcome_ids[o]));
    }
  }
  if (parts.means.size() != m || parts.standard_deviations.size() != m) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "segment model has %d outcomes but %d means and %d standard "
        "deviations",
        m, parts.means.size(), parts.standard_deviations.size()));
  }
  if (absl::Status s = CheckFinite(parts.means, "means"); !s.ok()) return s;
  for (size_t o = 0; o < m; ++o) {
    const double sd = parts.standard_deviations[o];
    if (!std::isfinite(sd) || !(sd > 0)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "segment model standard_deviations[%d] must be finite and above 0",
          o));
    }
  }
  const size_t components = parts.loadings.columns;
  if (components != 0 &&
      (parts.loadings.rows != m || parts.eigenvalues.size() != components ||
       parts.loadings.values.size() != m * components)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "segment model components: %d eigenvalues and %d x %d loadings for "
        "%d outcomes",
        parts.eigenvalues.size(), parts.loadings.rows, components, m));
  }
  if (components == 0 && !parts.eigenvalues.empty()) {
    return absl::InvalidArgumentError(
        "segment model has eigenvalues but no loadings");
  }
  if (components > m) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "segment model has %d components for %d outcomes", components, m));
  }
  if (absl::Status s = CheckFinite(parts.eigenvalues, "eigenvalues"); !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckFinite(parts.loadings.values, "loadings");
      !s.ok()) {
    return s;
  }
  const size_t dimension = components != 0 ? components : m;
  if (parts.centroids.rows != 0 &&
      (parts.centroids.columns != dimension ||
       parts.centroids.values.size() != parts.centroids.rows * dimension)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "segment model centroids have %d coordinates, the clustering space "
        "%d",
        parts.centroids.columns, dimension));
  }
  if (absl::Status s = CheckFinite(parts.centroids.values, "centroids");
      !s.ok()) {
    return s;
  }
  if (!std::isfinite(parts.inertia) || parts.inertia < 0) {
    return absl::InvalidArgumentError(
        "segment model inertia must be finite and not negative");
  }
  return SegmentModel(std::move(parts));
}

absl::StatusOr<SegmentModel> SegmentModel::FromProto(
    const v1::SegmentModel& proto) {
  if (proto.format_version() != kFormatVersion) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "segment model format version %u is not supported (this library "
        "reads version %u)",
        proto.format_version(), kFormatVersion));
  }
  Parts parts;
  parts.feature = proto.feature();
  absl::StatusOr<Scale> scale = Scale::FromProto(proto.scale());
  if (!scale.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("segment model scale: ", scale.status().message()));
  }
  parts.scale = *scale;
  parts.outcome_ids.assign(proto.outcome_ids().begin(),
                           proto.outcome_ids().end());
  parts.means.assign(proto.means().begin(), proto.means().end());
  parts.standard_deviations.assign(proto.standard_deviations().begin(),
                                   proto.standard_deviations().end());
  const size_t m = parts.outcome_ids.size();
  const size_t components = static_cast<size_t>(proto.components_size());
  if (components != 0) {
    parts.loadings = segments::FeatureMatrix(m, components);
    for (size_t j = 0; j < components; ++j) {
      const v1::PrincipalComponent& component = proto.components(j);
      if (static_cast<size_t>(component.loadings_size()) != m) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "segment model components[%d] has %d loadings for %d outcomes", j,
            component.loadings_size(), m));
      }
      parts.eigenvalues.push_back(component.eigenvalue());
      for (size_t o = 0; o < m; ++o) {
        parts.loadings.at(o, j) = component.loadings(o);
      }
    }
  }
  const size_t dimension = components != 0 ? components : m;
  const size_t k = static_cast<size_t>(proto.centroids_size());
  if (k == 0) {
    return absl::InvalidArgumentError("segment model has no centroid");
  }
  if (proto.k() != k) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "segment model k is %u but it has %d centroids", proto.k(), k));
  }
  parts.centroids = segments::FeatureMatrix(k, dimension);
  for (size_t c = 0; c < k; ++c) {
    const v1::Centroid& centroid = proto.centroids(c);
    if (static_cast<size_t>(centroid.coordinates_size()) != dimension) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "segment model centroids[%d] has %d coordinates, the clustering "
          "space %d",
          c, centroid.coordinates_size(), dimension));
    }
    for (size_t t = 0; t < dimension; ++t) {
      parts.centroids.at(c, t) = centroid.coordinates(t);
    }
  }
  parts.seed = proto.seed();
  parts.starts = proto.starts();
  parts.inertia = proto.inertia();
  return Create(std::move(parts));
}

v1::SegmentModel SegmentModel::ToProto() const {
  v1::SegmentModel proto;
  proto.set_format_version(kFormatVersion);
  proto.set_feature(parts_.feature);
  *proto.mutable_scale() = parts_.scale.ToProto();
  for (const std::string& id : parts_.outcome_ids) proto.add_outcome_ids(id);
  for (double mean : parts_.means) proto.add_means(mean);
  for (double sd : parts_.standard_deviations) {
    proto.add_standard_deviations(sd);
  }
  for (size_t j = 0; j < component_count(); ++j) {
    v1::PrincipalComponent* component = proto.add_components();
    component->set_eigenvalue(parts_.eigenvalues[j]);
    for (size_t o = 0; o < outcome_count(); ++o) {
      component->add_loadings(parts_.loadings.at(o, j));
    }
  }
  for (size_t c = 0; c < k(); ++c) {
    v1::Centroid* centroid = proto.add_centroids();
    const double* row = parts_.centroids.row(c);
    for (size_t t = 0; t < parts_.centroids.columns; ++t) {
      centroid->add_coordinates(row[t]);
    }
  }
  proto.set_k(static_cast<uint32_t>(k()));
  proto.set_seed(parts_.seed);
  proto.set_starts(parts_.starts);
  proto.set_inertia(parts_.inertia);
  return proto;
}

size_t SegmentModel::Standardize(absl::Span<const uint8_t> importance,
                                 absl::Span<const uint8_t> satisfaction,
                                 double* standardized) const {
  size_t observed = 0;
  for (size_t o = 0; o < outcome_count(); ++o) {
    const std::optional<double> feature = OutcomeFeature(
        parts_.feature, parts_.scale, importance[o], satisfaction[o]);
    if (!feature.has_value()) {
      standardized[o] = 0;  // the mean, standardised
      continue;
    }
    ++observed;
    standardized[o] =
        (*feature - parts_.means[o]) / parts_.standard_deviations[o];
  }
  return observed;
}

void SegmentModel::Project(const double* standardized,
                           double* coordinates) const {
  const size_t components = component_count();
  if (components == 0) {
    std::copy_n(standardized, outcome_count(), coordinates);
    return;
  }
  std::fill_n(coordinates, components, 0.0);
  for (size_t o = 0; o < outcome_count(); ++o) {
    const double value = standardized[o];
    const double* loadings = parts_.loadings.row(o);
    for (size_t j = 0; j < components; ++j) {
      coordinates[j] += value * loadings[j];
    }
  }
}

absl::StatusOr<SegmentAssignment> SegmentModel::Place(
    absl::Span<const uint8_t> importance,
    absl::Span<const uint8_t> satisfaction) const {
  if (k() == 0) {
    return absl::FailedPreconditionError("segment model has no centroid");
  }
  std::vector<double> standardized(outcome_count());
  std::vector<double> coordinates(dimension());
  SegmentAssignment assignment;
  assignment.observed_count =
      Standardize(importance, satisfaction, standardized.data());
  if (assignment.observed_count == 0) {
    return absl::FailedPreconditionError(
        "no outcome of the segment model has both ratings: nothing to "
        "place the respondent by");
  }
  Project(standardized.data(), coordinates.data());
  double square = 0;
  assignment.cluster = static_cast<uint32_t>(
      segments::NearestCentroid(coordinates.data(), parts_.centroids, &square) +
      1);
  assignment.distance = std::sqrt(square);
  return assignment;
}

absl::StatusOr<SegmentAssignment> SegmentModel::AssignRatings(
    absl::Span<const uint8_t> importance,
    absl::Span<const uint8_t> satisfaction) const {
  if (importance.size() != outcome_count() ||
      satisfaction.size() != outcome_count()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%d importance and %d satisfaction ratings for a model of %d "
        "outcomes",
        importance.size(), satisfaction.size(), outcome_count()));
  }
  for (size_t o = 0; o < outcome_count(); ++o) {
    for (const auto& [name, rating] :
         {std::pair<const char*, int>{"importance", importance[o]},
          std::pair<const char*, int>{"satisfaction", satisfaction[o]}}) {
      if (rating != 0 && !parts_.scale.Contains(rating)) {
        return absl::InvalidArgumentError(
            absl::StrFormat("%s[%d] = %d is not on the model's scale %s", name,
                            o, rating, parts_.scale.ToString()));
      }
    }
  }
  return Place(importance, satisfaction);
}

absl::StatusOr<SegmentAssignment> SegmentModel::Assign(
    absl::Span<const RatedOutcome> answers) const {
  absl::flat_hash_map<absl::string_view, size_t> index;
  for (size_t o = 0; o < outcome_count(); ++o) {
    index.emplace(parts_.outcome_ids[o], o);
  }
  std::vector<uint8_t> importance(outcome_count(), 0);
  std::vector<uint8_t> satisfaction(outcome_count(), 0);
  absl::flat_hash_set<absl::string_view> given;
  for (size_t a = 0; a < answers.size(); ++a) {
    const RatedOutcome& answer = answers[a];
    if (!given.insert(answer.outcome_id).second) {
      return absl::InvalidArgumentError(
          absl::StrFormat("answers[%d]: outcome \"%s\" is given twice", a,
                          std::string(answer.outcome_id)));
    }
    for (const auto& [name, rating] :
         {std::pair<const char*, int>{"importance", answer.importance},
          std::pair<const char*, int>{"satisfaction", answer.satisfaction}}) {
      if (rating != 0 && !parts_.scale.Contains(rating)) {
        return absl::InvalidArgumentError(absl::StrFormat(
            "answers[%d].%s = %d is not on the model's scale %s", a, name,
            rating, parts_.scale.ToString()));
      }
    }
    auto it = index.find(answer.outcome_id);
    if (it == index.end()) continue;
    importance[it->second] = static_cast<uint8_t>(answer.importance);
    satisfaction[it->second] = static_cast<uint8_t>(answer.satisfaction);
  }
  return Place(importance, satisfaction);
}

absl::StatusOr<std::vector<uint32_t>> SegmentModel::AssignStudy(
    const Study& study) const {
  if (study.scale() != parts_.scale) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "the study's scale %s differs from the segment model's %s",
        study.scale().ToString(), parts_.scale.ToString()));
  }
  if (k() == 0) {
    return absl::FailedPreconditionError("segment model has no centroid");
  }
  std::vector<ptrdiff_t> columns(outcome_count());
  for (size_t o = 0; o < outcome_count(); ++o) {
    columns[o] = study.FindOutcome(parts_.outcome_ids[o]);
  }
  std::vector<uint32_t> clusters(study.respondent_count(), 0);
  std::vector<uint8_t> importance(outcome_count());
  std::vector<uint8_t> satisfaction(outcome_count());
  for (size_t r = 0; r < study.respondent_count(); ++r) {
    for (size_t o = 0; o < outcome_count(); ++o) {
      const ptrdiff_t column = columns[o];
      importance[o] = column < 0 ? 0 : study.importance(r, column);
      satisfaction[o] = column < 0 ? 0 : study.satisfaction(r, column);
    }
    absl::StatusOr<SegmentAssignment> assignment =
        Place(importance, satisfaction);
    if (assignment.ok()) clusters[r] = assignment->cluster;
  }
  return clusters;
}

}  // namespace jtbd
