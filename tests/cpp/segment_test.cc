// Segmentation through jtbd.hpp: the planted survey of
// tests/capi/segment_test.cc, built with jtbd::Study, segmented with
// jtbd::Segment, checked against the planted groups and against the C ABI
// called directly on the same study.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

constexpr size_t kRespondents = 200;
constexpr size_t kOutcomes = 12;
constexpr size_t kUnmetPerSegment = 4;

// The same generator as tests/capi/segment_test.cc and
// bindings/python/tests/test_segment.py (a 64-bit LCG), so all three faces
// segment the same survey.
class Lcg {
 public:
  explicit Lcg(uint64_t seed) : state_(seed) {}
  double Unit() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) * 0x1.0p-53;
  }

 private:
  uint64_t state_;
};

uint8_t Rating(Lcg& rng, double top_box_probability) {
  const double top = rng.Unit();
  const double pick = rng.Unit();
  if (top < top_box_probability) return pick < 0.5 ? 4 : 5;
  return static_cast<uint8_t>(1 + static_cast<int>(pick * 3));
}

struct PlantedSurvey {
  jtbd::Study study;
  std::vector<uint32_t> planted;
  std::vector<std::vector<uint8_t>> importance, satisfaction;
};

// 100, 60 and 40 respondents; planted segment g's unmet outcomes are
// o(4g+1)..o(4g+4).
PlantedSurvey MakePlantedSurvey() {
  PlantedSurvey survey;
  for (size_t o = 0; o < kOutcomes; ++o) {
    survey.study.AddOutcome("o" + std::to_string(o + 1));
  }
  Lcg rng(2024);
  std::vector<uint32_t> respondents, outcomes;
  std::vector<uint8_t> importance, satisfaction;
  for (size_t r = 0; r < kRespondents; ++r) {
    const uint32_t segment = r < 100 ? 0 : r < 160 ? 1 : 2;
    survey.planted.push_back(segment);
    const size_t index = survey.study.AddRespondent("r" + std::to_string(r));
    const bool carpenter = rng.Unit() < (segment == 0 ? 0.8 : 0.2);
    survey.study.SetAttribute(index, "role",
                              carpenter ? "carpenter" : "electrician");
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
  survey.study.AddAnswers(respondents, outcomes, importance, satisfaction);
  return survey;
}

jtbd::SegmentOptions QuickOptions() {
  jtbd::SegmentOptions options;
  options.threads = 2;
  options.scoring.bootstrap_resamples = 0;
  return options;
}

class SegmentCppTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    survey_ = new PlantedSurvey(MakePlantedSurvey());
    segmentation_ =
        new jtbd::Segmentation(jtbd::Segment(survey_->study, QuickOptions()));
  }
  static void TearDownTestSuite() {
    delete segmentation_;
    delete survey_;
  }
  static PlantedSurvey* survey_;
  static jtbd::Segmentation* segmentation_;
};
PlantedSurvey* SegmentCppTest::survey_ = nullptr;
jtbd::Segmentation* SegmentCppTest::segmentation_ = nullptr;

TEST_F(SegmentCppTest, RecoversThePlantedSegmentsLikeTheCApi) {
  const jtbd::Segmentation& segmentation = *segmentation_;
  EXPECT_EQ(segmentation.k(), 3u);
  EXPECT_TRUE(segmentation.k_chosen());
  EXPECT_EQ(segmentation.feature(), jtbd::SegmentFeature::kTopBoxOpportunity);
  EXPECT_EQ(segmentation.respondent_count(), kRespondents);
  EXPECT_EQ(segmentation.unclustered_respondent_count(), 0u);
  EXPECT_EQ(segmentation.seed(), 42u);
  EXPECT_EQ(segmentation.starts(), 25u);
  ASSERT_EQ(segmentation.outcome_ids().size(), kOutcomes);
  EXPECT_EQ(segmentation.outcome_ids().front(), "o1");
  EXPECT_TRUE(segmentation.dropped_outcome_ids().empty());
  ASSERT_EQ(segmentation.candidates().size(), 7u);
  const jtbd::SegmentCandidate* best = &segmentation.candidates()[0];
  for (const jtbd::SegmentCandidate& candidate : segmentation.candidates()) {
    if (candidate.silhouette > best->silhouette) best = &candidate;
  }
  EXPECT_EQ(best->k, 3u);
  EXPECT_EQ(segmentation.candidates()[1].k, 3u);

  std::vector<uint32_t> planted;
  for (uint32_t g : survey_->planted) planted.push_back(g + 1);
  EXPECT_EQ(segmentation.clusters(), planted);

  // The C ABI, called directly with the same options, agrees.
  jtbd_segment_options* options = nullptr;
  ASSERT_EQ(jtbd_segment_options_create(&options), nullptr);
  ASSERT_EQ(jtbd_segment_options_set_threads(options, 2), nullptr);
  jtbd_score_options* score = nullptr;
  ASSERT_EQ(jtbd_score_options_create(&score), nullptr);
  ASSERT_EQ(jtbd_score_options_set_bootstrap_resamples(score, 0), nullptr);
  ASSERT_EQ(jtbd_segment_options_set_score_options(options, score), nullptr);
  jtbd_segmentation* native = nullptr;
  ASSERT_EQ(jtbd_study_segment(survey_->study.native(), options, &native),
            nullptr);
  std::vector<uint32_t> from_c(kRespondents);
  ASSERT_EQ(jtbd_segmentation_respondent_clusters(native, from_c.data(),
                                                  from_c.size()),
            nullptr);
  EXPECT_EQ(segmentation.clusters(), from_c);
  // And so do the rendered reports, byte for byte.
  jtbd::Segmentation adopted = jtbd::Segmentation::Adopt(native);
  EXPECT_EQ(adopted.Render(jtbd::Format::kProtobuf),
            segmentation.Render(jtbd::Format::kProtobuf));
  jtbd_score_options_destroy(score);
  jtbd_segment_options_destroy(options);
}

TEST_F(SegmentCppTest, ProfilesCarryScoresAndAttributes) {
  const std::vector<jtbd::SegmentProfile>& segments = segmentation_->segments();
  ASSERT_EQ(segments.size(), 3u);
  const uint32_t sizes[3] = {100, 60, 40};
  for (uint32_t c = 1; c <= 3; ++c) {
    const jtbd::SegmentProfile& segment = segments[c - 1];
    EXPECT_EQ(segment.cluster, c);
    EXPECT_EQ(segment.respondent_count, sizes[c - 1]);
    EXPECT_DOUBLE_EQ(segment.share, sizes[c - 1] / 200.0);
    EXPECT_EQ(segment.scores.respondent_count(), sizes[c - 1]);
    EXPECT_EQ(segment.scores.segment_by(), "cluster");
    ASSERT_EQ(segment.scores.outcomes().size(), kOutcomes);
    ASSERT_EQ(segment.scores.segments().size(), 1u);
    const jtbd::SegmentReport& versus_rest = segment.scores.segments()[0];
    EXPECT_EQ(versus_rest.name, "segment " + std::to_string(c));
    EXPECT_EQ(versus_rest.rest_respondent_count, 200u - sizes[c - 1]);
    std::set<std::string> planted_unmet, top;
    for (size_t o = 0; o < kUnmetPerSegment; ++o) {
      planted_unmet.insert("o" +
                           std::to_string((c - 1) * kUnmetPerSegment + o + 1));
      top.insert(segment.scores.outcomes()[o].outcome_id);
    }
    EXPECT_EQ(top, planted_unmet);
    const std::set<std::string> more_underserved(
        versus_rest.more_underserved_outcome_ids.begin(),
        versus_rest.more_underserved_outcome_ids.end());
    for (const std::string& id : planted_unmet) {
      EXPECT_EQ(more_underserved.count(id), 1u) << id;
    }
  }
  ASSERT_FALSE(segments[0].overrepresented_attributes.empty());
  const jtbd::AttributeOverrepresentation& role =
      segments[0].overrepresented_attributes[0];
  EXPECT_EQ(role.attribute, "role");
  EXPECT_EQ(role.value, "carpenter");
  EXPECT_EQ(role.segment_total, 100u);
  ASSERT_TRUE(role.lift.has_value());
  EXPECT_DOUBLE_EQ(*role.lift, role.segment_share / role.rest_share);

  EXPECT_THAT(segmentation_->Render(jtbd::Format::kJson),
              HasSubstr("\"respondentId\": \"r199\""));
  EXPECT_THAT(segmentation_->Render(jtbd::Format::kCsv),
              HasSubstr("\r\nr160,3\r\n"));
}

TEST_F(SegmentCppTest, ModelRoundTripsAndTagsRespondentsOneByOne) {
  jtbd::SegmentModel model = segmentation_->Model();
  EXPECT_EQ(model.k(), 3u);
  EXPECT_EQ(model.outcome_ids().size(), kOutcomes);
  jtbd::SegmentModel parsed = jtbd::SegmentModel::Parse(model.Serialize());
  EXPECT_EQ(parsed.Serialize(), model.Serialize());
  EXPECT_EQ(parsed.AssignStudy(survey_->study), segmentation_->clusters());

  const std::string path = ::testing::TempDir() + "cpp_segment_model_" +
                           std::to_string(::getpid()) + ".jtbd";
  model.Save(path);
  jtbd::SegmentModel loaded = jtbd::SegmentModel::Load(path);
  std::remove(path.c_str());
  EXPECT_EQ(loaded.AssignStudy(survey_->study), segmentation_->clusters());

  for (size_t r = 0; r < kRespondents; r += 9) {
    std::vector<jtbd::RatedOutcome> answers;
    for (size_t k = kOutcomes; k-- > 0;) {  // reversed order
      answers.push_back(jtbd::RatedOutcome{"o" + std::to_string(k + 1),
                                           survey_->importance[r][k],
                                           survey_->satisfaction[r][k]});
    }
    answers.push_back(jtbd::RatedOutcome{"unknown outcome", 5, 1});
    const jtbd::SegmentAssignment assignment = loaded.Assign(answers);
    EXPECT_EQ(assignment.cluster, segmentation_->clusters()[r]) << r;
    EXPECT_GT(assignment.distance, 0);
  }
}

TEST_F(SegmentCppTest, ErrorsThrowWithTheCodeAndTheIndex) {
  jtbd::SegmentModel model = segmentation_->Model();
  try {
    model.Assign({{"o1", 5, 1}, {"o2", 5, 1}, {"o1", 4, 2}});
    FAIL() << "a repeated outcome id was accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(),
                HasSubstr("outcome_ids[2] \"o1\" repeats outcome_ids[0]"));
  }
  try {
    model.Assign({{"o1", 5, 1}, {"o2", 6, 1}});
    FAIL() << "a rating off the scale was accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), HasSubstr("importance[1] = 6"));
  }
  jtbd::SegmentOptions options = QuickOptions();
  options.k = 1;
  try {
    jtbd::Segment(survey_->study, options);
    FAIL() << "k = 1 was accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), HasSubstr("k = 1"));
  }
  try {
    jtbd::SegmentModel::Load("/nonexistent/model.jtbd");
    FAIL() << "a missing file loaded";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_NOT_FOUND);
    EXPECT_THAT(error.message(), HasSubstr("/nonexistent/model.jtbd"));
  }
  try {
    jtbd::SegmentModel::Parse("not a model");
    FAIL() << "garbage parsed";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
  }
}

TEST(SegmentCppOptionsTest, GivenKAndComponentsAreApplied) {
  PlantedSurvey survey = MakePlantedSurvey();
  jtbd::SegmentOptions options = QuickOptions();
  options.k = 3;
  options.principal_components = true;
  options.feature = jtbd::SegmentFeature::kRatingOpportunity;
  options.seed = 11;
  const jtbd::Segmentation segmentation = jtbd::Segment(survey.study, options);
  EXPECT_EQ(segmentation.k(), 3u);
  EXPECT_FALSE(segmentation.k_chosen());
  EXPECT_EQ(segmentation.candidates().size(), 1u);
  EXPECT_GE(segmentation.component_count(), 2u);
  EXPECT_EQ(segmentation.seed(), 11u);
  EXPECT_EQ(segmentation.feature(), jtbd::SegmentFeature::kRatingOpportunity);
  EXPECT_EQ(segmentation.Model().AssignStudy(survey.study),
            segmentation.clusters());
}

}  // namespace
