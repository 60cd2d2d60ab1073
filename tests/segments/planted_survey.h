#ifndef JTBD_TESTS_SEGMENTS_PLANTED_SURVEY_H_
#define JTBD_TESTS_SEGMENTS_PLANTED_SURVEY_H_

// Synthetic surveys with planted outcome-based segments: each segment has
// its own block of unmet outcomes (important, unsatisfied), every other
// outcome is rated at random, and a few percent of ratings are blank.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/study.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace testing_support {

struct PlantedSurveySpec {
  std::vector<double> segment_shares = {0.5, 0.3, 0.2};
  size_t respondents = 600;
  size_t outcomes = 30;
  size_t unmet_per_segment = 6;  // segment g: outcomes g*u .. g*u + u - 1
  double blank_rate = 0.03;      // each rating blank with this probability
  uint64_t seed = 7;
  // Gives each respondent a "role" that over-represents in segment 1
  // (carpenter) and a "region" unrelated to the segments.
  bool attributes = true;
};

struct PlantedSurvey {
  Study study;
  std::vector<uint32_t> segments;  // planted segment of each respondent
};

inline double Unit(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// A rating on 1-5, top box (4-5) with probability top_box_probability.
inline uint8_t Rating(std::mt19937_64& rng, double top_box_probability) {
  if (Unit(rng) < top_box_probability) return rng() % 2 == 0 ? 4 : 5;
  return static_cast<uint8_t>(1 + rng() % 3);
}

inline PlantedSurvey MakePlantedSurvey(const PlantedSurveySpec& spec) {
  PlantedSurvey survey;
  std::mt19937_64 rng(spec.seed);
  for (size_t o = 0; o < spec.outcomes; ++o) {
    EXPECT_TRUE(
        survey.study.AddOutcome({"o" + std::to_string(o + 1), "", ""}).ok());
  }
  std::vector<uint32_t> rs, os;
  std::vector<uint8_t> is, ss;
  for (size_t r = 0; r < spec.respondents; ++r) {
    // Segment sizes follow the shares exactly, in blocks.
    double cumulative = 0;
    uint32_t segment = 0;
    const double position = (r + 0.5) / spec.respondents;
    for (size_t g = 0; g < spec.segment_shares.size(); ++g) {
      cumulative += spec.segment_shares[g];
      segment = static_cast<uint32_t>(g);
      if (position < cumulative) break;
    }
    survey.segments.push_back(segment);
    const size_t index = *survey.study.AddRespondent("r" + std::to_string(r));
    if (spec.attributes) {
      const bool carpenter = segment == 0 ? Unit(rng) < 0.7 : Unit(rng) < 0.2;
      EXPECT_TRUE(survey.study
                      .SetAttribute(index, "role",
                                    carpenter ? "carpenter" : "electrician")
                      .ok());
      EXPECT_TRUE(
          survey.study
              .SetAttribute(index, "region", rng() % 2 == 0 ? "north" : "south")
              .ok());
    }
    const size_t unmet_first = segment * spec.unmet_per_segment;
    for (size_t o = 0; o < spec.outcomes; ++o) {
      const bool unmet =
          o >= unmet_first && o < unmet_first + spec.unmet_per_segment;
      uint8_t importance = Rating(rng, unmet ? 0.9 : 0.35);
      uint8_t satisfaction = Rating(rng, unmet ? 0.1 : 0.6);
      if (Unit(rng) < spec.blank_rate) importance = 0;
      if (Unit(rng) < spec.blank_rate) satisfaction = 0;
      if (importance == 0 && satisfaction == 0) continue;
      rs.push_back(static_cast<uint32_t>(index));
      os.push_back(static_cast<uint32_t>(o));
      is.push_back(importance);
      ss.push_back(satisfaction);
    }
  }
  EXPECT_TRUE(survey.study.AddAnswers({rs, os, is, ss}).ok());
  return survey;
}

}  // namespace testing_support
}  // namespace jtbd

#endif  // JTBD_TESTS_SEGMENTS_PLANTED_SURVEY_H_
