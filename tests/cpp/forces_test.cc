// jtbd.hpp's switching forces (Interviews, ForcesReport, PropensityModel):
// the RAII wrappers give what the C ABI gives, and failures throw
// jtbd::Error with the C message.
#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

static_assert(!std::is_copy_constructible_v<jtbd::Interviews>);
static_assert(std::is_nothrow_move_constructible_v<jtbd::Interviews>);
static_assert(!std::is_copy_constructible_v<jtbd::PropensityModel>);
static_assert(std::is_copy_constructible_v<jtbd::ForcesReport>);
static_assert(static_cast<int32_t>(jtbd::Force::kHabit) == JTBD_FORCE_HABIT);

const std::string kExample =
    std::string(JTBD_SOURCE_DIR) + "/examples/interviews.csv";

TEST(CppForcesTest, AnalyzeSaveLoadPredict) {
  const jtbd::Interviews interviews = jtbd::Interviews::ReadFile(kExample);
  ASSERT_GT(interviews.size(), 0u);
  EXPECT_EQ(interviews.Get(0).id, "INT-001");
  jtbd::ForcesOptions options;
  options.folds = 4;
  const jtbd::ForcesReport report =
      jtbd::ForcesReport::Analyze(interviews, options);
  const jtbd_forces_report_info info = report.Info();
  EXPECT_EQ(info.interview_count, interviews.size());
  EXPECT_EQ(info.folds, 4u);
  EXPECT_EQ(std::string(report.ForceSummary(1).name), "pull");
  EXPECT_THAT(report.Render(jtbd::Format::kJson),
              HasSubstr("\"coefficients\""));

  const jtbd::PropensityModel model = report.Model();
  const std::string path = ::testing::TempDir() + "/cpp_forces_model.jtbd";
  model.Save(path);
  const jtbd::PropensityModel loaded = jtbd::PropensityModel::Load(path);
  std::remove(path.c_str());
  const jtbd::PropensityModel parsed =
      jtbd::PropensityModel::Parse(model.Serialize());
  const jtbd::ForcePrediction p = model.Predict(4, 3, 2, 1);
  EXPECT_EQ(loaded.Predict(4, 3, 2, 1).probability, p.probability);
  EXPECT_EQ(parsed.Predict(4, 3, 2, 1).log_odds, p.log_odds);
  const jtbd_propensity_model_info m = model.Info();
  EXPECT_NEAR(p.log_odds,
              m.intercept.estimate + 4 * m.push.estimate + 3 * m.pull.estimate +
                  2 * m.anxiety.estimate + m.habit.estimate,
              1e-12);
  EXPECT_NEAR(p.probability, 1 / (1 + std::exp(-p.log_odds)), 1e-15);
  EXPECT_EQ(model.Predict(interviews, 0).probability,
            model
                .Predict(interviews.Get(0).push, interviews.Get(0).pull,
                         interviews.Get(0).anxiety, interviews.Get(0).habit)
                .probability);
}

TEST(CppForcesTest, FailuresThrow) {
  try {
    jtbd::Interviews::ReadCsv(
        "interview,force,intensity,switched\nA,fear,2,yes\n", "deals.csv");
    FAIL() << "no throw";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_THAT(error.message(), HasSubstr("deals.csv: line 2, column 2"));
  }
  const jtbd::Interviews all_switched = jtbd::Interviews::ReadCsv(
      "interview,force,intensity,switched\nA,push,3,1\nB,pull,2,1\n", "x");
  const jtbd::ForcesReport report = jtbd::ForcesReport::Analyze(all_switched);
  EXPECT_FALSE(report.has_model());
  EXPECT_THROW(report.Model(), jtbd::Error);
  EXPECT_THROW(jtbd::ForcesReport().Info(), jtbd::Error);
  const jtbd::ForcesReport fitted =
      jtbd::ForcesReport::Analyze(jtbd::Interviews::ReadFile(kExample));
  EXPECT_THROW(fitted.Model().Predict(6, 0, 0, 0), jtbd::Error);
}

}  // namespace
