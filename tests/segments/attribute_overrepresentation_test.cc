// Attribute values over-represented in a segment: shares, lift, the
// two-proportion z-test and Holm's adjustment, by hand.
#include "segments/attribute_overrepresentation.h"

#include <cmath>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace jtbd {
namespace {

// Respondents with a role (empty: none); clusters given separately.
Study RoleStudy(const std::vector<std::string>& roles) {
  Study study;
  EXPECT_TRUE(study.AddOutcome({"o1", "", ""}).ok());
  for (size_t r = 0; r < roles.size(); ++r) {
    EXPECT_TRUE(study.AddRespondent("r" + std::to_string(r)).ok());
    if (!roles[r].empty()) {
      EXPECT_TRUE(study.SetAttribute(r, "role", roles[r]).ok());
    }
  }
  return study;
}

TEST(FindOverrepresentedAttributesTest, HandComputedTest) {
  // Segment 1: 40 respondents, 30 carpenters, 10 electricians. Segment 2:
  // 60 respondents, 12 carpenters, 48 electricians. One respondent without
  // a role and one not clustered are ignored.
  std::vector<std::string> roles;
  std::vector<uint32_t> clusters;
  for (int i = 0; i < 40; ++i) {
    roles.push_back(i < 30 ? "carpenter" : "electrician");
    clusters.push_back(1);
  }
  for (int i = 0; i < 60; ++i) {
    roles.push_back(i < 12 ? "carpenter" : "electrician");
    clusters.push_back(2);
  }
  roles.push_back("");
  clusters.push_back(1);
  roles.push_back("carpenter");
  clusters.push_back(0);
  Study study = RoleStudy(roles);
  auto found = FindOverrepresentedAttributes(study, clusters, 2, 0.05);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_EQ(found->size(), 2u);
  // Carpenters: 30/40 = 0.75 vs 12/60 = 0.2; pooled 42/100 = 0.42;
  // z = 0.55 / sqrt(0.42 x 0.58 x (1/40 + 1/60)) = 0.55 / 0.100747 = 5.4592.
  // Two values tested: Holm doubles the smaller p-value (both are equal).
  ASSERT_EQ((*found)[0].size(), 1u);
  const v1::AttributeOverrepresentation& carpenters = (*found)[0][0];
  EXPECT_EQ(carpenters.attribute(), "role");
  EXPECT_EQ(carpenters.value(), "carpenter");
  EXPECT_EQ(carpenters.segment_count(), 30u);
  EXPECT_EQ(carpenters.segment_total(), 40u);
  EXPECT_EQ(carpenters.rest_count(), 12u);
  EXPECT_EQ(carpenters.rest_total(), 60u);
  EXPECT_DOUBLE_EQ(carpenters.segment_share(), 0.75);
  EXPECT_DOUBLE_EQ(carpenters.rest_share(), 0.2);
  EXPECT_DOUBLE_EQ(carpenters.lift(), 3.75);
  const double z = 0.55 / std::sqrt(0.42 * 0.58 * (1.0 / 40 + 1.0 / 60));
  EXPECT_NEAR(carpenters.test().z(), z, 1e-12);
  EXPECT_NEAR(carpenters.test().p_value(), std::erfc(z / std::sqrt(2.0)),
              1e-20);
  EXPECT_NEAR(carpenters.test().holm_adjusted_p_value(),
              2 * std::erfc(z / std::sqrt(2.0)), 1e-20);
  // Electricians in segment 2: 48/60 = 0.8 vs 10/40 = 0.25.
  ASSERT_EQ((*found)[1].size(), 1u);
  EXPECT_EQ((*found)[1][0].value(), "electrician");
  EXPECT_DOUBLE_EQ((*found)[1][0].lift(), 3.2);
}

TEST(FindOverrepresentedAttributesTest, HolmKeepsOnlyWhatSurvives) {
  // 11 vs 5 out of 20 each: z = 0.3 / sqrt(0.4 x 0.6 x 0.1) = 1.9365,
  // p = 0.0528 > 0.05: not listed, nor after Holm.
  std::vector<std::string> roles;
  std::vector<uint32_t> clusters;
  for (int i = 0; i < 20; ++i) {
    roles.push_back(i < 11 ? "a" : "b");
    clusters.push_back(1);
  }
  for (int i = 0; i < 20; ++i) {
    roles.push_back(i < 5 ? "a" : "b");
    clusters.push_back(2);
  }
  Study study = RoleStudy(roles);
  auto found = FindOverrepresentedAttributes(study, clusters, 2, 0.05);
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE((*found)[0].empty());
  EXPECT_TRUE((*found)[1].empty());
  // At alpha 0.2, Holm's adjusted p = 2 x 0.0528 = 0.106 passes.
  found = FindOverrepresentedAttributes(study, clusters, 2, 0.2);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ((*found)[0].size(), 1u);
  EXPECT_EQ((*found)[0][0].value(), "a");
  EXPECT_NEAR((*found)[0][0].test().z(), 0.3 / std::sqrt(0.4 * 0.6 * 0.1),
              1e-12);
}

TEST(FindOverrepresentedAttributesTest, ValueOnlyInTheSegmentComesFirst) {
  std::vector<std::string> roles;
  std::vector<uint32_t> clusters;
  for (int i = 0; i < 30; ++i) {
    roles.push_back(i < 20 ? "only here" : "common");
    clusters.push_back(1);
  }
  for (int i = 0; i < 30; ++i) {
    roles.push_back("common");
    clusters.push_back(2);
  }
  Study study = RoleStudy(roles);
  auto found = FindOverrepresentedAttributes(study, clusters, 2, 0.05);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ((*found)[0].size(), 1u);
  EXPECT_EQ((*found)[0][0].value(), "only here");
  EXPECT_FALSE((*found)[0][0].has_lift());  // the rest has none
  ASSERT_EQ((*found)[1].size(), 1u);
  EXPECT_EQ((*found)[1][0].value(), "common");
}

TEST(FindOverrepresentedAttributesTest, RefusesMismatchedClusters) {
  Study study = RoleStudy({"a", "b"});
  EXPECT_FALSE(
      FindOverrepresentedAttributes(study, std::vector<uint32_t>{1}, 2, 0.05)
          .ok());
  EXPECT_FALSE(
      FindOverrepresentedAttributes(study, std::vector<uint32_t>{1, 3}, 2, 0.05)
          .ok());
}

}  // namespace
}  // namespace jtbd
