// score_request.cpp - an app that embeds jtbd through its schemas: it builds
// a jtbd.v1.ScoreRequest with classes generated from the installed .proto
// files, scores the serialized bytes through the C ABI (jtbd_score_request,
// by jtbd.hpp's ScoreRequest) and reads the serialized jtbd.v1.Report back.
// Prints what ../consumers/top_outcomes.c prints for the same survey.
//   score_request SURVEY.csv
// The survey is examples/survey.csv's wide layout: respondent_id, attribute
// columns, then imp_<outcome> and sat_<outcome> (1-5, blank: no answer).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "jtbd/jtbd.hpp"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"

namespace {

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// The request the survey asks for: every respondent with its attributes
// and answers, scored by segment.
bool BuildRequest(const char* path, jtbd::v1::ScoreRequest* request) {
  std::ifstream file(path);
  std::string line;
  if (!std::getline(file, line)) return false;
  const std::vector<std::string> header = SplitCsvLine(line);
  jtbd::v1::Study* study = request->mutable_study();
  std::map<std::string, int> importance_column;
  for (size_t i = 1; i < header.size(); ++i) {
    if (StartsWith(header[i], "imp_")) {
      const std::string outcome = header[i].substr(4);
      study->add_outcomes()->set_id(outcome);
      importance_column[outcome] = static_cast<int>(i);
    }
  }
  while (std::getline(file, line)) {
    const std::vector<std::string> row = SplitCsvLine(line);
    if (row.size() != header.size()) return false;
    jtbd::v1::Respondent* respondent = study->add_respondents();
    respondent->set_id(row[0]);
    for (size_t i = 1; i < header.size(); ++i) {
      if (StartsWith(header[i], "imp_") || StartsWith(header[i], "sat_")) {
        continue;
      }
      (*respondent->mutable_attributes())[header[i]] = row[i];
    }
    for (const jtbd::v1::DesiredOutcome& outcome : study->outcomes()) {
      const int column = importance_column[outcome.id()];
      const std::string& importance = row[column];
      const std::string& satisfaction = row[column + 1];  // sat_ follows
      if (importance.empty() && satisfaction.empty()) continue;
      jtbd::v1::Answer* answer = respondent->add_answers();
      answer->set_outcome_id(outcome.id());
      // 0: no answer.
      answer->set_importance(importance.empty() ? 0 : std::stoi(importance));
      answer->set_satisfaction(satisfaction.empty() ? 0
                                                    : std::stoi(satisfaction));
    }
  }
  request->mutable_options()->set_segment_by("segment");
  return true;
}

void PrintTop(const std::string& name, unsigned respondents,
              const jtbd::v1::OutcomeScore& s) {
  std::printf("%s (%u): %u %s %u/%u %u/%u %.6f %s\n", name.c_str(), respondents,
              s.rank(), s.outcome_id().c_str(), s.importance_top_box_count(),
              s.importance_count(), s.satisfaction_top_box_count(),
              s.satisfaction_count(), s.opportunity(),
              jtbd::BandName(static_cast<jtbd::Band>(s.band())));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: score_request SURVEY.csv\n";
    return 2;
  }
  jtbd::v1::ScoreRequest request;
  if (!BuildRequest(argv[1], &request)) {
    std::cerr << "score_request: cannot read " << argv[1] << "\n";
    return 1;
  }
  jtbd::v1::Report report;
  try {
    const std::string report_bytes =
        jtbd::ScoreRequest(request.SerializeAsString());
    if (!report.ParseFromString(report_bytes) || report.outcomes_size() == 0) {
      std::cerr << "score_request: not a jtbd.v1.Report with outcomes\n";
      return 1;
    }
  } catch (const jtbd::Error& error) {
    std::cerr << "score_request: " << error.what() << "\n";
    return 1;
  }
  std::printf("jtbd %s\n", jtbd::version());
  PrintTop("all", report.respondent_count(), report.outcomes(0));
  for (const jtbd::v1::SegmentReport& segment : report.segments()) {
    PrintTop(segment.name(), segment.respondent_count(), segment.outcomes(0));
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}
