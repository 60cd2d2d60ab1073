// score.cpp - ranks the desired outcomes of a survey with libjtbd's C++ API.
//
//   score_cpp SURVEY.csv [SEGMENT_ATTRIBUTE]
//
// Prints every outcome ranked by opportunity over all respondents, then the
// five largest opportunities of each segment when an attribute is named.
// Build: c++ -std=c++17 score.cpp -ljtbd
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

#include "jtbd/jtbd.hpp"

namespace {

void PrintRanking(const std::vector<jtbd::OutcomeScore>& outcomes,
                  size_t limit) {
  const size_t count = std::min(limit, outcomes.size());
  for (size_t i = 0; i < count; ++i) {
    const jtbd::OutcomeScore& score = outcomes[i];
    // Scores are unrounded; one decimal is for display, as Ulwick does.
    std::printf(
        "  %2u. %-6s opportunity %4.1f  importance %4.1f  "
        "satisfaction %4.1f  %-20s (n=%llu/%llu)\n",
        static_cast<unsigned>(score.rank), score.outcome_id.c_str(),
        score.opportunity, score.importance, score.satisfaction,
        jtbd::BandName(score.band),
        static_cast<unsigned long long>(score.importance_count),
        static_cast<unsigned long long>(score.satisfaction_count));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: " << argv[0] << " SURVEY.csv [SEGMENT_ATTRIBUTE]\n";
    return 2;
  }
  try {
    jtbd::ScoreOptions options;
    if (argc == 3) options.segment_by = argv[2];
    // Read and scored in one step, keeping no respondent in memory; default
    // read options: the layout detected, the 1-5 scale, top box 4 and 5.
    const jtbd::Report report = jtbd::ScoreSurveyFile(argv[1], options);

    std::printf("%s: %llu respondents, %zu outcomes\n", argv[1],
                static_cast<unsigned long long>(report.respondent_count()),
                report.outcomes().size());
    PrintRanking(report.outcomes(), report.outcomes().size());
    for (const jtbd::SegmentReport& segment : report.segments()) {
      std::printf("\nsegment %s (%llu respondents), largest opportunities:\n",
                  segment.name.c_str(),
                  static_cast<unsigned long long>(segment.respondent_count));
      PrintRanking(segment.outcomes, 5);
    }
  } catch (const jtbd::Error& error) {
    // what() reads "NOT_FOUND: <message>"; code() is there to branch on.
    std::cerr << "score_cpp: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
