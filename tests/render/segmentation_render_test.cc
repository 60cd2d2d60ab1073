#include "render/segmentation_render.h"

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "jtbd/v1/segmentation.pb.h"
#include "render/respondent_segments_render.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// An outcome's scores from its counts, Ulwick's way: 10 x top-box share,
// opportunity I + max(I - S, 0).
v1::OutcomeScore Score(const std::string& id, int importance_top_box,
                       int satisfaction_top_box, int count, v1::Band band,
                       int rank) {
  v1::OutcomeScore score;
  score.set_outcome_id(id);
  const double importance = 10.0 * importance_top_box / count;
  const double satisfaction = 10.0 * satisfaction_top_box / count;
  score.set_importance(importance);
  score.set_satisfaction(satisfaction);
  score.set_opportunity(importance + std::max(importance - satisfaction, 0.0));
  score.set_band(band);
  score.set_importance_count(count);
  score.set_satisfaction_count(count);
  score.set_rank(rank);
  return score;
}

// Two segments of 60 and 40 respondents found among k = 2..3, one
// respondent not clustered; ids needing CSV quoting.
v1::SegmentationReport TwoSegments() {
  v1::SegmentationReport report;
  report.set_feature(v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY);
  report.add_outcome_ids("off_track");
  report.add_outcome_ids("blade");
  report.add_dropped_outcome_ids("dust");
  report.set_respondent_count(100);
  report.set_unclustered_respondent_count(1);
  report.set_imputed_feature_count(7);
  report.set_k(2);
  report.set_k_chosen(true);
  report.set_silhouette_respondent_count(100);
  report.set_seed(42);
  report.set_starts(25);
  v1::SegmentCount* two = report.add_candidates();
  two->set_k(2);
  two->set_silhouette(0.41234);
  two->set_inertia(123.456);
  two->set_iterations(4);
  v1::SegmentCount* three = report.add_candidates();
  three->set_k(3);
  three->set_silhouette(0.2);
  three->set_inertia(99.94);
  three->set_iterations(11);
  for (const auto& [id, cluster] :
       std::vector<std::pair<std::string, uint32_t>>{
           {"r1", 1}, {"Smith, J.", 2}, {"say \"hi\"", 1}, {"r4", 0}}) {
    v1::RespondentSegment* respondent = report.add_respondents();
    respondent->set_respondent_id(id);
    respondent->set_cluster(cluster);
  }

  v1::SegmentProfile* first = report.add_segments();
  first->set_cluster(1);
  first->set_respondent_count(60);
  first->set_share(0.6);
  first->set_silhouette(0.5);
  v1::SegmentReport* scores = first->mutable_scores();
  scores->set_name("segment 1");
  scores->set_respondent_count(60);
  scores->set_rest_respondent_count(40);
  // 54 of 60 important (9.0), 6 of 60 satisfied (1.0): opportunity 17.0.
  *scores->add_outcomes() = Score("off_track", 54, 6, 60, v1::BAND_EXTREME, 1);
  scores->mutable_outcomes(0)->mutable_opportunity_interval()->set_low(15.25);
  scores->mutable_outcomes(0)->mutable_opportunity_interval()->set_high(18.5);
  scores->mutable_outcomes(0)->set_statement(
      "Minimize the likelihood that the cut goes off track");
  *scores->add_outcomes() = Score("blade", 30, 30, 60, v1::BAND_OVERSERVED, 2);
  v1::SegmentComparison* off_track = scores->add_comparisons();
  off_track->set_outcome_id("off_track");
  off_track->set_rest_opportunity(6.5);
  off_track->set_opportunity_difference(10.5);
  off_track->mutable_opportunity_difference_interval()->set_low(6.14);
  off_track->mutable_opportunity_difference_interval()->set_high(14.16);
  off_track->mutable_opportunity_test()->set_holm_adjusted_p_value(0.00002);
  off_track->set_more_underserved(true);
  v1::SegmentComparison* blade = scores->add_comparisons();
  blade->set_outcome_id("blade");
  blade->set_rest_opportunity(5);
  blade->set_opportunity_difference(0);
  blade->mutable_opportunity_test()->set_holm_adjusted_p_value(1);
  scores->add_more_underserved_outcome_ids("off_track");
  v1::AttributeOverrepresentation* role =
      first->add_overrepresented_attributes();
  role->set_attribute("role");
  role->set_value("finish carpenter");
  role->set_segment_count(42);
  role->set_segment_total(60);
  role->set_rest_count(8);
  role->set_rest_total(40);
  role->set_segment_share(0.7);
  role->set_rest_share(0.2);
  role->set_lift(3.5);
  role->mutable_test()->set_holm_adjusted_p_value(0.0031);

  v1::SegmentProfile* second = report.add_segments();
  second->set_cluster(2);
  second->set_respondent_count(40);
  second->set_share(0.4);
  second->set_silhouette(0.3);
  v1::SegmentReport* rest = second->mutable_scores();
  rest->set_name("segment 2");
  rest->set_respondent_count(40);
  rest->set_rest_respondent_count(60);
  *rest->add_outcomes() = Score("blade", 36, 4, 40, v1::BAND_EXTREME, 1);
  *rest->add_outcomes() =
      Score("off_track", 10, 30, 40, v1::BAND_OVERSERVED, 2);
  rest->add_comparisons()->set_outcome_id("blade");
  rest->add_comparisons()->set_outcome_id("off_track");
  return report;
}

TEST(SegmentationTableTest, SaysHowKWasChosenAndMarksIt) {
  const std::string table = RenderSegmentationTable(TwoSegments());
  EXPECT_THAT(table, HasSubstr("Segmentation: 100 respondents clustered into "
                               "2 segments (k chosen by mean silhouette)\n"));
  EXPECT_THAT(table, HasSubstr("2 outcomes clustered on; 25 k-means++ starts "
                               "per k, seed 42\n"));
  EXPECT_THAT(table, HasSubstr("Dropped (did not vary): dust\n"));
  EXPECT_THAT(table, HasSubstr("7 features imputed with the outcome's mean; "
                               "1 respondent not clustered"));
  // Silhouette rounded to 3 decimals, inertia to 1; the chosen k starred.
  EXPECT_THAT(table, HasSubstr("  *   2       0.412    123.5           4\n"));
  EXPECT_THAT(table, HasSubstr("      3       0.200     99.9          11\n"));
  EXPECT_THAT(table, HasSubstr("Silhouettes of all 100 respondents"));
  EXPECT_THAT(table, Not(HasSubstr("Principal components")));
}

TEST(SegmentationTableTest, GivenKAndSampledSilhouettesAreSaid) {
  v1::SegmentationReport report = TwoSegments();
  report.set_k_chosen(false);
  report.set_silhouette_respondent_count(50);
  report.set_component_count(2);
  report.add_eigenvalues(1.6);
  report.add_eigenvalues(0.4);
  const std::string table = RenderSegmentationTable(report);
  EXPECT_THAT(table, HasSubstr("into 2 segments (k given)"));
  EXPECT_THAT(table, HasSubstr("a seeded sample of 50 of 100 respondents"));
  EXPECT_THAT(table, HasSubstr("Principal components: 2 kept"));
  // Everybody clustered: no count of the unclustered.
  report.set_unclustered_respondent_count(0);
  EXPECT_THAT(RenderSegmentationTable(report),
              HasSubstr("Missing answers: 7 features imputed with the "
                        "outcome's mean\n"));
}

TEST(SegmentationTableTest, ProfilesEachSegment) {
  const std::string table = RenderSegmentationTable(TwoSegments());
  EXPECT_THAT(table, HasSubstr("\nSegment 1: 60 respondents (60.0%), "
                               "silhouette 0.500\n"));
  EXPECT_THAT(table, HasSubstr("\nSegment 2: 40 respondents (40.0%), "
                               "silhouette 0.300\n"));
  // I 9.0, S 1.0, Opp 17.0, the interval, the band; the statement wrapped
  // at 50 characters, its last word on a continuation line.
  EXPECT_THAT(table,
              HasSubstr("\n     1  off_track  Minimize the likelihood that the "
                        "cut goes off         9.0    1.0   17.0  [15.2, 18.5]  "
                        "extreme\n"
                        "                   track\n"));
  // Columns line up across segments; no statement, a blank cell.
  EXPECT_THAT(table, HasSubstr("\n     1  blade      " + std::string(50, ' ') +
                               "    9.0    1.0   17.0  -             "
                               "extreme\n"));
  EXPECT_THAT(table, HasSubstr("More underserved than for the other 40 "
                               "respondents (Holm-adjusted across segments and "
                               "outcomes):\n"
                               "  off_track  opportunity +10.5 [6.1, 14.2] "
                               "(17.0 vs 6.5), adjusted p < 0.0001\n"));
  EXPECT_THAT(table, HasSubstr("No outcome significantly more underserved "
                               "than for the other 60 respondents\n"));
  EXPECT_THAT(table,
              HasSubstr("  role = finish carpenter  70.0% of the segment "
                        "(42/60) vs 20.0% of the rest (8/40), lift 3.50, "
                        "adjusted p = 0.0031\n"));
  EXPECT_THAT(table, HasSubstr("No attribute value significantly "
                               "over-represented\n"));
}

TEST(SegmentationTableTest, SaysTheAttributeTestAndWhatWasSetAside) {
  v1::SegmentationReport report = TwoSegments();
  report.set_min_attribute_count(5);
  std::string table = RenderSegmentationTable(report);
  EXPECT_THAT(table, HasSubstr("Over-represented attribute values (Fisher "
                               "mid-p, Holm-adjusted; held by at least 5 of "
                               "the segment):\n"));
  EXPECT_THAT(table, Not(HasSubstr("set aside")));
  EXPECT_EQ(RenderSegmentationNotes(report), "");
  v1::SetAsideAttribute* email = report.add_set_aside_attributes();
  email->set_attribute("email");
  email->set_reason(v1::ATTRIBUTE_SET_ASIDE_REASON_HIGH_CARDINALITY);
  email->set_distinct_value_count(98);
  email->set_respondent_count(100);
  v1::SetAsideAttribute* id = report.add_set_aside_attributes();
  id->set_attribute("crm id");
  id->set_distinct_value_count(60);
  id->set_respondent_count(60);
  const std::string line =
      "Attributes set aside (most values unique: identifiers, emails or free "
      "text; not tested): email (98 distinct of 100), crm id (60 distinct of "
      "60)\n";
  EXPECT_THAT(RenderSegmentationTable(report), HasSubstr(line));
  // The CSV stays respondent_id,cluster; the note is for stderr.
  EXPECT_EQ(RenderSegmentationNotes(report), line);
  EXPECT_THAT(RenderSegmentationCsv(report), Not(HasSubstr("email")));
}

TEST(SegmentationTableTest, ListsAtMostFiveRankedOutcomes) {
  v1::SegmentationReport report = TwoSegments();
  v1::SegmentReport* scores = report.mutable_segments(0)->mutable_scores();
  scores->clear_outcomes();
  for (int o = 1; o <= 7; ++o) {
    *scores->add_outcomes() =
        Score("o" + std::to_string(o), 60 - o, 0, 60, v1::BAND_EXTREME, o);
  }
  // An outcome without data has rank 0 and is never listed.
  v1::SegmentReport* second = report.mutable_segments(1)->mutable_scores();
  second->mutable_outcomes(1)->set_rank(0);
  const std::string table = RenderSegmentationTable(report);
  EXPECT_THAT(table, HasSubstr("\n     5  o5 "));
  EXPECT_THAT(table, Not(HasSubstr("\n     6  o6 ")));
  const size_t segment2 = table.find("Segment 2:");
  ASSERT_NE(segment2, std::string::npos);
  EXPECT_THAT(table.substr(segment2), Not(HasSubstr("off_track ")));
}

TEST(SegmentationTableTest, ControlCharactersCannotBreakLines) {
  v1::SegmentationReport report = TwoSegments();
  report.mutable_segments(0)->mutable_overrepresented_attributes(0)->set_value(
      "two\nlines");
  const std::string table = RenderSegmentationTable(report);
  EXPECT_THAT(table, HasSubstr("role = two lines "));
}

TEST(SegmentationJsonTest, IsTheProtobufMappingAndReadsBack) {
  const v1::SegmentationReport report = TwoSegments();
  const absl::StatusOr<std::string> json = RenderSegmentationJson(report);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(json->back(), '\n');
  EXPECT_THAT(*json, HasSubstr("\"respondentId\": \"Smith, J.\""));
  EXPECT_THAT(*json, HasSubstr("\"feature\": \"SEGMENT_FEATURE_TOP_BOX_"
                               "OPPORTUNITY\""));
  EXPECT_THAT(*json, HasSubstr("\"kChosen\": true"));
  // Defaults printed: no eigenvalues, no components.
  EXPECT_THAT(*json, HasSubstr("\"componentCount\": 0"));
  v1::SegmentationReport parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(*json, &parsed).ok());
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(parsed, report));
}

TEST(SegmentationCsvTest, OneRowPerRespondentQuotedPerRfc4180) {
  EXPECT_EQ(RenderSegmentationCsv(TwoSegments()),
            "respondent_id,cluster\r\n"
            "r1,1\r\n"
            "\"Smith, J.\",2\r\n"
            "\"say \"\"hi\"\"\",1\r\n"
            "r4,0\r\n");
}

TEST(RespondentSegmentsTest, TableCountsEverySegment) {
  const v1::SegmentationReport report = TwoSegments();
  const std::string table =
      RenderRespondentSegmentsTable(report.respondents(), 3);
  const std::vector<std::string> lines = absl::StrSplit(table, '\n');
  EXPECT_THAT(lines, ElementsAre("Respondent  Segment",    //
                                 "r1                1",    //
                                 "Smith, J.         2",    //
                                 "say \"hi\"          1",  //
                                 "r4                -",    //
                                 "",
                                 "4 respondents: segment 1: 2, segment 2: 1, "
                                 "segment 3: 0; not placed (no usable "
                                 "answer): 1",
                                 ""));
}

TEST(RespondentSegmentsTest, JsonCarriesIdsAndClustersOnly) {
  const v1::SegmentationReport report = TwoSegments();
  const absl::StatusOr<std::string> json =
      RenderRespondentSegmentsJson(report.respondents());
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json,
            "{\n  \"respondents\": [\n"
            "    {\"respondentId\":\"r1\",\"cluster\":1},\n"
            "    {\"respondentId\":\"Smith, J.\",\"cluster\":2},\n"
            "    {\"respondentId\":\"say \\\"hi\\\"\",\"cluster\":1},\n"
            "    {\"respondentId\":\"r4\",\"cluster\":0}\n"
            "  ]\n}\n");
  // Nothing to tag: still valid JSON.
  const absl::StatusOr<std::string> empty =
      RenderRespondentSegmentsJson(RespondentSegments());
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, "{\n  \"respondents\": []\n}\n");
}

}  // namespace
}  // namespace jtbd
