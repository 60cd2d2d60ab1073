// Segmentation through the C ABI: a survey with planted segments built with
// jtbd_study_* calls, segmented, profiled, rendered, and its model saved,
// reloaded and applied respondent by respondent.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// --------------------------------------------------- the planted survey
//
// 200 respondents r0..r199 in three planted segments of 100, 60 and 40
// (in blocks), 12 outcomes o1..o12. Planted segment g's unmet outcomes are
// o(4g+1)..o(4g+4): importance 4-5, satisfaction 1-2. Every other rating is
// random: importance top box with probability 0.3, satisfaction with 0.7.
// About 3 % of ratings are blank. Role "carpenter" for 80 % of segment 0
// and 20 % of the others, else "electrician". The generator is a 64-bit LCG
// (Knuth's MMIX constants) so the C++ and Python tests build the same
// survey bit for bit.
constexpr size_t kRespondents = 200;
constexpr size_t kOutcomes = 12;
constexpr size_t kUnmetPerSegment = 4;

class Lcg {
 public:
  explicit Lcg(uint64_t seed) : state_(seed) {}
  // Uniform in [0, 1) from the top 53 bits of the next state.
  double Unit() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) * 0x1.0p-53;
  }

 private:
  uint64_t state_;
};

struct PlantedSurvey {
  Study study;
  std::vector<uint32_t> planted;  // 0, 1, 2 per respondent
  std::vector<std::string> roles;
  std::vector<std::vector<uint8_t>> importance;  // [respondent][outcome]
  std::vector<std::vector<uint8_t>> satisfaction;
};

uint8_t Rating(Lcg& rng, double top_box_probability) {
  const double top = rng.Unit();
  const double pick = rng.Unit();
  if (top < top_box_probability) return pick < 0.5 ? 4 : 5;
  return static_cast<uint8_t>(1 + static_cast<int>(pick * 3));
}

uint32_t PlantedSegment(size_t respondent) {
  return respondent < 100 ? 0 : respondent < 160 ? 1 : 2;
}

PlantedSurvey MakePlantedSurvey() {
  PlantedSurvey survey;
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  survey.study.reset(raw);
  for (size_t o = 0; o < kOutcomes; ++o) {
    const std::string id = "o" + std::to_string(o + 1);
    EXPECT_THAT(Result(jtbd_study_add_outcome(raw, id.data(), id.size(),
                                              nullptr, 0, nullptr)),
                IsOk());
  }
  Lcg rng(2024);
  std::vector<uint32_t> respondents, outcomes;
  std::vector<uint8_t> importance, satisfaction;
  for (size_t r = 0; r < kRespondents; ++r) {
    const uint32_t segment = PlantedSegment(r);
    survey.planted.push_back(segment);
    const std::string id = "r" + std::to_string(r);
    size_t index = 0;
    EXPECT_THAT(
        Result(jtbd_study_add_respondent(raw, id.data(), id.size(), &index)),
        IsOk());
    const bool carpenter = rng.Unit() < (segment == 0 ? 0.8 : 0.2);
    survey.roles.push_back(carpenter ? "carpenter" : "electrician");
    EXPECT_THAT(Result(jtbd_study_set_attribute(raw, index, "role", 4,
                                                survey.roles.back().data(),
                                                survey.roles.back().size())),
                IsOk());
    survey.importance.emplace_back(kOutcomes, 0);
    survey.satisfaction.emplace_back(kOutcomes, 0);
    for (size_t o = 0; o < kOutcomes; ++o) {
      const bool unmet = o / kUnmetPerSegment == segment;
      uint8_t i = unmet ? Rating(rng, 1.0) : Rating(rng, 0.3);
      uint8_t s = unmet ? static_cast<uint8_t>(1 + (rng.Unit() < 0.5))
                        : Rating(rng, 0.7);
      if (rng.Unit() < 0.03) i = 0;
      if (rng.Unit() < 0.03) s = 0;
      survey.importance[r][o] = i;
      survey.satisfaction[r][o] = s;
      if (i == 0 && s == 0) continue;
      respondents.push_back(static_cast<uint32_t>(index));
      outcomes.push_back(static_cast<uint32_t>(o));
      importance.push_back(i);
      satisfaction.push_back(s);
    }
  }
  EXPECT_THAT(Result(jtbd_study_add_answers(
                  raw, respondents.size(), respondents.data(), outcomes.data(),
                  importance.data(), satisfaction.data())),
              IsOk());
  return survey;
}

// Options that keep the tests quick: no bootstrap, two threads.
SegmentOptions QuickOptions() {
  jtbd_segment_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_segment_options_create(&raw)), IsOk());
  SegmentOptions options(raw);
  jtbd_score_options* score_raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_options_create(&score_raw)), IsOk());
  ScoreOptions score(score_raw);
  EXPECT_THAT(Result(jtbd_score_options_set_bootstrap_resamples(score_raw, 0)),
              IsOk());
  EXPECT_THAT(Result(jtbd_segment_options_set_score_options(raw, score_raw)),
              IsOk());
  EXPECT_THAT(Result(jtbd_segment_options_set_threads(raw, 2)), IsOk());
  return options;
}

Segmentation Segment(const jtbd_study* study,
                     const jtbd_segment_options* options) {
  jtbd_segmentation* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_segment(study, options, &raw)), IsOk());
  return Segmentation(raw);
}

jtbd_segmentation_info Info(const jtbd_segmentation* segmentation) {
  jtbd_segmentation_info info;
  std::memset(&info, 0, sizeof(info));
  info.struct_size = sizeof(info);
  EXPECT_THAT(Result(jtbd_segmentation_get_info(segmentation, &info)), IsOk());
  return info;
}

std::vector<uint32_t> Clusters(const jtbd_segmentation* segmentation,
                               size_t count) {
  std::vector<uint32_t> clusters(count, 99);
  EXPECT_THAT(Result(jtbd_segmentation_respondent_clusters(
                  segmentation, clusters.data(), clusters.size())),
              IsOk());
  return clusters;
}

// Planted segment g is segment g + 1: segments are numbered by size and the
// planted sizes are 100 > 60 > 40.
std::vector<uint32_t> PlantedClusters(const PlantedSurvey& survey) {
  std::vector<uint32_t> clusters;
  for (uint32_t g : survey.planted) clusters.push_back(g + 1);
  return clusters;
}

std::string Text(const char* data, size_t length) {
  return std::string(data, length);
}

class SegmentTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    survey_ = new PlantedSurvey(MakePlantedSurvey());
    SegmentOptions options = QuickOptions();
    segmentation_ = Segment(survey_->study.get(), options.get()).release();
  }
  static void TearDownTestSuite() {
    jtbd_segmentation_destroy(segmentation_);
    delete survey_;
  }
  static PlantedSurvey* survey_;
  static jtbd_segmentation* segmentation_;
};
PlantedSurvey* SegmentTest::survey_ = nullptr;
jtbd_segmentation* SegmentTest::segmentation_ = nullptr;

TEST_F(SegmentTest, ChoosesThePlantedKAndRecoversThePlantedSegments) {
  const jtbd_segmentation_info info = Info(segmentation_);
  EXPECT_EQ(info.k, 3u);
  EXPECT_EQ(info.k_chosen, 1u);
  EXPECT_EQ(info.feature, JTBD_SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY);
  EXPECT_EQ(info.component_count, 0u);
  EXPECT_EQ(info.respondent_count, kRespondents);
  EXPECT_EQ(info.unclustered_respondent_count, 0u);
  EXPECT_EQ(info.outcome_count, kOutcomes);
  EXPECT_EQ(info.dropped_outcome_count, 0u);
  EXPECT_EQ(info.candidate_count, 7u);  // k = 2..8
  EXPECT_EQ(info.silhouette_respondent_count, kRespondents);
  EXPECT_EQ(info.starts, 25u);
  EXPECT_EQ(info.seed, 42u);
  // Each blank rating makes one feature imputed: count them by hand.
  uint64_t imputed = 0;
  for (size_t r = 0; r < kRespondents; ++r) {
    for (size_t o = 0; o < kOutcomes; ++o) {
      imputed +=
          survey_->importance[r][o] == 0 || survey_->satisfaction[r][o] == 0;
    }
  }
  EXPECT_GT(imputed, 0u);
  EXPECT_EQ(info.imputed_feature_count, imputed);

  EXPECT_EQ(Clusters(segmentation_, kRespondents), PlantedClusters(*survey_));
  for (size_t r : {0, 99, 100, 159, 160, 199}) {
    uint32_t cluster = 99;
    EXPECT_THAT(Result(jtbd_segmentation_respondent_cluster(segmentation_, r,
                                                            &cluster)),
                IsOk());
    EXPECT_EQ(cluster, survey_->planted[r] + 1) << "respondent " << r;
  }
}

TEST_F(SegmentTest, ReportsEveryCandidateKWithThePlantedOneBest) {
  double best = -2;
  uint32_t best_k = 0;
  for (size_t c = 0; c < 7; ++c) {
    jtbd_segment_candidate candidate;
    std::memset(&candidate, 0, sizeof(candidate));
    candidate.struct_size = sizeof(candidate);
    ASSERT_THAT(
        Result(jtbd_segmentation_candidate(segmentation_, c, &candidate)),
        IsOk());
    EXPECT_EQ(candidate.k, c + 2);
    EXPECT_GT(candidate.iterations, 0u);
    EXPECT_GT(candidate.inertia, 0);
    EXPECT_GE(candidate.silhouette, -1);
    EXPECT_LE(candidate.silhouette, 1);
    if (candidate.silhouette > best) {
      best = candidate.silhouette;
      best_k = candidate.k;
    }
  }
  EXPECT_EQ(best_k, 3u);
  jtbd_segment_candidate candidate;
  candidate.struct_size = sizeof(candidate);
  EXPECT_THAT(Result(jtbd_segmentation_candidate(segmentation_, 7, &candidate)),
              FailsWith(JTBD_OUT_OF_RANGE, "index 7 is out of range"));
}

TEST_F(SegmentTest, ListsTheOutcomesClusteredOn) {
  for (size_t o = 0; o < kOutcomes; ++o) {
    const char* id = nullptr;
    size_t length = 0;
    ASSERT_THAT(
        Result(jtbd_segmentation_outcome_id(segmentation_, o, &id, &length)),
        IsOk());
    EXPECT_EQ(Text(id, length), "o" + std::to_string(o + 1));
  }
  const char* id = nullptr;
  EXPECT_THAT(Result(jtbd_segmentation_dropped_outcome_id(segmentation_, 0, &id,
                                                          nullptr)),
              FailsWith(JTBD_OUT_OF_RANGE, "(0 available)"));
}

TEST_F(SegmentTest, ProfilesHaveThePlantedSizesAndSharesAndRoles) {
  const uint32_t sizes[3] = {100, 60, 40};
  for (uint32_t cluster = 1; cluster <= 3; ++cluster) {
    jtbd_segment_profile profile;
    std::memset(&profile, 0, sizeof(profile));
    profile.struct_size = sizeof(profile);
    ASSERT_THAT(Result(jtbd_segmentation_segment_profile(segmentation_, cluster,
                                                         &profile)),
                IsOk());
    EXPECT_EQ(profile.cluster, cluster);
    EXPECT_EQ(profile.respondent_count, sizes[cluster - 1]);
    EXPECT_DOUBLE_EQ(profile.share, sizes[cluster - 1] / 200.0);
    EXPECT_GT(profile.silhouette, 0);
    EXPECT_LE(profile.silhouette, 1);
  }
  // Carpenters over-represent in segment 1 (80 % against 20 %), with the
  // counts of the generator.
  size_t segment_carpenters = 0, rest_carpenters = 0;
  for (size_t r = 0; r < kRespondents; ++r) {
    if (survey_->roles[r] != "carpenter") continue;
    (survey_->planted[r] == 0 ? segment_carpenters : rest_carpenters)++;
  }
  jtbd_segment_profile profile;
  profile.struct_size = sizeof(profile);
  ASSERT_THAT(
      Result(jtbd_segmentation_segment_profile(segmentation_, 1, &profile)),
      IsOk());
  ASSERT_GE(profile.overrepresented_attribute_count, 1u);
  jtbd_attribute_overrepresentation attribute;
  std::memset(&attribute, 0, sizeof(attribute));
  attribute.struct_size = sizeof(attribute);
  ASSERT_THAT(Result(jtbd_segmentation_segment_attribute(segmentation_, 1, 0,
                                                         &attribute)),
              IsOk());
  EXPECT_EQ(Text(attribute.attribute, attribute.attribute_len), "role");
  EXPECT_EQ(Text(attribute.value, attribute.value_len), "carpenter");
  EXPECT_EQ(attribute.segment_count, segment_carpenters);
  EXPECT_EQ(attribute.segment_total, 100u);
  EXPECT_EQ(attribute.rest_count, rest_carpenters);
  EXPECT_EQ(attribute.rest_total, 100u);
  EXPECT_DOUBLE_EQ(attribute.segment_share, segment_carpenters / 100.0);
  EXPECT_DOUBLE_EQ(attribute.rest_share, rest_carpenters / 100.0);
  EXPECT_EQ(attribute.has_lift, 1u);
  EXPECT_DOUBLE_EQ(attribute.lift,
                   (segment_carpenters / 100.0) / (rest_carpenters / 100.0));
  EXPECT_GT(attribute.test.z, 0);
  EXPECT_LT(attribute.test.holm_adjusted_p_value, 0.05);

  EXPECT_THAT(
      Result(jtbd_segmentation_segment_profile(segmentation_, 0, &profile)),
      FailsWith(JTBD_OUT_OF_RANGE, "cluster 0 is out of range"));
  EXPECT_THAT(
      Result(jtbd_segmentation_segment_profile(segmentation_, 4, &profile)),
      FailsWith(JTBD_OUT_OF_RANGE, "segments are 1 to 3"));
  EXPECT_THAT(Result(jtbd_segmentation_segment_attribute(
                  segmentation_, 1, profile.overrepresented_attribute_count,
                  &attribute)),
              FailsWith(JTBD_OUT_OF_RANGE, "index"));
}

// A segment's report equals scoring a study of only its respondents (point
// estimates, counts and Wilson intervals; the bootstrap is off), and its
// planted unmet outcomes rank first and are significantly more underserved
// than in the rest.
TEST_F(SegmentTest, SegmentReportEqualsScoringTheSegmentAlone) {
  const std::vector<uint32_t> clusters = Clusters(segmentation_, kRespondents);
  for (uint32_t cluster = 1; cluster <= 3; ++cluster) {
    jtbd_report* raw = nullptr;
    ASSERT_THAT(Result(jtbd_segmentation_create_segment_report(segmentation_,
                                                               cluster, &raw)),
                IsOk());
    Report report(raw);

    // The same respondents in a study of their own, scored directly.
    jtbd_study* alone_raw = nullptr;
    ASSERT_THAT(Result(jtbd_study_create(&alone_raw)), IsOk());
    Study alone(alone_raw);
    for (size_t o = 0; o < kOutcomes; ++o) {
      const std::string id = "o" + std::to_string(o + 1);
      ASSERT_THAT(Result(jtbd_study_add_outcome(alone_raw, id.data(), id.size(),
                                                nullptr, 0, nullptr)),
                  IsOk());
    }
    std::vector<uint32_t> rs, os;
    std::vector<uint8_t> is, ss;
    for (size_t r = 0; r < kRespondents; ++r) {
      if (clusters[r] != cluster) continue;
      size_t index = 0;
      ASSERT_THAT(
          Result(jtbd_study_add_respondent(alone_raw, nullptr, 0, &index)),
          IsOk());
      for (size_t o = 0; o < kOutcomes; ++o) {
        if (survey_->importance[r][o] == 0 && survey_->satisfaction[r][o] == 0)
          continue;
        rs.push_back(static_cast<uint32_t>(index));
        os.push_back(static_cast<uint32_t>(o));
        is.push_back(survey_->importance[r][o]);
        ss.push_back(survey_->satisfaction[r][o]);
      }
    }
    ASSERT_THAT(Result(jtbd_study_add_answers(alone_raw, rs.size(), rs.data(),
                                              os.data(), is.data(), ss.data())),
                IsOk());
    jtbd_score_options* score_raw = nullptr;
    ASSERT_THAT(Result(jtbd_score_options_create(&score_raw)), IsOk());
    ScoreOptions score(score_raw);
    ASSERT_THAT(
        Result(jtbd_score_options_set_bootstrap_resamples(score_raw, 0)),
        IsOk());
    jtbd_report* expected_raw = nullptr;
    ASSERT_THAT(Result(jtbd_study_score(alone_raw, score_raw, &expected_raw)),
                IsOk());
    Report expected(expected_raw);

    EXPECT_EQ(jtbd_report_respondent_count(report.get()),
              jtbd_report_respondent_count(expected.get()));
    ASSERT_EQ(jtbd_report_outcome_count(report.get()), kOutcomes);
    for (size_t i = 0; i < kOutcomes; ++i) {
      jtbd_outcome_score got = EmptyScore(), want = EmptyScore();
      ASSERT_THAT(Result(jtbd_report_outcome(report.get(), i, &got)), IsOk());
      ASSERT_THAT(Result(jtbd_report_outcome(expected.get(), i, &want)),
                  IsOk());
      SCOPED_TRACE(Text(want.outcome_id, want.outcome_id_len));
      EXPECT_EQ(Text(got.outcome_id, got.outcome_id_len),
                Text(want.outcome_id, want.outcome_id_len));
      EXPECT_EQ(got.importance, want.importance);
      EXPECT_EQ(got.satisfaction, want.satisfaction);
      EXPECT_EQ(got.opportunity, want.opportunity);
      EXPECT_EQ(got.band, want.band);
      EXPECT_EQ(got.rank, want.rank);
      EXPECT_EQ(got.both_count, want.both_count);
      EXPECT_EQ(got.has, want.has);
      EXPECT_EQ(got.importance_interval.low, want.importance_interval.low);
      EXPECT_EQ(got.importance_interval.high, want.importance_interval.high);
      EXPECT_EQ(got.opportunity_interval.low, want.opportunity_interval.low);
      EXPECT_EQ(got.opportunity_interval.high, want.opportunity_interval.high);
    }

    // The planted unmet outcomes first, each more underserved than the rest.
    std::set<std::string> planted_unmet, top, more_underserved;
    for (size_t o = 0; o < kUnmetPerSegment; ++o) {
      planted_unmet.insert(
          "o" + std::to_string((cluster - 1) * kUnmetPerSegment + o + 1));
      jtbd_outcome_score score = EmptyScore();
      ASSERT_THAT(Result(jtbd_report_outcome(report.get(), o, &score)), IsOk());
      top.insert(Text(score.outcome_id, score.outcome_id_len));
    }
    EXPECT_EQ(top, planted_unmet);
    ASSERT_EQ(jtbd_report_segment_count(report.get()), 1u);
    const char* name = nullptr;
    size_t name_len = 0;
    ASSERT_THAT(
        Result(jtbd_report_segment_name(report.get(), 0, &name, &name_len)),
        IsOk());
    EXPECT_EQ(Text(name, name_len), "segment " + std::to_string(cluster));
    uint64_t rest = 0;
    ASSERT_THAT(Result(jtbd_report_segment_rest_respondent_count(report.get(),
                                                                 0, &rest)),
                IsOk());
    EXPECT_EQ(rest + jtbd_report_respondent_count(report.get()), kRespondents);
    size_t count = 0;
    ASSERT_THAT(Result(jtbd_report_segment_more_underserved_count(report.get(),
                                                                  0, &count)),
                IsOk());
    for (size_t i = 0; i < count; ++i) {
      const char* id = nullptr;
      size_t id_len = 0;
      ASSERT_THAT(Result(jtbd_report_segment_more_underserved_id(
                      report.get(), 0, i, &id, &id_len)),
                  IsOk());
      more_underserved.insert(Text(id, id_len));
    }
    for (const std::string& id : planted_unmet) {
      EXPECT_EQ(more_underserved.count(id), 1u) << id;
    }

    jtbd_report_info info;
    std::memset(&info, 0, sizeof(info));
    info.struct_size = sizeof(info);
    ASSERT_THAT(Result(jtbd_report_get_info(report.get(), &info)), IsOk());
    EXPECT_EQ(Text(info.method, info.method_len), "ulwick_top_box");
    EXPECT_EQ(Text(info.segment_by, info.segment_by_len), "cluster");
    EXPECT_EQ(info.bootstrap_resamples, 0u);
    EXPECT_EQ(info.confidence_level, 0.95);
    EXPECT_EQ(info.scale_min, 1);
    EXPECT_EQ(info.scale_max, 5);
    EXPECT_EQ(info.scale_top_box_min, 4);
    EXPECT_EQ(info.weighted, 0u);
  }
}

TEST_F(SegmentTest, RendersJsonCsvTableAndProtobuf) {
  jtbd_buffer* raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_segmentation_render(segmentation_, JTBD_FORMAT_JSON, &raw)),
      IsOk());
  const std::string json = BufferBytes(Buffer(raw).get());
  EXPECT_THAT(json, HasSubstr("\"respondents\""));
  EXPECT_THAT(json, HasSubstr("\"respondentId\": \"r0\""));
  EXPECT_THAT(json, HasSubstr("\"segments\""));

  ASSERT_THAT(
      Result(jtbd_segmentation_render(segmentation_, JTBD_FORMAT_CSV, &raw)),
      IsOk());
  // RFC 4180: CRLF line ends.
  const std::string csv = BufferBytes(Buffer(raw).get());
  EXPECT_THAT(csv, StartsWith("respondent_id,cluster\r\nr0,1\r\n"));
  EXPECT_THAT(csv, HasSubstr("\nr100,2\r\n"));
  EXPECT_THAT(csv, HasSubstr("\nr199,3\r\n"));

  ASSERT_THAT(
      Result(jtbd_segmentation_render(segmentation_, JTBD_FORMAT_TABLE, &raw)),
      IsOk());
  EXPECT_THAT(BufferBytes(Buffer(raw).get()),
              StartsWith("Segmentation: 200 respondents clustered into 3 "
                         "segments (k chosen by mean silhouette)\n"));

  // jtbd.v1.SegmentationReport: k 9, k_chosen 10, candidates 11,
  // respondents 15 {respondent_id 1, cluster 2}, segments 16.
  ASSERT_THAT(Result(jtbd_segmentation_render(segmentation_,
                                              JTBD_FORMAT_PROTOBUF, &raw)),
              IsOk());
  const WireMessage report = WireMessage::Parse(BufferBytes(Buffer(raw).get()));
  EXPECT_EQ(report.Number(9), 3u);
  EXPECT_EQ(report.Number(10), 1u);
  EXPECT_EQ(report.Messages(11).size(), 7u);
  EXPECT_EQ(report.Messages(16).size(), 3u);
  const std::vector<WireMessage> respondents = report.Messages(15);
  ASSERT_EQ(respondents.size(), kRespondents);
  for (size_t r = 0; r < kRespondents; ++r) {
    EXPECT_EQ(respondents[r].String(1), "r" + std::to_string(r));
    EXPECT_EQ(respondents[r].Number(2), survey_->planted[r] + 1);
  }

  EXPECT_THAT(Result(jtbd_segmentation_render(segmentation_, 9, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "unknown format 9"));
}

SegmentModel ModelOf(const jtbd_segmentation* segmentation) {
  jtbd_segment_model* raw = nullptr;
  EXPECT_THAT(Result(jtbd_segmentation_create_model(segmentation, &raw)),
              IsOk());
  return SegmentModel(raw);
}

std::vector<uint32_t> AssignStudy(const jtbd_segment_model* model,
                                  const jtbd_study* study, size_t count) {
  std::vector<uint32_t> clusters(count, 99);
  EXPECT_THAT(Result(jtbd_segment_model_assign_study(model, study,
                                                     clusters.data(), count)),
              IsOk());
  return clusters;
}

std::string SerializeModel(const jtbd_segment_model* model) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_segment_model_serialize(model, &raw)), IsOk());
  return BufferBytes(Buffer(raw).get());
}

TEST_F(SegmentTest, ModelRoundTripsThroughBytesAndReproducesEveryCluster) {
  SegmentModel model = ModelOf(segmentation_);
  EXPECT_EQ(jtbd_segment_model_k(model.get()), 3u);
  EXPECT_EQ(jtbd_segment_model_outcome_count(model.get()), kOutcomes);
  const char* id = nullptr;
  size_t id_len = 0;
  ASSERT_THAT(
      Result(jtbd_segment_model_outcome_id(model.get(), 11, &id, &id_len)),
      IsOk());
  EXPECT_EQ(Text(id, id_len), "o12");

  const std::string bytes = SerializeModel(model.get());
  jtbd_segment_model* parsed_raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_segment_model_parse(bytes.data(), bytes.size(), &parsed_raw)),
      IsOk());
  SegmentModel parsed(parsed_raw);
  EXPECT_EQ(SerializeModel(parsed.get()), bytes);
  EXPECT_EQ(AssignStudy(parsed.get(), survey_->study.get(), kRespondents),
            Clusters(segmentation_, kRespondents));
}

TEST_F(SegmentTest, ModelSavedToAFileReloadsAndTagsLikeTheFit) {
  const std::string directory =
      ::testing::TempDir() + "segment_model_" + std::to_string(::getpid());
  ASSERT_EQ(std::system(("mkdir -p '" + directory + "'").c_str()), 0);
  const std::string path = directory + "/model.bin";
  SegmentModel model = ModelOf(segmentation_);
  // Saving over an existing file replaces it whole.
  { std::ofstream(path) << "an older file, longer than nothing at all"; }
  ASSERT_THAT(Result(jtbd_segment_model_save_file(model.get(), path.data(),
                                                  path.size())),
              IsOk());
  std::ifstream in(path, std::ios::binary);
  const std::string saved((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  // A saved file: jtbd's 32-byte header (signature first), then the model.
  EXPECT_EQ(saved.substr(0, 8), std::string("\x89JTBD\r\n\x1a", 8));
  EXPECT_EQ(saved.substr(32), SerializeModel(model.get()));
  // No temporary file is left behind.
  const std::string listing = directory + "/listing.txt";
  ASSERT_EQ(std::system(("ls '" + directory + "' > '" + listing + "'").c_str()),
            0);
  std::ifstream names(listing);
  std::string contents((std::istreambuf_iterator<char>(names)),
                       std::istreambuf_iterator<char>());
  EXPECT_EQ(contents, "listing.txt\nmodel.bin\n");

  jtbd_segment_model* loaded_raw = nullptr;
  ASSERT_THAT(Result(jtbd_segment_model_load_file(path.data(), path.size(),
                                                  &loaded_raw)),
              IsOk());
  SegmentModel loaded(loaded_raw);
  EXPECT_EQ(AssignStudy(loaded.get(), survey_->study.get(), kRespondents),
            PlantedClusters(*survey_));

  // Tagging respondent by respondent, answers by id in shuffled order with
  // ids the model does not know mixed in, gives each its fitted segment.
  const std::vector<uint32_t> clusters = Clusters(segmentation_, kRespondents);
  for (size_t r = 0; r < kRespondents; r += 7) {
    std::vector<std::string> ids;
    std::vector<uint8_t> importance, satisfaction;
    size_t observed = 0;
    for (size_t k = 0; k < kOutcomes; ++k) {
      const size_t o = (k * 5 + r) % kOutcomes;  // a permutation (5 ⊥ 12)
      ids.push_back("o" + std::to_string(o + 1));
      importance.push_back(survey_->importance[r][o]);
      satisfaction.push_back(survey_->satisfaction[r][o]);
      observed +=
          survey_->importance[r][o] != 0 && survey_->satisfaction[r][o] != 0;
      if (k == 3) {
        ids.push_back("not in the model");
        importance.push_back(5);
        satisfaction.push_back(1);
      }
    }
    std::vector<const char*> pointers;
    std::vector<size_t> lengths;
    for (const std::string& id : ids) {
      pointers.push_back(id.data());
      lengths.push_back(id.size());
    }
    jtbd_segment_assignment assignment;
    std::memset(&assignment, 0, sizeof(assignment));
    assignment.struct_size = sizeof(assignment);
    ASSERT_THAT(Result(jtbd_segment_model_assign(
                    loaded.get(), ids.size(), pointers.data(), lengths.data(),
                    importance.data(), satisfaction.data(), &assignment)),
                IsOk());
    EXPECT_EQ(assignment.cluster, clusters[r]) << "respondent " << r;
    EXPECT_EQ(assignment.observed_count, observed);
    EXPECT_TRUE(std::isfinite(assignment.distance));
    EXPECT_GT(assignment.distance, 0);
  }
  std::remove(listing.c_str());
  std::remove(path.c_str());
  ::rmdir(directory.c_str());
}

TEST_F(SegmentTest, AssignRefusesBadAnswersNamingTheArrayIndex) {
  SegmentModel model = ModelOf(segmentation_);
  const char* ids[4] = {"o1", "o2", "o3", "o2"};
  const size_t lengths[4] = {2, 2, 2, 2};
  uint8_t importance[4] = {5, 4, 9, 3};
  uint8_t satisfaction[4] = {1, 2, 1, 3};
  jtbd_segment_assignment assignment;
  std::memset(&assignment, 0, sizeof(assignment));
  assignment.struct_size = sizeof(assignment);
  assignment.cluster = 77;  // out-parameters are written only on success
  EXPECT_THAT(
      Result(jtbd_segment_model_assign(model.get(), 4, ids, lengths, importance,
                                       satisfaction, &assignment)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                "importance[2] = 9 is not on the model's scale"));
  importance[2] = 5;
  EXPECT_THAT(
      Result(jtbd_segment_model_assign(model.get(), 4, ids, lengths, importance,
                                       satisfaction, &assignment)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                "outcome_ids[3] \"o2\" repeats outcome_ids[1]"));
  satisfaction[1] = 6;
  EXPECT_THAT(
      Result(jtbd_segment_model_assign(model.get(), 3, ids, lengths, importance,
                                       satisfaction, &assignment)),
      FailsWith(JTBD_INVALID_ARGUMENT, "satisfaction[1] = 6"));
  satisfaction[1] = 2;
  const char* null_id[1] = {nullptr};
  EXPECT_THAT(
      Result(jtbd_segment_model_assign(model.get(), 1, null_id, lengths,
                                       importance, satisfaction, &assignment)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                "outcome_ids[0] is NULL but outcome_id_lens[0] is 2"));
  // Nothing to place the respondent by: only one rating of each outcome.
  const uint8_t none[3] = {0, 0, 0};
  EXPECT_THAT(Result(jtbd_segment_model_assign(model.get(), 3, ids, lengths,
                                               importance, none, &assignment)),
              FailsWith(JTBD_FAILED_PRECONDITION, "no outcome"));
  EXPECT_THAT(Result(jtbd_segment_model_assign(model.get(), 0, nullptr, nullptr,
                                               nullptr, nullptr, &assignment)),
              FailsWith(JTBD_FAILED_PRECONDITION, "no outcome"));
  EXPECT_EQ(assignment.cluster, 77u);
  EXPECT_THAT(
      Result(jtbd_segment_model_assign(model.get(), 3, nullptr, lengths,
                                       importance, satisfaction, &assignment)),
      FailsWith(JTBD_INVALID_ARGUMENT, "outcome_ids is NULL"));
  EXPECT_THAT(
      Result(jtbd_segment_model_assign(model.get(), 3, ids, lengths, nullptr,
                                       satisfaction, &assignment)),
      FailsWith(JTBD_INVALID_ARGUMENT, "importance is NULL"));
  assignment.struct_size = JTBD_SEGMENT_ASSIGNMENT_STRUCT_SIZE - 1;
  EXPECT_THAT(
      Result(jtbd_segment_model_assign(model.get(), 3, ids, lengths, importance,
                                       satisfaction, &assignment)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                "at least JTBD_SEGMENT_ASSIGNMENT_STRUCT_SIZE"));
  EXPECT_EQ(assignment.cluster, 77u);
  // A newer, larger struct keeps the fields this library does not know.
  struct {
    jtbd_segment_assignment head;
    uint64_t future;
  } grown;
  std::memset(&grown, 0xAB, sizeof(grown));
  grown.head.struct_size = sizeof(grown);
  EXPECT_THAT(
      Result(jtbd_segment_model_assign(model.get(), 3, ids, lengths, importance,
                                       satisfaction, &grown.head)),
      IsOk());
  EXPECT_EQ(grown.head.cluster, 1u);  // o1..o3 unmet: planted segment 0
  EXPECT_EQ(grown.head.struct_size, sizeof(grown));
  EXPECT_EQ(grown.future, 0xABABABABABABABABu);
}

TEST_F(SegmentTest, AssignStudyChecksCountAndScale) {
  SegmentModel model = ModelOf(segmentation_);
  std::vector<uint32_t> clusters(kRespondents + 1, 5);
  EXPECT_THAT(Result(jtbd_segment_model_assign_study(
                  model.get(), survey_->study.get(), clusters.data(),
                  kRespondents + 1)),
              FailsWith(JTBD_INVALID_ARGUMENT,
                        "count is 201 but the study has 200 respondents"));
  EXPECT_EQ(clusters[0], 5u);
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study other(raw);
  ASSERT_THAT(Result(jtbd_study_set_scale(raw, 1, 7, 6)), IsOk());
  ASSERT_THAT(Result(jtbd_study_add_respondents(raw, 2, nullptr)), IsOk());
  EXPECT_THAT(Result(jtbd_segment_model_assign_study(model.get(), raw,
                                                     clusters.data(), 2)),
              FailsWith(JTBD_FAILED_PRECONDITION, "scale"));
  EXPECT_THAT(Result(jtbd_segmentation_respondent_clusters(segmentation_,
                                                           clusters.data(), 3)),
              FailsWith(JTBD_INVALID_ARGUMENT, "count is 3"));
}

TEST_F(SegmentTest, CorruptTruncatedAndOtherVersionModelsAreRefused) {
  SegmentModel model = ModelOf(segmentation_);
  const std::string bytes = SerializeModel(model.get());
  jtbd_segment_model* out = nullptr;
  const std::string garbage = "\xff\xff\xff\xff not a model";
  EXPECT_THAT(
      Result(jtbd_segment_model_parse(garbage.data(), garbage.size(), &out)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                "are not a serialized jtbd.v1.SegmentModel"));
  // The last field is k (field 12, varint): cutting its value off breaks
  // the wire format; cutting the whole field off leaves a model whose k
  // disagrees with its centroids.
  const std::string cut = bytes.substr(0, bytes.size() - 1);
  EXPECT_THAT(Result(jtbd_segment_model_parse(cut.data(), cut.size(), &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "are not a serialized"));
  const std::string no_k = bytes.substr(0, bytes.size() - 2);
  EXPECT_THAT(
      Result(jtbd_segment_model_parse(no_k.data(), no_k.size(), &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "k is 0 but it has 3 centroids"));
  // format_version (field 1) = 2: the last value of a field wins.
  const std::string version_2 = bytes + WireWriter().Varint(1, 2).bytes();
  EXPECT_THAT(
      Result(
          jtbd_segment_model_parse(version_2.data(), version_2.size(), &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "format version 2 is not supported"));
  EXPECT_EQ(out, nullptr);

  const std::string directory = ::testing::TempDir();
  const std::string path =
      directory + "truncated_model_" + std::to_string(::getpid()) + ".bin";
  ASSERT_THAT(Result(jtbd_segment_model_save_file(model.get(), path.data(),
                                                  path.size())),
              IsOk());
  std::string saved;
  {
    std::ifstream in(path, std::ios::binary);
    saved.assign(std::istreambuf_iterator<char>(in),
                 std::istreambuf_iterator<char>());
  }
  ASSERT_GT(saved.size(), 32u);
  {
    std::ofstream(path, std::ios::binary) << saved.substr(0, saved.size() - 1);
  }
  EXPECT_THAT(
      Result(jtbd_segment_model_load_file(path.data(), path.size(), &out)),
      FailsWith(JTBD_DATA_LOSS, path + ": truncated"));
  std::string flipped = saved;
  flipped[40] ^= 0x01;
  { std::ofstream(path, std::ios::binary) << flipped; }
  EXPECT_THAT(
      Result(jtbd_segment_model_load_file(path.data(), path.size(), &out)),
      FailsWith(JTBD_DATA_LOSS, path + ": the segment model is corrupt"));
  // Bare model bytes are not a saved file.
  { std::ofstream(path, std::ios::binary) << bytes; }
  EXPECT_THAT(
      Result(jtbd_segment_model_load_file(path.data(), path.size(), &out)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                path + ": not a jtbd segment model file"));
  std::remove(path.c_str());
  EXPECT_THAT(
      Result(jtbd_segment_model_load_file(path.data(), path.size(), &out)),
      FailsWith(JTBD_NOT_FOUND, path + ": No such file"));
  EXPECT_EQ(out, nullptr);
  const std::string missing_directory = directory + "no/such/dir/model.bin";
  EXPECT_THAT(
      Result(jtbd_segment_model_save_file(model.get(), missing_directory.data(),
                                          missing_directory.size())),
      FailsWith(JTBD_NOT_FOUND, missing_directory));
}

TEST(SegmentOptionsTest, RefusedValuesNameTheOptionAndChangeNothing) {
  SegmentOptions options = QuickOptions();
  jtbd_segment_options* raw = options.get();
  EXPECT_THAT(
      Result(jtbd_segment_options_set_k(raw, 1)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                "jtbd_segment_options_set_k: segmentation option k = 1"));
  EXPECT_THAT(Result(jtbd_segment_options_set_k(raw, 101)),
              FailsWith(JTBD_INVALID_ARGUMENT, "k = 101"));
  EXPECT_THAT(Result(jtbd_segment_options_set_k_range(raw, 5, 3)),
              FailsWith(JTBD_INVALID_ARGUMENT, "max_k = 3"));
  EXPECT_THAT(Result(jtbd_segment_options_set_k_range(raw, 0, 3)),
              FailsWith(JTBD_INVALID_ARGUMENT, "min_k is 0"));
  EXPECT_THAT(Result(jtbd_segment_options_set_feature(raw, 7)),
              FailsWith(JTBD_INVALID_ARGUMENT, "feature 7"));
  EXPECT_THAT(Result(jtbd_segment_options_set_principal_components(raw, 2)),
              FailsWith(JTBD_INVALID_ARGUMENT, "expected 0 or 1"));
  EXPECT_THAT(Result(jtbd_segment_options_set_starts(raw, 10001)),
              FailsWith(JTBD_INVALID_ARGUMENT, "starts = 10001"));
  EXPECT_THAT(Result(jtbd_segment_options_set_threads(raw, 257)),
              FailsWith(JTBD_INVALID_ARGUMENT, "threads = 257"));
  EXPECT_THAT(Result(jtbd_segment_options_set_silhouette_sample_size(raw, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "silhouette_sample_size = 1"));
  jtbd_score_options* score_raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_options_create(&score_raw)), IsOk());
  ScoreOptions score(score_raw);
  ASSERT_THAT(Result(jtbd_score_options_set_segment_by(score_raw, "role", 4)),
              IsOk());
  EXPECT_THAT(Result(jtbd_segment_options_set_score_options(raw, score_raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "segment_by must be empty"));
  EXPECT_THAT(Result(jtbd_segment_options_set_k(nullptr, 3)),
              FailsWith(JTBD_INVALID_ARGUMENT, "options is NULL"));

  // None of the refusals changed the options: k is still chosen, with the
  // bootstrap off.
  PlantedSurvey survey = MakePlantedSurvey();
  Segmentation segmentation = Segment(survey.study.get(), raw);
  const jtbd_segmentation_info info = Info(segmentation.get());
  EXPECT_EQ(info.k, 3u);
  EXPECT_EQ(info.k_chosen, 1u);
  EXPECT_EQ(info.candidate_count, 7u);
}

TEST(SegmentOptionsTest, GivenKFeatureComponentsSeedAndStartsAreApplied) {
  PlantedSurvey survey = MakePlantedSurvey();
  SegmentOptions options = QuickOptions();
  ASSERT_THAT(Result(jtbd_segment_options_set_k(options.get(), 4)), IsOk());
  ASSERT_THAT(Result(jtbd_segment_options_set_feature(
                  options.get(), JTBD_SEGMENT_FEATURE_RATING_OPPORTUNITY)),
              IsOk());
  ASSERT_THAT(
      Result(jtbd_segment_options_set_principal_components(options.get(), 1)),
      IsOk());
  ASSERT_THAT(Result(jtbd_segment_options_set_seed(options.get(), 7)), IsOk());
  ASSERT_THAT(Result(jtbd_segment_options_set_starts(options.get(), 5)),
              IsOk());
  Segmentation segmentation = Segment(survey.study.get(), options.get());
  const jtbd_segmentation_info info = Info(segmentation.get());
  EXPECT_EQ(info.k, 4u);
  EXPECT_EQ(info.k_chosen, 0u);
  EXPECT_EQ(info.candidate_count, 1u);
  EXPECT_EQ(info.feature, JTBD_SEGMENT_FEATURE_RATING_OPPORTUNITY);
  EXPECT_GE(info.component_count, 2u);
  EXPECT_LT(info.component_count, kOutcomes);
  EXPECT_EQ(info.seed, 7u);
  EXPECT_EQ(info.starts, 5u);

  // With principal components too, the model reproduces the fit.
  SegmentModel model = ModelOf(segmentation.get());
  EXPECT_EQ(jtbd_segment_model_k(model.get()), 4u);
  EXPECT_EQ(AssignStudy(model.get(), survey.study.get(), kRespondents),
            Clusters(segmentation.get(), kRespondents));

  // k range: only 2..3 fitted.
  SegmentOptions ranged = QuickOptions();
  ASSERT_THAT(Result(jtbd_segment_options_set_k_range(ranged.get(), 2, 3)),
              IsOk());
  Segmentation range_fit = Segment(survey.study.get(), ranged.get());
  EXPECT_EQ(Info(range_fit.get()).candidate_count, 2u);
  EXPECT_EQ(Info(range_fit.get()).k, 3u);
}

TEST(SegmentOptionsTest, TheSameSeedGivesTheSameBytesWithOneOrTwoThreads) {
  PlantedSurvey survey = MakePlantedSurvey();
  std::string rendered[2];
  for (uint32_t threads : {1u, 2u}) {
    SegmentOptions options = QuickOptions();
    ASSERT_THAT(
        Result(jtbd_segment_options_set_threads(options.get(), threads)),
        IsOk());
    Segmentation segmentation = Segment(survey.study.get(), options.get());
    jtbd_buffer* raw = nullptr;
    ASSERT_THAT(Result(jtbd_segmentation_render(segmentation.get(),
                                                JTBD_FORMAT_PROTOBUF, &raw)),
                IsOk());
    rendered[threads - 1] = BufferBytes(Buffer(raw).get());
  }
  EXPECT_FALSE(rendered[0].empty());
  EXPECT_EQ(rendered[0], rendered[1]);
}

TEST(SegmentStudyTest, DefaultOptionsAndTooFewRespondents) {
  // NULL options: the defaults, bootstrap included.
  PlantedSurvey survey = MakePlantedSurvey();
  Segmentation segmentation = Segment(survey.study.get(), nullptr);
  EXPECT_EQ(Info(segmentation.get()).k, 3u);
  jtbd_report* raw = nullptr;
  ASSERT_THAT(Result(jtbd_segmentation_create_segment_report(segmentation.get(),
                                                             2, &raw)),
              IsOk());
  Report report(raw);
  jtbd_report_info info;
  std::memset(&info, 0, sizeof(info));
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_report_get_info(report.get(), &info)), IsOk());
  EXPECT_EQ(info.bootstrap_resamples, 2000u);
  EXPECT_EQ(info.seed, 20240101u);
  jtbd_outcome_score score = EmptyScore();
  ASSERT_THAT(Result(jtbd_report_outcome(report.get(), 0, &score)), IsOk());
  EXPECT_TRUE(score.has & JTBD_SCORE_HAS_OPPORTUNITY_AT_LEAST_10_PROBABILITY);

  // The six-respondent sample of capi_test_util.h: k = 6 cannot be formed.
  Study sample = MakeSampleStudy();
  SegmentOptions options = QuickOptions();
  ASSERT_THAT(Result(jtbd_segment_options_set_k(options.get(), 6)), IsOk());
  jtbd_segmentation* out = nullptr;
  EXPECT_THAT(Result(jtbd_study_segment(sample.get(), options.get(), &out)),
              FailsWith(JTBD_FAILED_PRECONDITION, "cannot form 6 segments"));
  EXPECT_EQ(out, nullptr);
}

TEST(SegmentNullTest, NullArgumentsAreRefusedWithoutCrashing) {
  jtbd_segmentation* segmentation = nullptr;
  jtbd_segment_model* model = nullptr;
  uint32_t cluster = 0;
  const char* id = nullptr;
  jtbd_buffer* buffer = nullptr;
  jtbd_report* report = nullptr;
  jtbd_segmentation_info info;
  info.struct_size = sizeof(info);
  jtbd_segment_candidate candidate;
  candidate.struct_size = sizeof(candidate);
  jtbd_segment_profile profile;
  profile.struct_size = sizeof(profile);
  jtbd_attribute_overrepresentation attribute;
  attribute.struct_size = sizeof(attribute);
  jtbd_segment_assignment assignment;
  assignment.struct_size = sizeof(assignment);
  const auto null_error = FailsWith(JTBD_INVALID_ARGUMENT, "is NULL");
  EXPECT_THAT(Result(jtbd_segment_options_create(nullptr)), null_error);
  EXPECT_THAT(Result(jtbd_study_segment(nullptr, nullptr, &segmentation)),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  Study sample = MakeSampleStudy();
  EXPECT_THAT(Result(jtbd_study_segment(sample.get(), nullptr, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_segmentation_get_info(nullptr, &info)), null_error);
  EXPECT_THAT(Result(jtbd_segmentation_candidate(nullptr, 0, &candidate)),
              null_error);
  EXPECT_THAT(Result(jtbd_segmentation_outcome_id(nullptr, 0, &id, nullptr)),
              null_error);
  EXPECT_THAT(
      Result(jtbd_segmentation_dropped_outcome_id(nullptr, 0, &id, nullptr)),
      null_error);
  EXPECT_THAT(
      Result(jtbd_segmentation_respondent_cluster(nullptr, 0, &cluster)),
      null_error);
  EXPECT_THAT(
      Result(jtbd_segmentation_respondent_clusters(nullptr, &cluster, 1)),
      null_error);
  EXPECT_THAT(Result(jtbd_segmentation_segment_profile(nullptr, 1, &profile)),
              null_error);
  EXPECT_THAT(
      Result(jtbd_segmentation_create_segment_report(nullptr, 1, &report)),
      null_error);
  EXPECT_THAT(
      Result(jtbd_segmentation_segment_attribute(nullptr, 1, 0, &attribute)),
      null_error);
  EXPECT_THAT(
      Result(jtbd_segmentation_render(nullptr, JTBD_FORMAT_JSON, &buffer)),
      null_error);
  EXPECT_THAT(Result(jtbd_segmentation_create_model(nullptr, &model)),
              null_error);
  EXPECT_THAT(Result(jtbd_segment_model_parse(nullptr, 3, &model)),
              FailsWith(JTBD_INVALID_ARGUMENT, "data is NULL"));
  EXPECT_THAT(Result(jtbd_segment_model_serialize(nullptr, &buffer)),
              null_error);
  EXPECT_THAT(Result(jtbd_segment_model_save_file(nullptr, "m", 1)),
              null_error);
  EXPECT_THAT(Result(jtbd_segment_model_load_file(nullptr, 0, &model)),
              FailsWith(JTBD_INVALID_ARGUMENT, "path is NULL"));
  EXPECT_THAT(Result(jtbd_segment_model_load_file("", 0, &model)),
              FailsWith(JTBD_INVALID_ARGUMENT, "path is empty"));
  EXPECT_THAT(Result(jtbd_segment_model_outcome_id(nullptr, 0, &id, nullptr)),
              null_error);
  EXPECT_THAT(Result(jtbd_segment_model_assign(nullptr, 0, nullptr, nullptr,
                                               nullptr, nullptr, &assignment)),
              null_error);
  EXPECT_THAT(Result(jtbd_segment_model_assign_study(nullptr, sample.get(),
                                                     &cluster, 6)),
              null_error);
  EXPECT_EQ(jtbd_segment_model_k(nullptr), 0u);
  EXPECT_EQ(jtbd_segment_model_outcome_count(nullptr), 0u);
  EXPECT_EQ(segmentation, nullptr);
  EXPECT_EQ(model, nullptr);
  EXPECT_EQ(buffer, nullptr);
  EXPECT_EQ(report, nullptr);
  // Destroying NULL is a no-op.
  jtbd_segment_options_destroy(nullptr);
  jtbd_segmentation_destroy(nullptr);
  jtbd_segment_model_destroy(nullptr);
}

}  // namespace
}  // namespace jtbd_test
