// Segmenting synthetic surveys with planted segments: the planted k is
// chosen and recovered (adjusted Rand index >= 0.9), profiles name each
// segment's unmet outcomes and over-represented attributes, results do not
// depend on the number of threads, and the saved model reproduces the
// fitted segments.
#include "segments/segmentation.h"

#include <map>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "planted_survey.h"
#include "segments/adjusted_rand_index.h"

namespace jtbd {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing_support::MakePlantedSurvey;
using testing_support::PlantedSurvey;
using testing_support::PlantedSurveySpec;

std::vector<uint32_t> Clusters(const v1::SegmentationReport& report) {
  std::vector<uint32_t> clusters;
  for (const auto& respondent : report.respondents()) {
    clusters.push_back(respondent.cluster());
  }
  return clusters;
}

double Ari(const PlantedSurvey& survey, const v1::SegmentationReport& report) {
  absl::StatusOr<double> ari =
      segments::AdjustedRandIndex(survey.segments, Clusters(report));
  EXPECT_TRUE(ari.ok());
  return ari.ok() ? *ari : -1;
}

// The found segment most of a planted segment's respondents landed in.
uint32_t FoundSegment(const PlantedSurvey& survey,
                      const v1::SegmentationReport& report, uint32_t planted) {
  std::map<uint32_t, int> votes;
  for (size_t r = 0; r < survey.segments.size(); ++r) {
    if (survey.segments[r] == planted) ++votes[report.respondents(r).cluster()];
  }
  uint32_t best = 0;
  for (const auto& [cluster, count] : votes) {
    if (best == 0 || count > votes[best]) best = cluster;
  }
  return best;
}

v1::SegmentationOptions FastOptions() {
  v1::SegmentationOptions options;
  options.mutable_scoring()->set_bootstrap_resamples(0);
  return options;
}

TEST(SegmentStudyTest, ChoosesThePlantedKAndRecoversTheSegments) {
  struct Case {
    std::vector<double> shares;
    size_t respondents;
    size_t outcomes;
    uint64_t seed;
  };
  for (const Case& c : std::vector<Case>{
           {{0.5, 0.3, 0.2}, 600, 30, 1},
           {{0.4, 0.3, 0.2, 0.1}, 900, 40, 2},
           {{0.25, 0.25, 0.25, 0.25}, 800, 36, 3},
           {{0.35, 0.25, 0.2, 0.12, 0.08}, 1500, 50, 4},
       }) {
    PlantedSurveySpec spec;
    spec.segment_shares = c.shares;
    spec.respondents = c.respondents;
    spec.outcomes = c.outcomes;
    spec.seed = c.seed;
    PlantedSurvey survey = MakePlantedSurvey(spec);
    auto segmentation = SegmentStudy(survey.study, FastOptions());
    ASSERT_TRUE(segmentation.ok()) << segmentation.status();
    const v1::SegmentationReport& report = segmentation->report;
    EXPECT_EQ(report.k(), c.shares.size()) << "seed " << c.seed;
    EXPECT_TRUE(report.k_chosen());
    EXPECT_GE(Ari(survey, report), 0.9) << "seed " << c.seed;
    // Every k from 2 to 8 was fitted, and the planted k has the best
    // silhouette.
    ASSERT_EQ(report.candidates_size(), 7);
    for (const auto& candidate : report.candidates()) {
      EXPECT_LE(candidate.silhouette(),
                report.candidates(report.k() - 2).silhouette());
      EXPECT_GT(candidate.inertia(), 0);
    }
    // Inertia falls as k grows (best of 25 starts each).
    EXPECT_LT(report.candidates(6).inertia(), report.candidates(0).inertia());
  }
}

TEST(SegmentStudyTest, RatingFeatureAndPrincipalComponentsAlsoRecoverThem) {
  PlantedSurveySpec spec;
  spec.segment_shares = {0.4, 0.35, 0.25};
  spec.respondents = 900;
  spec.seed = 11;
  PlantedSurvey survey = MakePlantedSurvey(spec);
  v1::SegmentationOptions options = FastOptions();
  options.set_feature(v1::SEGMENT_FEATURE_RATING_OPPORTUNITY);
  auto rating = SegmentStudy(survey.study, options);
  ASSERT_TRUE(rating.ok()) << rating.status();
  EXPECT_EQ(rating->report.feature(), v1::SEGMENT_FEATURE_RATING_OPPORTUNITY);
  EXPECT_EQ(rating->report.k(), 3u);
  EXPECT_GE(Ari(survey, rating->report), 0.9);

  options = FastOptions();
  options.set_principal_components(true);
  auto pca = SegmentStudy(survey.study, options);
  ASSERT_TRUE(pca.ok()) << pca.status();
  const v1::SegmentationReport& report = pca->report;
  EXPECT_EQ(report.eigenvalues_size(), 30);
  EXPECT_GE(report.component_count(), 2u);
  EXPECT_EQ(pca->model.component_count(), report.component_count());
  // Kaiser: exactly the eigenvalues above 1 (at least 2) are kept.
  int above_one = 0;
  for (double value : report.eigenvalues()) above_one += value > 1 ? 1 : 0;
  EXPECT_EQ(report.component_count(), std::max(above_one, 2));
  EXPECT_EQ(report.k(), 3u);
  EXPECT_GE(Ari(survey, report), 0.9);
}

TEST(SegmentStudyTest, ProfilesNameUnmetOutcomesAndAttributes) {
  PlantedSurveySpec spec;  // shares 0.5, 0.3, 0.2 of 600; 6 unmet each
  PlantedSurvey survey = MakePlantedSurvey(spec);
  v1::SegmentationOptions options;
  options.mutable_scoring()->set_bootstrap_resamples(200);
  auto segmentation = SegmentStudy(survey.study, options);
  ASSERT_TRUE(segmentation.ok()) << segmentation.status();
  const v1::SegmentationReport& report = segmentation->report;
  ASSERT_EQ(report.k(), 3u);
  ASSERT_EQ(report.segments_size(), 3);
  EXPECT_EQ(report.respondent_count(), 600u);
  EXPECT_EQ(report.unclustered_respondent_count(), 0u);
  EXPECT_GT(report.imputed_feature_count(), 0u);  // the blanks
  EXPECT_EQ(report.silhouette_respondent_count(), 600u);
  EXPECT_EQ(report.seed(), 42u);
  EXPECT_EQ(report.starts(), 25u);
  EXPECT_EQ(report.respondents(0).respondent_id(), "r0");
  uint32_t total = 0;
  double share = 0;
  for (int s = 0; s < 3; ++s) {
    const v1::SegmentProfile& profile = report.segments(s);
    EXPECT_EQ(profile.cluster(), static_cast<uint32_t>(s + 1));
    EXPECT_EQ(profile.scores().name(), "segment " + std::to_string(s + 1));
    EXPECT_EQ(profile.scores().respondent_count(), profile.respondent_count());
    EXPECT_EQ(profile.scores().rest_respondent_count(),
              600 - profile.respondent_count());
    EXPECT_EQ(profile.scores().outcomes_size(), 30);
    EXPECT_EQ(profile.scores().comparisons_size(), 30);
    EXPECT_TRUE(profile.scores().outcomes(0).has_opportunity_interval());
    EXPECT_GT(profile.silhouette(), 0);
    if (s > 0) {  // numbered by size
      EXPECT_LE(profile.respondent_count(),
                report.segments(s - 1).respondent_count());
    }
    total += profile.respondent_count();
    share += profile.share();
  }
  EXPECT_EQ(total, 600u);
  EXPECT_NEAR(share, 1, 1e-12);
  // Planted segment g's unmet outcomes are o(6g+1)..o(6g+6): each is
  // significantly more underserved in the segment found for it, and its
  // top-ranked outcome is one of them.
  for (uint32_t g = 0; g < 3; ++g) {
    const uint32_t found = FoundSegment(survey, report, g);
    ASSERT_GE(found, 1u);
    const v1::SegmentProfile& profile = report.segments(found - 1);
    for (int j = 1; j <= 6; ++j) {
      EXPECT_THAT(profile.scores().more_underserved_outcome_ids(),
                  Contains("o" + std::to_string(6 * g + j)))
          << "planted segment " << g;
    }
    // Testing the very outcomes the clustering separated on is optimistic
    // (docs/SEGMENTS.md): allow one chance finding besides the planted six.
    EXPECT_GE(profile.scores().more_underserved_outcome_ids_size(), 6);
    EXPECT_LE(profile.scores().more_underserved_outcome_ids_size(), 7);
    const std::string top = profile.scores().outcomes(0).outcome_id();
    const int number = std::stoi(top.substr(1));
    EXPECT_GE(number, static_cast<int>(6 * g + 1));
    EXPECT_LE(number, static_cast<int>(6 * g + 6));
  }
  // Carpenters are 70 % of planted segment 0 and 20 % elsewhere; region is
  // unrelated to the segments and never listed.
  const v1::SegmentProfile& first =
      report.segments(FoundSegment(survey, report, 0) - 1);
  ASSERT_GE(first.overrepresented_attributes_size(), 1);
  const v1::AttributeOverrepresentation& role =
      first.overrepresented_attributes(0);
  EXPECT_EQ(role.attribute(), "role");
  EXPECT_EQ(role.value(), "carpenter");
  EXPECT_GT(role.lift(), 2);
  EXPECT_LT(role.test().holm_adjusted_p_value(), 0.05);
  EXPECT_EQ(role.segment_total(), first.respondent_count());
  for (const auto& profile : report.segments()) {
    for (const auto& attribute : profile.overrepresented_attributes()) {
      EXPECT_NE(attribute.attribute(), "region");
    }
  }
}

TEST(SegmentStudyTest, SameResultWithOneOrTwoThreads) {
  PlantedSurveySpec spec;
  spec.segment_shares = {0.4, 0.3, 0.3};
  spec.seed = 5;
  PlantedSurvey survey = MakePlantedSurvey(spec);
  v1::SegmentationOptions options = FastOptions();
  options.set_seed(123);
  options.set_threads(1);
  auto one = SegmentStudy(survey.study, options);
  options.set_threads(2);
  auto two = SegmentStudy(survey.study, options);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(one->report.SerializeAsString(), two->report.SerializeAsString());
  EXPECT_EQ(one->model.ToProto().SerializeAsString(),
            two->model.ToProto().SerializeAsString());
  EXPECT_EQ(one->report.seed(), 123u);
}

TEST(SegmentStudyTest, SavedModelReproducesTheFittedSegments) {
  for (bool components : {false, true}) {
    PlantedSurveySpec spec;
    spec.segment_shares = {0.3, 0.3, 0.2, 0.2};
    spec.respondents = 800;
    spec.seed = 21;
    PlantedSurvey survey = MakePlantedSurvey(spec);
    // A respondent with no answer at all is not clustered.
    ASSERT_TRUE(survey.study.AddRespondent("silent").ok());
    v1::SegmentationOptions options = FastOptions();
    options.set_principal_components(components);
    auto segmentation = SegmentStudy(survey.study, options);
    ASSERT_TRUE(segmentation.ok()) << segmentation.status();
    const std::vector<uint32_t> fitted = Clusters(segmentation->report);
    EXPECT_EQ(fitted.back(), 0u);
    EXPECT_EQ(segmentation->report.unclustered_respondent_count(), 1u);

    v1::SegmentModel saved;
    ASSERT_TRUE(saved.ParseFromString(
        segmentation->model.ToProto().SerializeAsString()));
    auto model = SegmentModel::FromProto(saved);
    ASSERT_TRUE(model.ok()) << model.status();
    EXPECT_EQ(model->k(), segmentation->report.k());
    auto applied = model->AssignStudy(survey.study);
    ASSERT_TRUE(applied.ok()) << applied.status();
    EXPECT_EQ(*applied, fitted) << "components " << components;

    // One respondent at a time, as a CRM would, answers given by id.
    const Study& study = survey.study;
    for (size_t r = 0; r < 50; ++r) {
      std::vector<std::string> ids;
      std::vector<RatedOutcome> answers;
      for (size_t o = 0; o < study.outcome_count(); ++o) {
        ids.push_back(study.outcomes()[o].id);
      }
      for (size_t o = 0; o < study.outcome_count(); ++o) {
        answers.push_back(
            {ids[o], study.importance(r, o), study.satisfaction(r, o)});
      }
      auto assignment = model->Assign(answers);
      ASSERT_TRUE(assignment.ok()) << assignment.status();
      EXPECT_EQ(assignment->cluster, fitted[r]) << r;
    }
    // Inertia of the model is the sum of squared distances of the fitted.
    EXPECT_EQ(saved.inertia(),
              segmentation->report.candidates(segmentation->report.k() - 2)
                  .inertia());
  }
}

TEST(SegmentStudyTest, GivenKAndSampledSilhouettes) {
  PlantedSurveySpec spec;
  spec.segment_shares = {0.5, 0.5};
  spec.respondents = 400;
  PlantedSurvey survey = MakePlantedSurvey(spec);
  v1::SegmentationOptions options = FastOptions();
  options.set_k(4);
  auto given = SegmentStudy(survey.study, options);
  ASSERT_TRUE(given.ok()) << given.status();
  EXPECT_EQ(given->report.k(), 4u);
  EXPECT_FALSE(given->report.k_chosen());
  ASSERT_EQ(given->report.candidates_size(), 1);
  EXPECT_EQ(given->report.candidates(0).k(), 4u);

  options = FastOptions();
  options.set_silhouette_sample_size(150);
  options.set_max_k(5);
  auto sampled = SegmentStudy(survey.study, options);
  ASSERT_TRUE(sampled.ok()) << sampled.status();
  EXPECT_EQ(sampled->report.silhouette_respondent_count(), 150u);
  EXPECT_EQ(sampled->report.k(), 2u);
  EXPECT_EQ(sampled->report.candidates_size(), 4);
  EXPECT_GE(Ari(survey, sampled->report), 0.9);
  // The sampled mean estimates the exact one.
  options.set_silhouette_sample_size(0);
  auto exact = SegmentStudy(survey.study, options);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->report.silhouette_respondent_count(), 400u);
  EXPECT_NEAR(sampled->report.candidates(0).silhouette(),
              exact->report.candidates(0).silhouette(), 0.03);
}

TEST(SegmentStudyTest, LargeSurveysChooseKOnASilhouetteSample) {
  // Above 5000 respondents the mean silhouette is estimated from a seeded
  // sample of 5000 (each exact against everyone): the planted k still wins.
  PlantedSurveySpec spec;
  spec.segment_shares = {0.4, 0.3, 0.2, 0.1};
  spec.respondents = 6000;
  spec.outcomes = 24;
  spec.seed = 31;
  PlantedSurvey survey = MakePlantedSurvey(spec);
  v1::SegmentationOptions options = FastOptions();
  options.set_max_k(6);
  options.set_starts(10);
  auto segmentation = SegmentStudy(survey.study, options);
  ASSERT_TRUE(segmentation.ok()) << segmentation.status();
  EXPECT_EQ(segmentation->report.silhouette_respondent_count(), 5000u);
  EXPECT_EQ(segmentation->report.respondent_count(), 6000u);
  EXPECT_EQ(segmentation->report.k(), 4u);
  EXPECT_GE(Ari(survey, segmentation->report), 0.9);
}

TEST(SegmentStudyTest, RefusesBadOptionsAndTinyStudies) {
  PlantedSurvey survey = MakePlantedSurvey(PlantedSurveySpec{});
  auto code = [&](const v1::SegmentationOptions& options) {
    return SegmentStudy(survey.study, options).status().code();
  };
  v1::SegmentationOptions options;
  options.set_k(1);
  EXPECT_EQ(code(options), absl::StatusCode::kInvalidArgument);
  options = {};
  options.set_min_k(5);
  options.set_max_k(3);
  EXPECT_EQ(code(options), absl::StatusCode::kInvalidArgument);
  options = {};
  options.set_min_k(1);
  EXPECT_EQ(code(options), absl::StatusCode::kInvalidArgument);
  options = {};
  options.set_starts(SegmentationPlan::kMaxStarts + 1);
  EXPECT_EQ(code(options), absl::StatusCode::kInvalidArgument);
  options = {};
  options.mutable_scoring()->set_segment_by("role");
  EXPECT_THAT(SegmentStudy(survey.study, options).status().message(),
              HasSubstr("segment_by"));
  options = {};
  options.mutable_scoring()->set_confidence_level(1.5);
  EXPECT_EQ(code(options), absl::StatusCode::kInvalidArgument);
  options = {};
  options.set_feature(static_cast<v1::SegmentFeature>(9));
  EXPECT_EQ(code(options), absl::StatusCode::kInvalidArgument);

  // Three respondents: k = 2 only (silhouettes need k <= n - 1).
  Study tiny;
  ASSERT_TRUE(tiny.AddOutcome({"o1", "", ""}).ok());
  ASSERT_TRUE(tiny.AddRespondents(3).ok());
  std::vector<uint32_t> rs = {0, 1, 2}, os = {0, 0, 0};
  std::vector<uint8_t> is = {5, 5, 1}, ss = {1, 2, 5};
  ASSERT_TRUE(tiny.AddAnswers({rs, os, is, ss}).ok());
  auto two = SegmentStudy(tiny, FastOptions());
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_EQ(two->report.k(), 2u);
  EXPECT_THAT(Clusters(two->report), ElementsAre(1, 1, 2));
  v1::SegmentationOptions three = FastOptions();
  three.set_k(3);
  EXPECT_EQ(SegmentStudy(tiny, three).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace jtbd
