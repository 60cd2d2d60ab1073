// jtbd::Study::Save / Load and jtbd::Aggregate::Save / Load.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

std::string TemporaryPath(const char* name) {
  return ::testing::TempDir() + "/jtbd_cpp_" + std::to_string(getpid()) + "_" +
         name;
}

jtbd::Study SmallStudy() {
  jtbd::Study study;
  study.AddOutcome("speed", "Minimize the time it takes to cut");
  study.AddOutcome("waste");
  const size_t first = study.AddRespondent("r1");
  study.AddRespondent("r2");
  const std::vector<uint32_t> respondents = {uint32_t(first), uint32_t(first),
                                             uint32_t(first + 1)};
  const std::vector<uint32_t> outcomes = {0, 1, 0};
  const std::vector<uint8_t> importance = {5, 4, 2};
  const std::vector<uint8_t> satisfaction = {1, 2, 5};
  study.AddAnswers(respondents, outcomes, importance, satisfaction);
  return study;
}

TEST(SavedFileCppTest, StudyAndAggregateRoundTrip) {
  const jtbd::Study study = SmallStudy();
  const std::string path = TemporaryPath("study.jtbd");
  study.Save(path);
  const jtbd::Study loaded = jtbd::Study::Load(path);
  EXPECT_EQ(loaded.Serialize(), study.Serialize());

  const jtbd::Aggregate aggregate = study.ToAggregate();
  const std::string aggregate_path = TemporaryPath("aggregate.jtbd");
  aggregate.Save(aggregate_path);
  EXPECT_EQ(jtbd::Aggregate::Load(aggregate_path).Serialize(),
            aggregate.Serialize());
  std::remove(path.c_str());
  std::remove(aggregate_path.c_str());
}

TEST(SavedFileCppTest, ADamagedFileThrowsDataLossNamingIt) {
  const std::string path = TemporaryPath("damaged.jtbd");
  SmallStudy().Save(path);
  {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)),
                      std::istreambuf_iterator<char>());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes.substr(0, bytes.size() / 2);
  }
  try {
    jtbd::Study::Load(path);
    FAIL() << "a truncated file loaded";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_DATA_LOSS);
    EXPECT_THAT(error.what(), ::testing::HasSubstr(path + ": truncated"));
  }
  std::remove(path.c_str());
}

}  // namespace
