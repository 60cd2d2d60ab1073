// Simulated surveys of one outcome for the coverage and size simulations:
// n respondents, true top-box shares, correlated answers, blanks and
// optional survey weights.
#ifndef JTBD_TESTS_CORE_SIMULATED_SURVEY_H_
#define JTBD_TESTS_CORE_SIMULATED_SURVEY_H_

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "core/aggregate.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace testing_simulation {

constexpr double kBlankRate = 0.05;         // each rating, independently
constexpr double kAnswerCorrelation = 0.3;  // of the two top-box answers

// One simulated study design: n respondents, true top-box shares, and
// whether respondents carry survey weights.
struct Setting {
  int respondents;
  double importance;    // true top-box share
  double satisfaction;  // true top-box share
  double gap_in_standard_errors;
  bool weighted;

  std::string Name() const {
    return absl::StrFormat("n=%d pI=%.2f pS=%.3f (I-S=%+.1f se)%s", respondents,
                           importance, satisfaction, gap_in_standard_errors,
                           weighted ? " weighted" : "");
  }
  double TrueOpportunity() const {
    const double i = 10 * importance, s = 10 * satisfaction;
    return i + std::max(i - s, 0.0);
  }
};

// Satisfaction share placing I - S at `gap` standard errors of the
// difference of the two estimated shares (answers correlated, blanks).
inline Setting MakeSetting(int n, double importance, double gap,
                           bool weighted) {
  const double answered = n * (1 - kBlankRate);
  const double variance = importance * (1 - importance);
  const double sd =
      std::sqrt((2 * variance - 2 * kAnswerCorrelation * variance) / answered);
  return Setting{n, importance, importance - gap * sd, gap, weighted};
}

inline double Uniform(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// One simulated survey of one outcome: top box is rated 5 (importance) or 4
// (satisfaction), otherwise 2 or 1, 0 for a blank; weights 0.5, 1 or 2,
// unrelated to the answers.
inline Aggregate SimulateSurvey(const Setting& setting, std::mt19937_64& rng) {
  const double pi = setting.importance, ps = setting.satisfaction;
  double both =
      pi * ps + kAnswerCorrelation * std::sqrt(pi * (1 - pi) * ps * (1 - ps));
  both = std::clamp(both, std::max(0.0, pi + ps - 1), std::min(pi, ps));
  const size_t n = static_cast<size_t>(setting.respondents);
  std::vector<uint8_t> importance(n), satisfaction(n);
  std::vector<double> weights(n);
  for (size_t r = 0; r < n; ++r) {
    const double u = Uniform(rng);
    const bool top_importance = u < pi;
    const bool top_satisfaction = u < both || (u >= pi && u < pi + ps - both);
    importance[r] = Uniform(rng) < kBlankRate ? 0 : (top_importance ? 5 : 2);
    satisfaction[r] =
        Uniform(rng) < kBlankRate ? 0 : (top_satisfaction ? 4 : 1);
    weights[r] = std::array<double, 3>{0.5, 1.0, 2.0}[rng() % 3];
  }
  Aggregate aggregate = *Aggregate::Create(Scale(), {{"o", "", ""}});
  if (setting.weighted) {
    EXPECT_TRUE(
        aggregate.AddWeightedRespondents(n, importance, satisfaction, weights)
            .ok());
  } else {
    EXPECT_TRUE(aggregate.AddRespondents(n, importance, satisfaction).ok());
  }
  return aggregate;
}

}  // namespace testing_simulation
}  // namespace jtbd

#endif  // JTBD_TESTS_CORE_SIMULATED_SURVEY_H_
