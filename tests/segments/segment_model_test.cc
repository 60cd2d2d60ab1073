// Features, their standardisation and projection (hand examples), and the
// saved model: validation, serialisation, and tagging new respondents.
#include "segments/segment_model.h"

#include <cmath>
#include <string>
#include <vector>

#include "core/study.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "segments/segment_features.h"

namespace jtbd {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr v1::SegmentFeature kTopBox = v1::SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY;
constexpr v1::SegmentFeature kRating = v1::SEGMENT_FEATURE_RATING_OPPORTUNITY;

TEST(OutcomeFeatureTest, TopBoxOpportunity) {
  const Scale scale;                                    // 1-5, top box 4-5
  EXPECT_EQ(OutcomeFeature(kTopBox, scale, 5, 1), 20);  // a = 10, b = 0
  EXPECT_EQ(OutcomeFeature(kTopBox, scale, 4, 4), 10);  // a = b = 10
  EXPECT_EQ(OutcomeFeature(kTopBox, scale, 2, 5), 0);   // a = 0
  EXPECT_EQ(OutcomeFeature(kTopBox, scale, 3, 1), 0);
  EXPECT_EQ(OutcomeFeature(kTopBox, scale, 0, 3), std::nullopt);
  EXPECT_EQ(OutcomeFeature(kTopBox, scale, 4, 0), std::nullopt);
  const Scale seven = *Scale::Make(1, 7, 6);
  EXPECT_EQ(OutcomeFeature(kTopBox, seven, 6, 5), 20);
  EXPECT_EQ(OutcomeFeature(kTopBox, seven, 5, 1), 0);
}

TEST(OutcomeFeatureTest, RatingOpportunity) {
  const Scale scale;
  EXPECT_EQ(OutcomeFeature(kRating, scale, 5, 1), 9);  // 5 + 4
  EXPECT_EQ(OutcomeFeature(kRating, scale, 4, 2), 6);
  EXPECT_EQ(OutcomeFeature(kRating, scale, 3, 4), 3);  // overserved: 3 + 0
  EXPECT_EQ(OutcomeFeature(kRating, scale, 1, 5), 1);
  EXPECT_EQ(OutcomeFeature(kRating, scale, 0, 5), std::nullopt);
}

// Answers with satisfaction 5, so that the rating feature is the importance.
Study ImportanceStudy(const std::vector<std::vector<int>>& importance) {
  Study study;
  for (size_t o = 0; o < importance[0].size(); ++o) {
    EXPECT_TRUE(study.AddOutcome({"o" + std::to_string(o + 1), "", ""}).ok());
  }
  std::vector<uint32_t> rs, os;
  std::vector<uint8_t> is, ss;
  for (size_t r = 0; r < importance.size(); ++r) {
    EXPECT_TRUE(study.AddRespondent("r" + std::to_string(r + 1)).ok());
    for (size_t o = 0; o < importance[r].size(); ++o) {
      if (importance[r][o] == 0) continue;
      rs.push_back(static_cast<uint32_t>(r));
      os.push_back(static_cast<uint32_t>(o));
      is.push_back(static_cast<uint8_t>(importance[r][o]));
      ss.push_back(5);
    }
  }
  EXPECT_TRUE(study.AddAnswers({rs, os, is, ss}).ok());
  return study;
}

TEST(BuildSegmentFeaturesTest, DropsImputesAndStandardizes) {
  // o1: 1, 2, 3, 4 (mean 2.5, sd sqrt(5/3)); o2: always 3 -> dropped;
  // o3: 2, -, 4, 5 -> mean 11/3 over those who answered, imputed for r2;
  // sum of squares 25/9 + 1/9 + 16/9 = 14/3 over n - 1 = 3: sd sqrt(14)/3.
  // r5 answered only o2: not clustered.
  Study study =
      ImportanceStudy({{1, 3, 2}, {2, 3, 0}, {3, 3, 4}, {4, 3, 5}, {0, 3, 0}});
  auto features = BuildSegmentFeatures(study, kRating, false);
  ASSERT_TRUE(features.ok()) << features.status();
  EXPECT_THAT(features->model.outcome_ids(), ElementsAre("o1", "o3"));
  EXPECT_THAT(features->dropped_outcome_ids, ElementsAre("o2"));
  EXPECT_THAT(features->respondents, ElementsAre(0, 1, 2, 3));
  EXPECT_EQ(features->imputed_count, 1u);
  const auto& parts = features->model.parts();
  EXPECT_DOUBLE_EQ(parts.means[0], 2.5);
  EXPECT_DOUBLE_EQ(parts.means[1], 11.0 / 3.0);
  EXPECT_DOUBLE_EQ(parts.standard_deviations[0], std::sqrt(5.0 / 3.0));
  EXPECT_DOUBLE_EQ(parts.standard_deviations[1], std::sqrt(14.0) / 3.0);
  const auto& points = features->points;
  ASSERT_EQ(points.rows, 4u);
  ASSERT_EQ(points.columns, 2u);
  EXPECT_NEAR(points.at(0, 0), -1.5 / std::sqrt(5.0 / 3.0), 1e-15);
  EXPECT_NEAR(points.at(0, 1), (2 - 11.0 / 3.0) / (std::sqrt(14.0) / 3), 1e-15);
  EXPECT_EQ(points.at(1, 1), 0);  // imputed: the mean, standardised
  EXPECT_NEAR(points.at(3, 1), (5 - 11.0 / 3.0) / (std::sqrt(14.0) / 3), 1e-15);
}

TEST(BuildSegmentFeaturesTest, PrincipalComponentsHandExample) {
  // o1: 1, 2, 3, 4 and o2: 2, 1, 4, 3 have correlation 0.6: eigenvalues
  // 1.6 and 0.4, components (1, 1) / sqrt 2 and (1, -1) / sqrt 2; Kaiser
  // keeps one, the minimum of two keeps both. Respondent 1 standardises to
  // (-1.5, -0.5) / sqrt(5/3) and projects to (-2, -1) / (sqrt(5/3) sqrt 2).
  Study study = ImportanceStudy({{1, 2}, {2, 1}, {3, 4}, {4, 3}});
  auto features = BuildSegmentFeatures(study, kRating, true);
  ASSERT_TRUE(features.ok()) << features.status();
  ASSERT_EQ(features->eigenvalues.size(), 2u);
  EXPECT_NEAR(features->eigenvalues[0], 1.6, 1e-14);
  EXPECT_NEAR(features->eigenvalues[1], 0.4, 1e-14);
  ASSERT_EQ(features->model.component_count(), 2u);
  const double r = 1 / std::sqrt(2.0);
  const auto& loadings = features->model.parts().loadings;
  EXPECT_NEAR(loadings.at(0, 0), r, 1e-14);
  EXPECT_NEAR(loadings.at(1, 0), r, 1e-14);
  EXPECT_NEAR(loadings.at(0, 1), r, 1e-14);
  EXPECT_NEAR(loadings.at(1, 1), -r, 1e-14);
  const double scale = std::sqrt(5.0 / 3.0) * std::sqrt(2.0);
  EXPECT_NEAR(features->points.at(0, 0), -2 / scale, 1e-14);
  EXPECT_NEAR(features->points.at(0, 1), -1 / scale, 1e-14);
  EXPECT_NEAR(features->points.at(2, 0), 2 / scale, 1e-14);  // (3, 4)
  EXPECT_NEAR(features->points.at(2, 1), -1 / scale, 1e-14);
}

TEST(BuildSegmentFeaturesTest, RefusesStudiesWithNothingToSegment) {
  Study constant = ImportanceStudy({{3, 3}, {3, 3}, {3, 3}});
  EXPECT_EQ(BuildSegmentFeatures(constant, kRating, false).status().code(),
            absl::StatusCode::kFailedPrecondition);
  // Top box: 3 -> 0 and 4 (satisfied) -> 10 vary; two respondents suffice.
  Study one = ImportanceStudy({{3}, {4}});
  auto features = BuildSegmentFeatures(one, kTopBox, false);
  ASSERT_TRUE(features.ok()) << features.status();
  Study lonely = ImportanceStudy({{3, 0}, {0, 4}});  // o1 and o2 do not vary
  EXPECT_EQ(BuildSegmentFeatures(lonely, kRating, false).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(BuildSegmentFeatures(one, v1::SEGMENT_FEATURE_UNSPECIFIED, false)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

// Two outcomes, top-box feature, mean 10 and sd 10 each; centroids (1, 1)
// and (-1, -1).
SegmentModel HandModel() {
  SegmentModel::Parts parts;
  parts.feature = kTopBox;
  parts.outcome_ids = {"speed", "accuracy"};
  parts.means = {10, 10};
  parts.standard_deviations = {10, 10};
  parts.centroids = segments::FeatureMatrix(2, 2);
  parts.centroids.values = {1, 1, -1, -1};
  parts.seed = 42;
  parts.starts = 25;
  parts.inertia = 3.5;
  absl::StatusOr<SegmentModel> model = SegmentModel::Create(parts);
  EXPECT_TRUE(model.ok()) << model.status();
  return *std::move(model);
}

TEST(SegmentModelTest, AssignsRatingsToTheNearestCentroid) {
  SegmentModel model = HandModel();
  // Both unmet: features 20, 20 -> (1, 1): segment 1 at distance 0.
  auto unmet = model.AssignRatings(std::vector<uint8_t>{5, 5},
                                   std::vector<uint8_t>{1, 1});
  ASSERT_TRUE(unmet.ok()) << unmet.status();
  EXPECT_EQ(unmet->cluster, 1u);
  EXPECT_EQ(unmet->distance, 0);
  EXPECT_EQ(unmet->observed_count, 2u);
  // Not important: 0, 0 -> (-1, -1): segment 2.
  auto served = model.AssignRatings(std::vector<uint8_t>{2, 1},
                                    std::vector<uint8_t>{5, 5});
  ASSERT_TRUE(served.ok());
  EXPECT_EQ(served->cluster, 2u);
  // accuracy missing -> imputed mean -> (1, 0): distance 1 to (1, 1),
  // sqrt 5 to (-1, -1).
  auto partial = model.AssignRatings(std::vector<uint8_t>{5, 4},
                                     std::vector<uint8_t>{2, 0});
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(partial->cluster, 1u);
  EXPECT_DOUBLE_EQ(partial->distance, 1);
  EXPECT_EQ(partial->observed_count, 1u);
}

TEST(SegmentModelTest, AssignsAnswersByOutcomeId) {
  SegmentModel model = HandModel();
  std::vector<RatedOutcome> answers = {
      {"unknown outcome", 5, 1}, {"accuracy", 5, 1}, {"speed", 5, 2}};
  auto assignment = model.Assign(answers);
  ASSERT_TRUE(assignment.ok()) << assignment.status();
  EXPECT_EQ(assignment->cluster, 1u);
  std::vector<RatedOutcome> twice = {{"speed", 5, 1}, {"speed", 4, 1}};
  EXPECT_THAT(model.Assign(twice).status().message(), HasSubstr("twice"));
  std::vector<RatedOutcome> off_scale = {{"speed", 6, 1}};
  EXPECT_EQ(model.Assign(off_scale).status().code(),
            absl::StatusCode::kInvalidArgument);
  std::vector<RatedOutcome> unrelated = {{"colour", 5, 1}, {"speed", 5, 0}};
  EXPECT_EQ(model.Assign(unrelated).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      model.AssignRatings(std::vector<uint8_t>{5}, std::vector<uint8_t>{1})
          .status()
          .code(),
      absl::StatusCode::kInvalidArgument);
}

TEST(SegmentModelTest, SerializesAndRefusesUnknownVersions) {
  SegmentModel model = HandModel();
  v1::SegmentModel proto = model.ToProto();
  EXPECT_EQ(proto.format_version(), SegmentModel::kFormatVersion);
  EXPECT_EQ(proto.k(), 2u);
  EXPECT_EQ(proto.centroids(1).coordinates(0), -1);
  std::string bytes = proto.SerializeAsString();
  v1::SegmentModel parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  auto loaded = SegmentModel::FromProto(parsed);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->ToProto().SerializeAsString(), bytes);
  EXPECT_EQ(loaded->outcome_ids(), model.outcome_ids());

  v1::SegmentModel future = proto;
  future.set_format_version(2);
  EXPECT_THAT(SegmentModel::FromProto(future).status().message(),
              HasSubstr("format version 2 is not supported"));
  future.set_format_version(0);
  EXPECT_FALSE(SegmentModel::FromProto(future).ok());

  v1::SegmentModel wrong_k = proto;
  wrong_k.set_k(3);
  EXPECT_FALSE(SegmentModel::FromProto(wrong_k).ok());
  v1::SegmentModel no_centroids = proto;
  no_centroids.clear_centroids();
  no_centroids.set_k(0);
  EXPECT_FALSE(SegmentModel::FromProto(no_centroids).ok());
  v1::SegmentModel short_centroid = proto;
  short_centroid.mutable_centroids(0)->mutable_coordinates()->RemoveLast();
  EXPECT_FALSE(SegmentModel::FromProto(short_centroid).ok());
  v1::SegmentModel zero_sd = proto;
  zero_sd.set_standard_deviations(1, 0);
  EXPECT_FALSE(SegmentModel::FromProto(zero_sd).ok());
  v1::SegmentModel repeated = proto;
  repeated.set_outcome_ids(1, "speed");
  EXPECT_FALSE(SegmentModel::FromProto(repeated).ok());
  v1::SegmentModel unspecified = proto;
  unspecified.set_feature(v1::SEGMENT_FEATURE_UNSPECIFIED);
  EXPECT_FALSE(SegmentModel::FromProto(unspecified).ok());
  v1::SegmentModel bad_component = proto;
  bad_component.add_components()->add_loadings(1);  // 1 loading, 2 outcomes
  EXPECT_FALSE(SegmentModel::FromProto(bad_component).ok());
}

TEST(SegmentModelTest, AssignStudyNeedsTheSameScale) {
  SegmentModel model = HandModel();
  Study seven(*Scale::Make(1, 7, 6));
  EXPECT_EQ(model.AssignStudy(seven).status().code(),
            absl::StatusCode::kFailedPrecondition);
  Study study;
  ASSERT_TRUE(study.AddOutcome({"speed", "", ""}).ok());
  ASSERT_TRUE(study.AddRespondents(2).ok());
  std::vector<uint32_t> rs = {0}, os = {0};
  std::vector<uint8_t> is = {5}, ss = {1};
  ASSERT_TRUE(study.AddAnswers({rs, os, is, ss}).ok());
  // Respondent 0: speed 20 -> (1, 0) -> segment 1; respondent 1: nothing.
  auto clusters = model.AssignStudy(study);
  ASSERT_TRUE(clusters.ok()) << clusters.status();
  EXPECT_THAT(*clusters, ElementsAre(1, 0));
}

}  // namespace
}  // namespace jtbd
