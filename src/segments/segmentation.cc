#include "segments/segmentation.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/aggregate.h"
#include "core/segment_comparison.h"
#include "segments/attribute_overrepresentation.h"
#include "segments/kmeans.h"
#include "segments/segment_features.h"
#include "segments/segmentation_warnings.h"
#include "segments/silhouette.h"
#include "stats/bootstrap.h"

namespace jtbd {
namespace {

using segments::FeatureMatrix;

absl::Status OptionError(absl::string_view option, uint64_t value,
                         absl::string_view rule) {
  return absl::InvalidArgumentError(
      absl::StrFormat("segmentation option %s = %d: %s", option, value, rule));
}

// The respondents whose silhouette is computed: all, or a sample drawn
// without replacement (partial Fisher-Yates) from the seed, sorted.
std::vector<size_t> SilhouetteRespondents(size_t n, uint32_t sample_size,
                                          uint64_t seed) {
  std::vector<size_t> all(n);
  std::iota(all.begin(), all.end(), 0);
  if (sample_size == 0 || sample_size >= n) return all;
  std::mt19937_64 rng(
      stats::BootstrapStreamSeed(seed, "segments", "silhouette sample"));
  for (size_t i = 0; i < sample_size; ++i) {
    const double unit = static_cast<double>(rng() >> 11) * 0x1.0p-53;
    // min: a product that rounds up to n - i must not run past the end.
    const size_t j = std::min(n - 1, i + static_cast<size_t>(unit * (n - i)));
    std::swap(all[i], all[j]);
  }
  all.resize(sample_size);
  std::sort(all.begin(), all.end());
  return all;
}

struct Candidate {
  uint32_t k = 0;
  segments::KMeansResult fit;
};

// Aggregates of each segment's respondents (clusters 1..k; 0 skipped).
std::vector<Aggregate> SegmentAggregates(const Study& study,
                                         const std::vector<uint32_t>& clusters,
                                         size_t k) {
  // The study's outcomes were validated on the way in.
  Aggregate empty = *Aggregate::Create(study.scale(), study.outcomes());
  if (study.weighted()) empty.EnableWeights();
  std::vector<Aggregate> aggregates(k, empty);
  for (size_t r = 0; r < clusters.size(); ++r) {
    if (clusters[r] == 0) continue;
    Aggregate& aggregate = aggregates[clusters[r] - 1];
    const double weight = study.weight(r);
    for (size_t o = 0; o < study.outcome_count(); ++o) {
      const int importance = study.importance(r, o);
      const int satisfaction = study.satisfaction(r, o);
      if (study.weighted()) {
        aggregate.AddValidatedWeighted(o, importance, satisfaction, weight);
      } else {
        aggregate.AddValidated(o, importance, satisfaction);
      }
    }
    aggregate.AddRespondentCount(1);
  }
  return aggregates;
}

}  // namespace

absl::StatusOr<SegmentationPlan> MakeSegmentationPlan(
    const v1::SegmentationOptions& options) {
  SegmentationPlan plan;
  switch (options.feature()) {
    case v1::SEGMENT_FEATURE_UNSPECIFIED:
    case v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY:
      plan.feature = v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY;
      break;
    case v1::SEGMENT_FEATURE_RATING_OPPORTUNITY:
      plan.feature = v1::SEGMENT_FEATURE_RATING_OPPORTUNITY;
      break;
    default:
      return OptionError("feature", options.feature(), "unknown feature");
  }
  plan.principal_components = options.principal_components();
  if (options.k() == 1 || options.k() > SegmentationPlan::kMaxK) {
    return OptionError("k", options.k(),
                       absl::StrCat("must be 0 (choose) or from 2 to ",
                                    SegmentationPlan::kMaxK));
  }
  plan.k = options.k();
  if (options.min_k() != 0) plan.min_k = options.min_k();
  if (options.max_k() != 0) plan.max_k = options.max_k();
  if (plan.min_k < 2) {
    return OptionError("min_k", plan.min_k, "must be at least 2");
  }
  if (plan.max_k > SegmentationPlan::kMaxK) {
    return OptionError(
        "max_k", plan.max_k,
        absl::StrCat("must be at most ", SegmentationPlan::kMaxK));
  }
  if (plan.max_k < plan.min_k) {
    return OptionError("max_k", plan.max_k,
                       absl::StrCat("must be at least min_k = ", plan.min_k));
  }
  if (options.starts() != 0) plan.starts = options.starts();
  if (plan.starts > SegmentationPlan::kMaxStarts) {
    return OptionError(
        "starts", plan.starts,
        absl::StrCat("must be at most ", SegmentationPlan::kMaxStarts));
  }
  if (options.max_iterations() != 0) {
    plan.max_iterations = options.max_iterations();
  }
  if (plan.max_iterations > SegmentationPlan::kMaxIterations) {
    return OptionError(
        "max_iterations", plan.max_iterations,
        absl::StrCat("must be at most ", SegmentationPlan::kMaxIterations));
  }
  if (options.has_seed()) plan.seed = options.seed();
  if (options.threads() > SegmentationPlan::kMaxThreads) {
    return OptionError(
        "threads", options.threads(),
        absl::StrCat("must be at most ", SegmentationPlan::kMaxThreads));
  }
  plan.threads = options.threads();
  if (options.has_silhouette_sample_size()) {
    plan.silhouette_sample_size = options.silhouette_sample_size();
    if (plan.silhouette_sample_size == 1) {
      return OptionError("silhouette_sample_size", 1,
                         "must be 0 (every respondent) or at least 2");
    }
  }
  if (options.has_min_attribute_count()) {
    plan.min_attribute_count = options.min_attribute_count();
  }
  if (!options.scoring().segment_by().empty()) {
    return absl::InvalidArgumentError(
        "segmentation option scoring.segment_by must be empty: segments come "
        "from the clustering");
  }
  absl::StatusOr<ScoringPlan> scoring = MakeScoringPlan(options.scoring());
  if (!scoring.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "segmentation option scoring: ", scoring.status().message()));
  }
  plan.scoring = *scoring;
  return plan;
}

absl::StatusOr<Segmentation> SegmentStudy(
    const Study& study, const v1::SegmentationOptions& options) {
  absl::StatusOr<SegmentationPlan> plan = MakeSegmentationPlan(options);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<SegmentFeatures> features =
      BuildSegmentFeatures(study, plan->feature, plan->principal_components);
  if (!features.ok()) return features.status();
  const FeatureMatrix& points = features->points;
  const size_t n = points.rows;

  // Candidate k: silhouettes need 2 <= k <= n - 1.
  uint32_t low = plan->k != 0 ? plan->k : plan->min_k;
  uint32_t high = plan->k != 0 ? plan->k : plan->max_k;
  if (low > n - 1) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "%d clustered respondents cannot form %d segments (at most %d)", n, low,
        n - 1));
  }
  high = static_cast<uint32_t>(std::min<size_t>(high, n - 1));
  std::vector<Candidate> candidates;
  for (uint32_t k = low; k <= high; ++k) {
    segments::KMeansOptions kmeans;
    kmeans.k = k;
    kmeans.starts = plan->starts;
    kmeans.max_iterations = plan->max_iterations;
    kmeans.seed = plan->seed;
    kmeans.threads = plan->threads;
    absl::StatusOr<segments::KMeansResult> fit =
        segments::FitKMeans(points, kmeans);
    if (!fit.ok()) {
      // Fewer distinct respondents than k: larger k cannot work either.
      if (plan->k == 0 && !candidates.empty() &&
          absl::IsFailedPrecondition(fit.status())) {
        break;
      }
      return fit.status();
    }
    candidates.push_back({k, *std::move(fit)});
  }

  const std::vector<size_t> evaluated =
      SilhouetteRespondents(n, plan->silhouette_sample_size, plan->seed);
  std::vector<segments::Labelling> labellings;
  for (const Candidate& candidate : candidates) {
    labellings.push_back({candidate.fit.labels, candidate.k});
  }
  absl::StatusOr<std::vector<segments::SilhouetteSummary>> silhouettes =
      segments::ComputeSilhouettes(points, labellings, evaluated,
                                   plan->threads);
  if (!silhouettes.ok()) return silhouettes.status();
  size_t chosen = 0;
  for (size_t c = 1; c < candidates.size(); ++c) {
    if ((*silhouettes)[c].mean > (*silhouettes)[chosen].mean) chosen = c;
  }
  const Candidate& winner = candidates[chosen];
  const size_t k = winner.k;

  // Segments numbered by size, largest first; ties by first respondent.
  std::vector<size_t> sizes(k, 0), first_member(k, n);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t label = winner.fit.labels[i];
    ++sizes[label];
    first_member[label] = std::min(first_member[label], i);
  }
  std::vector<size_t> order(k);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    if (sizes[x] != sizes[y]) return sizes[x] > sizes[y];
    return first_member[x] < first_member[y];
  });
  std::vector<uint32_t> segment_of_label(k);
  for (size_t s = 0; s < k; ++s) {
    segment_of_label[order[s]] = static_cast<uint32_t>(s + 1);
  }

  SegmentModel::Parts parts = features->model.parts();
  parts.centroids = FeatureMatrix(k, points.columns);
  for (size_t s = 0; s < k; ++s) {
    std::copy_n(winner.fit.centroids.row(order[s]), points.columns,
                parts.centroids.row(s));
  }
  parts.seed = plan->seed;
  parts.starts = plan->starts;
  parts.inertia = winner.fit.inertia;
  absl::StatusOr<SegmentModel> model = SegmentModel::Create(std::move(parts));
  if (!model.ok()) return model.status();

  v1::SegmentationReport report;
  report.set_feature(plan->feature);
  for (const std::string& id : model->outcome_ids()) report.add_outcome_ids(id);
  for (const std::string& id : features->dropped_outcome_ids) {
    report.add_dropped_outcome_ids(id);
  }
  for (double value : features->eigenvalues) report.add_eigenvalues(value);
  report.set_component_count(static_cast<uint32_t>(model->component_count()));
  report.set_respondent_count(static_cast<uint32_t>(n));
  report.set_unclustered_respondent_count(
      static_cast<uint32_t>(study.respondent_count() - n));
  report.set_imputed_feature_count(features->imputed_count);
  report.set_k(static_cast<uint32_t>(k));
  report.set_k_chosen(plan->k == 0);
  for (size_t c = 0; c < candidates.size(); ++c) {
    v1::SegmentCount* count = report.add_candidates();
    count->set_k(candidates[c].k);
    count->set_silhouette((*silhouettes)[c].mean);
    count->set_inertia(candidates[c].fit.inertia);
    count->set_iterations(candidates[c].fit.iterations);
  }
  report.set_silhouette_respondent_count(
      static_cast<uint32_t>(evaluated.size()));
  report.set_seed(plan->seed);
  report.set_starts(plan->starts);

  std::vector<uint32_t> clusters(study.respondent_count(), 0);
  for (size_t i = 0; i < n; ++i) {
    clusters[features->respondents[i]] = segment_of_label[winner.fit.labels[i]];
  }
  for (size_t r = 0; r < study.respondent_count(); ++r) {
    v1::RespondentSegment* respondent = report.add_respondents();
    respondent->set_respondent_id(study.respondent_id(r));
    respondent->set_cluster(clusters[r]);
  }

  // Profiles: scores of each segment against the rest of the clustered.
  std::vector<Aggregate> aggregates = SegmentAggregates(study, clusters, k);
  Aggregate all = aggregates[0];
  for (size_t s = 1; s < k; ++s) {
    if (absl::Status status = all.Merge(aggregates[s]); !status.ok()) {
      return status;
    }
  }
  AttributeProfileOptions attribute_options;
  attribute_options.alpha = 1 - plan->scoring.confidence_level;
  attribute_options.min_count = plan->min_attribute_count;
  absl::StatusOr<AttributeProfiles> attributes =
      FindOverrepresentedAttributes(study, clusters, k, attribute_options);
  if (!attributes.ok()) return attributes.status();
  for (v1::SetAsideAttribute& set_aside : attributes->set_aside) {
    *report.add_set_aside_attributes() = std::move(set_aside);
  }
  report.set_min_attribute_count(plan->min_attribute_count);
  const segments::SilhouetteSummary& silhouette = (*silhouettes)[chosen];
  for (size_t s = 0; s < k; ++s) {
    const std::string name = absl::StrCat("segment ", s + 1);
    absl::StatusOr<v1::Report> scores =
        ScoreAggregate(aggregates[s], plan->scoring, name);
    if (!scores.ok()) return scores.status();
    v1::SegmentProfile* profile = report.add_segments();
    profile->set_cluster(static_cast<uint32_t>(s + 1));
    profile->set_respondent_count(static_cast<uint32_t>(sizes[order[s]]));
    profile->set_share(static_cast<double>(sizes[order[s]]) /
                       static_cast<double>(n));
    profile->set_silhouette(silhouette.cluster_means[order[s]]);
    v1::SegmentReport* segment = profile->mutable_scores();
    segment->set_name(name);
    segment->set_respondent_count(scores->respondent_count());
    if (scores->has_effective_respondent_count()) {
      segment->set_effective_respondent_count(
          scores->effective_respondent_count());
    }
    segment->mutable_outcomes()->Swap(scores->mutable_outcomes());
    Aggregate rest = all;
    absl::Status status = rest.Subtract(aggregates[s]);
    if (status.ok()) {
      status = CompareSegment(aggregates[s], rest, plan->scoring, segment);
    }
    if (!status.ok()) return status;
    for (v1::AttributeOverrepresentation& attribute : attributes->segments[s]) {
      *profile->add_overrepresented_attributes() = std::move(attribute);
    }
  }
  // The outcome comparisons of all segments are one family.
  std::vector<v1::SegmentReport*> compared;
  for (v1::SegmentProfile& profile : *report.mutable_segments()) {
    compared.push_back(profile.mutable_scores());
  }
  AdjustSegmentComparisons(compared, plan->scoring);
  report.set_p_value_adjustment(plan->scoring.p_value_adjustment);
  AddSegmentationWarnings(&report);
  return Segmentation{std::move(report), *std::move(model)};
}

}  // namespace jtbd
