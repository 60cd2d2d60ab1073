// Random respondents for the stream tests: top-box shares per outcome,
// ratings on 1-5 (top box 4-5), importance and satisfaction independent.
#ifndef JTBD_TESTS_STREAM_STREAM_TEST_UTIL_H_
#define JTBD_TESTS_STREAM_STREAM_TEST_UTIL_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/aggregate.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace stream {
namespace testing_util {

inline std::vector<Outcome> Outcomes(int count) {
  std::vector<Outcome> outcomes(count);
  for (int o = 0; o < count; ++o) outcomes[o].id = "o" + std::to_string(o);
  return outcomes;
}

// One respondent's ratings drawn from the shares.
inline void Draw(std::mt19937_64& rng, const std::vector<double>& importance,
                 const std::vector<double>& satisfaction,
                 std::vector<uint8_t>* imp, std::vector<uint8_t>* sat) {
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> top(4, 5), rest(1, 3);
  imp->resize(importance.size());
  sat->resize(importance.size());
  for (size_t o = 0; o < importance.size(); ++o) {
    (*imp)[o] =
        static_cast<uint8_t>(u(rng) < importance[o] ? top(rng) : rest(rng));
    (*sat)[o] =
        static_cast<uint8_t>(u(rng) < satisfaction[o] ? top(rng) : rest(rng));
  }
}

// An aggregate of n respondents drawn from the shares (a reference wave).
inline Aggregate DrawAggregate(std::mt19937_64& rng, int n,
                               const std::vector<double>& importance,
                               const std::vector<double>& satisfaction) {
  Aggregate aggregate = *Aggregate::Create(
      Scale{}, Outcomes(static_cast<int>(importance.size())));
  std::vector<uint8_t> imp, sat;
  for (int r = 0; r < n; ++r) {
    Draw(rng, importance, satisfaction, &imp, &sat);
    EXPECT_TRUE(aggregate.AddRespondents(1, imp, sat).ok());
  }
  return aggregate;
}

}  // namespace testing_util
}  // namespace stream
}  // namespace jtbd

#endif  // JTBD_TESTS_STREAM_STREAM_TEST_UTIL_H_
