// Small aggregates for the wave tests, built respondent by respondent.
#ifndef JTBD_TESTS_WAVES_WAVE_TEST_UTIL_H_
#define JTBD_TESTS_WAVES_WAVE_TEST_UTIL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/aggregate.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace waves {
namespace testing_util {

// One outcome of a wave: n respondents, the first importance_top rating
// importance 5 (the rest 2), the first satisfaction_top rating
// satisfaction 5 (the rest 2); so min(importance_top, satisfaction_top)
// are top box on both.
struct OutcomeCounts {
  std::string id;
  int importance_top = 0;
  int satisfaction_top = 0;
};

// A 1-5 aggregate (top box 4-5) of n respondents answering every outcome.
inline Aggregate MakeWave(int n, const std::vector<OutcomeCounts>& outcomes) {
  std::vector<Outcome> declared;
  for (const OutcomeCounts& o : outcomes) {
    Outcome outcome;
    outcome.id = o.id;
    declared.push_back(outcome);
  }
  Aggregate aggregate = *Aggregate::Create(Scale{}, declared);
  const size_t m = outcomes.size();
  std::vector<uint8_t> importance(static_cast<size_t>(n) * m);
  std::vector<uint8_t> satisfaction(static_cast<size_t>(n) * m);
  for (int r = 0; r < n; ++r) {
    for (size_t o = 0; o < m; ++o) {
      importance[r * m + o] = r < outcomes[o].importance_top ? 5 : 2;
      satisfaction[r * m + o] = r < outcomes[o].satisfaction_top ? 5 : 2;
    }
  }
  EXPECT_TRUE(aggregate.AddRespondents(n, importance, satisfaction).ok());
  return aggregate;
}

}  // namespace testing_util
}  // namespace waves
}  // namespace jtbd

#endif  // JTBD_TESTS_WAVES_WAVE_TEST_UTIL_H_
