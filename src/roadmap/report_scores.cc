#include "roadmap/report_scores.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"

namespace jtbd {
namespace roadmap {
namespace {

ScoreGroup GroupOf(
    const google::protobuf::RepeatedPtrField<v1::OutcomeScore>& outcomes,
    const std::vector<std::string>& ids, std::string segment, double weight) {
  absl::flat_hash_map<std::string, const v1::OutcomeScore*> by_id;
  for (const v1::OutcomeScore& score : outcomes) {
    by_id[score.outcome_id()] = &score;
  }
  ScoreGroup group;
  group.segment = std::move(segment);
  group.weight = weight;
  for (const std::string& id : ids) {
    const auto it = by_id.find(id);
    // Nobody rated it (or the segment lacks it): no opportunity to close.
    const bool rated =
        it != by_id.end() && it->second->band() != v1::BAND_INSUFFICIENT_DATA;
    group.importance.push_back(rated ? it->second->importance() : 0);
    group.satisfaction.push_back(rated ? it->second->satisfaction() : 0);
  }
  return group;
}

}  // namespace

absl::StatusOr<SurveyScores> ScoresOfReport(const v1::Report& report,
                                            absl::string_view source) {
  if (report.outcomes().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": the report has no outcomes"));
  }
  if (report.score_method() == v1::SCORE_METHOD_OLSEN) {
    return absl::InvalidArgumentError(absl::StrCat(
        source,
        ": the report was scored with Olsen's opportunity (0-1); a roadmap "
        "is valued on 0-10 importance and satisfaction (score it with the "
        "Ulwick method)"));
  }
  SurveyScores scores;
  for (const v1::OutcomeScore& score : report.outcomes()) {
    scores.outcome_ids.push_back(score.outcome_id());
  }
  if (report.segments().empty()) {
    scores.groups.push_back(
        GroupOf(report.outcomes(), scores.outcome_ids, "", 1));
    return scores;
  }
  scores.segment_by = report.segment_by();
  double total = 0;
  for (const v1::SegmentReport& segment : report.segments()) {
    total += segment.respondent_count();
  }
  for (const v1::SegmentReport& segment : report.segments()) {
    scores.groups.push_back(
        GroupOf(segment.outcomes(), scores.outcome_ids, segment.name(),
                total > 0 ? segment.respondent_count() / total : 0));
  }
  return scores;
}

absl::StatusOr<v1::Report> ParseReportJson(absl::string_view json,
                                           absl::string_view source) {
  v1::Report report;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &report,
      options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        source, ": not a jtbd.v1.Report in JSON: ",
        std::string(status.message().data(), status.message().size())));
  }
  return report;
}

}  // namespace roadmap
}  // namespace jtbd
