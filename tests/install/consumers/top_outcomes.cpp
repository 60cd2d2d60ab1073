// top_outcomes.cpp - a consumer of the installed jtbd.hpp (C++17); prints
// what top_outcomes.c prints.
#include <cstdio>
#include <iostream>
#include <jtbd/jtbd.hpp>

namespace {

void PrintTop(const std::string& name, uint64_t respondents,
              const jtbd::OutcomeScore& s) {
  std::printf("%s (%llu): %u %s %u/%u %u/%u %.6f %s\n", name.c_str(),
              static_cast<unsigned long long>(respondents),
              static_cast<unsigned>(s.rank), s.outcome_id.c_str(),
              static_cast<unsigned>(s.importance_top_box_count),
              static_cast<unsigned>(s.importance_count),
              static_cast<unsigned>(s.satisfaction_top_box_count),
              static_cast<unsigned>(s.satisfaction_count), s.opportunity,
              jtbd::BandName(s.band));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: top_outcomes_cpp SURVEY.csv\n";
    return 2;
  }
  try {
    std::printf("jtbd %s\n", jtbd::version());
    const jtbd::Study study = jtbd::Study::ReadCsvFile(argv[1]);
    jtbd::ScoreOptions options;
    options.segment_by = "segment";
    const jtbd::Report report = study.Score(options);
    PrintTop("all", report.respondent_count(), report.outcomes().at(0));
    for (const jtbd::SegmentReport& segment : report.segments()) {
      PrintTop(segment.name, segment.respondent_count, segment.outcomes.at(0));
    }
  } catch (const jtbd::Error& error) {
    std::cerr << "top_outcomes_cpp: " << error.what() << "\n";
    return 1;
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}
