#include "segments/attribute_overrepresentation.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "stats/fisher_exact.h"
#include "stats/holm.h"
#include "stats/proportion_test.h"

namespace jtbd {
namespace {

struct Candidate {
  v1::AttributeOverrepresentation result;
  size_t attribute = 0;  // order of the attribute
  size_t value = 0;      // first-seen order of the value
  double lift = 0;       // infinity when the rest has none
};

// One attribute's values over the clustered respondents.
struct ValueCounts {
  std::vector<std::string> values;  // first-seen order
  // counts[value * (k + 1) + segment]; segment 0 unused.
  std::vector<uint64_t> counts;
  std::vector<uint64_t> totals;  // per segment, respondents with a value
  uint64_t all = 0;              // respondents with a value
};

ValueCounts CountValues(const Study& study, absl::Span<const uint32_t> clusters,
                        size_t k, const std::string& name) {
  ValueCounts result;
  result.totals.assign(k + 1, 0);
  absl::flat_hash_map<std::string, size_t> value_index;
  for (size_t r = 0; r < clusters.size(); ++r) {
    if (clusters[r] == 0) continue;
    const absl::string_view value = study.attribute(r, name);
    if (value.empty()) continue;
    auto [it, inserted] =
        value_index.try_emplace(std::string(value), result.values.size());
    if (inserted) {
      result.values.emplace_back(value);
      result.counts.resize(result.counts.size() + k + 1, 0);
    }
    ++result.counts[it->second * (k + 1) + clusters[r]];
    ++result.totals[clusters[r]];
    ++result.all;
  }
  return result;
}

}  // namespace

bool IsMostlyUniqueAttribute(size_t distinct_values,
                             size_t respondents_with_value) {
  return distinct_values >
             AttributeProfileOptions::kHighCardinalityMinDistinct &&
         static_cast<double>(distinct_values) >
             AttributeProfileOptions::kHighCardinalityShare *
                 static_cast<double>(respondents_with_value);
}

absl::StatusOr<AttributeProfiles> FindOverrepresentedAttributes(
    const Study& study, absl::Span<const uint32_t> clusters, size_t k,
    const AttributeProfileOptions& options) {
  if (clusters.size() != study.respondent_count()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%d clusters for %d respondents", clusters.size(),
                        study.respondent_count()));
  }
  for (size_t r = 0; r < clusters.size(); ++r) {
    if (clusters[r] > k) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "respondent %d is in segment %d of %d", r, clusters[r], k));
    }
  }
  AttributeProfiles profiles;
  std::vector<std::vector<Candidate>> found(k);
  const std::vector<std::string>& names = study.attribute_names();
  for (size_t a = 0; a < names.size(); ++a) {
    const ValueCounts counted = CountValues(study, clusters, k, names[a]);
    if (IsMostlyUniqueAttribute(counted.values.size(), counted.all)) {
      v1::SetAsideAttribute& set_aside = profiles.set_aside.emplace_back();
      set_aside.set_attribute(names[a]);
      set_aside.set_reason(v1::ATTRIBUTE_SET_ASIDE_REASON_HIGH_CARDINALITY);
      set_aside.set_distinct_value_count(
          static_cast<uint32_t>(counted.values.size()));
      set_aside.set_respondent_count(static_cast<uint32_t>(counted.all));
      continue;
    }
    const std::vector<uint64_t>& counts = counted.counts;
    for (size_t segment = 1; segment <= k; ++segment) {
      const uint64_t segment_total = counted.totals[segment];
      const uint64_t rest_total = counted.all - segment_total;
      if (segment_total == 0 || rest_total == 0) continue;
      std::vector<Candidate> tested;
      std::vector<double> p_values;
      for (size_t v = 0; v < counted.values.size(); ++v) {
        uint64_t value_count = 0;
        for (size_t s = 1; s <= k; ++s) value_count += counts[v * (k + 1) + s];
        if (value_count < options.min_count) continue;
        const uint64_t segment_count = counts[v * (k + 1) + segment];
        const uint64_t rest_count = value_count - segment_count;
        const std::optional<stats::FisherExactTest> exact =
            stats::FisherExactGreater(segment_count,
                                      segment_total - segment_count, rest_count,
                                      rest_total - rest_count);
        if (!exact.has_value()) continue;
        const double segment_share = static_cast<double>(segment_count) /
                                     static_cast<double>(segment_total);
        const double rest_share =
            static_cast<double>(rest_count) / static_cast<double>(rest_total);
        Candidate candidate;
        candidate.attribute = a;
        candidate.value = v;
        v1::AttributeOverrepresentation& out = candidate.result;
        out.set_attribute(names[a]);
        out.set_value(counted.values[v]);
        out.set_segment_count(static_cast<uint32_t>(segment_count));
        out.set_segment_total(static_cast<uint32_t>(segment_total));
        out.set_rest_count(static_cast<uint32_t>(rest_count));
        out.set_rest_total(static_cast<uint32_t>(rest_total));
        out.set_segment_share(segment_share);
        out.set_rest_share(rest_share);
        if (rest_share > 0) {
          candidate.lift = segment_share / rest_share;
          out.set_lift(candidate.lift);
        } else {
          candidate.lift = std::numeric_limits<double>::infinity();
        }
        // The z statistic describes the size of the difference; its normal
        // p-value is not used (far too small for small counts).
        const std::optional<stats::ZTest> z = stats::TwoProportionZTest(
            segment_share, static_cast<double>(segment_total), rest_share,
            static_cast<double>(rest_total));
        if (z.has_value()) out.mutable_test()->set_z(z->z);
        out.mutable_test()->set_p_value(exact->mid_p_value);
        out.set_fisher_p_value(exact->p_value);
        p_values.push_back(exact->mid_p_value);
        tested.push_back(std::move(candidate));
      }
      const std::vector<double> adjusted = stats::HolmAdjustedPValues(p_values);
      for (size_t t = 0; t < tested.size(); ++t) {
        Candidate& candidate = tested[t];
        candidate.result.mutable_test()->set_holm_adjusted_p_value(adjusted[t]);
        if (adjusted[t] < options.alpha &&
            candidate.result.segment_count() >= options.min_count &&
            candidate.result.segment_share() > candidate.result.rest_share()) {
          found[segment - 1].push_back(std::move(candidate));
        }
      }
    }
  }
  profiles.segments.resize(k);
  for (size_t segment = 0; segment < k; ++segment) {
    std::vector<Candidate>& list = found[segment];
    std::stable_sort(list.begin(), list.end(),
                     [](const Candidate& x, const Candidate& y) {
                       if (x.lift != y.lift) return x.lift > y.lift;
                       if (x.attribute != y.attribute) {
                         return x.attribute < y.attribute;
                       }
                       return x.value < y.value;
                     });
    for (Candidate& candidate : list) {
      profiles.segments[segment].push_back(std::move(candidate.result));
    }
  }
  return profiles;
}

}  // namespace jtbd
