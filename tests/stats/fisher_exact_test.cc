// Fisher's exact test, one-sided: by hand on small tables, and against SciPy
// (an independent implementation) up to N = 10^7.
#include "stats/fisher_exact.h"

#include <cmath>
#include <cstdint>
#include <optional>

#include "gtest/gtest.h"

namespace jtbd {
namespace stats {
namespace {

TEST(FisherExactTest, TeaTastingByHand) {
  // Fisher's lady tasting tea: 3 of her 4 "milk first" cups right. N = 8,
  // K = 4, 4 drawn: P(X = 3) = C(4,3) C(4,1) / C(8,4) = 16/70, P(X = 4) =
  // 1/70. p = 17/70; mid-p = 1/70 + 8/70 = 9/70.
  const std::optional<FisherExactTest> test = FisherExactGreater(3, 1, 1, 3);
  ASSERT_TRUE(test.has_value());
  EXPECT_NEAR(test->p_value, 17.0 / 70, 1e-14);
  EXPECT_NEAR(test->mid_p_value, 9.0 / 70, 1e-14);
  EXPECT_NEAR(test->probability, 16.0 / 70, 1e-14);
}

TEST(FisherExactTest, OneRespondentOfFiftyByHand) {
  // The email case: a value held by one respondent, who is in a segment of
  // 50 out of 1000. P(X >= 1) = 1 - P(X = 0) = 1 - C(999, 50) / C(1000,
  // 50) = 50/1000: no evidence at all, where the pooled z-test said
  // p = 1.4e-5 (z = 4.4).
  const std::optional<FisherExactTest> test = FisherExactGreater(1, 49, 0, 950);
  ASSERT_TRUE(test.has_value());
  EXPECT_NEAR(test->p_value, 0.05, 1e-13);
  EXPECT_NEAR(test->mid_p_value, 0.025, 1e-13);
}

TEST(FisherExactTest, BelowTheModeByHand) {
  // N = 4, K = 2, 2 drawn, none observed: P(X >= 0) = 1; P(X = 0) =
  // C(2,0) C(2,2) / C(4,2) = 1/6, mid-p = 1 - 1/12.
  const std::optional<FisherExactTest> test = FisherExactGreater(0, 2, 2, 0);
  ASSERT_TRUE(test.has_value());
  EXPECT_DOUBLE_EQ(test->p_value, 1.0);
  EXPECT_NEAR(test->mid_p_value, 11.0 / 12, 1e-14);
  // One observed: P(X >= 1) = 1 - 1/6 = 5/6; P(X = 1) = 4/6.
  const std::optional<FisherExactTest> one = FisherExactGreater(1, 1, 1, 1);
  ASSERT_TRUE(one.has_value());
  EXPECT_NEAR(one->p_value, 5.0 / 6, 1e-14);
  EXPECT_NEAR(one->mid_p_value, 5.0 / 6 - 1.0 / 3, 1e-14);
}

TEST(FisherExactTest, DegenerateTables) {
  EXPECT_FALSE(FisherExactGreater(0, 0, 0, 0).has_value());
  // Nobody has the value: X = 0 surely.
  const std::optional<FisherExactTest> none = FisherExactGreater(0, 5, 0, 5);
  ASSERT_TRUE(none.has_value());
  EXPECT_DOUBLE_EQ(none->p_value, 1.0);
  EXPECT_DOUBLE_EQ(none->mid_p_value, 0.5);
  EXPECT_FALSE(FisherExactGreater(uint64_t{1} << 60, 1, 1, 1).has_value());
}

// Reference values printed by tests/stats/fisher_exact_reference.py
// (scipy.stats.fisher_exact(alternative="greater") for p,
// hypergeom.sf(a) + pmf(a) / 2 for the mid-p, hypergeom.pmf(a)), SciPy 1.10.
struct Reference {
  uint64_t a, b, c, d;
  double p_value, mid_p_value, probability;
};
constexpr Reference kSciPy[] = {
    {3, 1, 1, 3, 0.24285714285714283, 0.12857142857142856, 0.22857142857142854},
    {1, 49, 0, 950, 0.05, 0.025, 0.05},
    {5, 45, 0, 950, 2.568103277503855e-07, 1.2840516387519274e-07,
     2.568103277503855e-07},
    {30, 10, 12, 48, 4.550696548314845e-08, 2.451915133285977e-08,
     4.197562830057736e-08},
    {11, 9, 5, 15, 0.05267013398270351, 0.03195442383429035,
     0.0414314202968263},
    {0, 50, 100, 850, 1.0, 0.997762104511057, 0.004475790977886088},
    {40, 10, 190, 760, 2.104031822116656e-18, 1.115561126436991e-18,
     1.9769413913593307e-18},
    {12, 88, 100, 900, 0.3132475062208901, 0.25997147533060766,
     0.10655206178056473},
    {20, 9980, 10000, 9980000, 0.003495609078399328, 0.0025513128437627103,
     0.0018885924671377433},
    {1005, 8995, 999000, 8991000, 0.4387092387294223, 0.4321634600864115,
     0.013091557991671044},
    {2, 0, 0, 9999998, 2.0000001968183308e-14, 1.0000000984091654e-14,
     2.0000001968183308e-14},
};

TEST(FisherExactTest, AgreesWithSciPy) {
  for (const Reference& r : kSciPy) {
    SCOPED_TRACE(testing::Message()
                 << r.a << " " << r.b << " " << r.c << " " << r.d);
    const std::optional<FisherExactTest> test =
        FisherExactGreater(r.a, r.b, r.c, r.d);
    ASSERT_TRUE(test.has_value());
    // lgamma of 10^7 carries about 1e-8 relative error into the log of the
    // probability; small tables agree to the last digits.
    const double total = static_cast<double>(r.a + r.b + r.c + r.d);
    const double relative = total > 1e5 ? 1e-6 : 1e-10;
    EXPECT_NEAR(test->p_value, r.p_value, relative * r.p_value);
    EXPECT_NEAR(test->mid_p_value, r.mid_p_value, relative * r.mid_p_value);
    EXPECT_NEAR(test->probability, r.probability, relative * r.probability);
  }
}

TEST(FisherExactTest, MidPIsNeverAboveFisher) {
  for (const Reference& r : kSciPy) {
    const std::optional<FisherExactTest> test =
        FisherExactGreater(r.a, r.b, r.c, r.d);
    ASSERT_TRUE(test.has_value());
    EXPECT_LE(test->mid_p_value, test->p_value);
  }
}

}  // namespace
}  // namespace stats
}  // namespace jtbd
