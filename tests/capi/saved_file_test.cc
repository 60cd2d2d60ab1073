// jtbd_study_save_file / _load_file and the aggregate pair, through the C
// ABI only: round trips, the golden files of format 1, and refusals that
// name the file and leave the out-parameter untouched.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

std::string TemporaryPath(const char* name) {
  return ::testing::TempDir() + "/jtbd_capi_" + std::to_string(getpid()) + "_" +
         name;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::string Serialized(const jtbd_study* study) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_serialize(study, &raw)), IsOk());
  Buffer buffer(raw);
  return BufferBytes(buffer.get());
}

TEST(SavedFileCapiTest, StudyRoundTripsThroughAFile) {
  Study study = MakeSampleStudy();
  const std::string path = TemporaryPath("study.jtbd");
  ASSERT_THAT(
      Result(jtbd_study_save_file(study.get(), path.data(), path.size())),
      IsOk());
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_load_file(path.data(), path.size(), &raw)),
              IsOk());
  Study loaded(raw);
  EXPECT_EQ(Serialized(loaded.get()), Serialized(study.get()));
  EXPECT_EQ(jtbd_study_respondent_count(loaded.get()), 6u);
  std::remove(path.c_str());
}

TEST(SavedFileCapiTest, AggregateRoundTripsThroughAFile) {
  Study study = MakeSampleStudy();
  jtbd_aggregate* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_create_aggregate(study.get(), &raw)), IsOk());
  Aggregate aggregate(raw);
  const std::string path = TemporaryPath("aggregate.jtbd");
  ASSERT_THAT(Result(jtbd_aggregate_save_file(aggregate.get(), path.data(),
                                              path.size())),
              IsOk());
  jtbd_aggregate* loaded_raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_aggregate_load_file(path.data(), path.size(), &loaded_raw)),
      IsOk());
  Aggregate loaded(loaded_raw);
  EXPECT_EQ(jtbd_aggregate_respondent_count(loaded.get()), 6u);
  // r1 rated speed 5 / 1: cell (5, 1) of outcome 0 holds one respondent.
  uint64_t count = 0;
  ASSERT_THAT(Result(jtbd_aggregate_cell(loaded.get(), 0, 5, 1, &count)),
              IsOk());
  EXPECT_EQ(count, 1u);

  // The wrong loader says what the file holds.
  jtbd_study* study_raw = nullptr;
  EXPECT_THAT(
      Result(jtbd_study_load_file(path.data(), path.size(), &study_raw)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                path + ": holds an aggregate, not a study"));
  EXPECT_EQ(study_raw, nullptr);
  std::remove(path.c_str());
}

TEST(SavedFileCapiTest, GoldenStudyOfFormatOneLoadsAndScores) {
  const std::string path =
      std::string(JTBD_TEST_DATA_DIR) + "/saved/study_v1.jtbd";
  jtbd_study* raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_load_file(path.data(), path.size(), &raw)),
              IsOk());
  Study study(raw);
  EXPECT_EQ(jtbd_study_outcome_count(study.get()), 3u);
  EXPECT_EQ(jtbd_study_respondent_count(study.get()), 5u);
  jtbd_report* report_raw = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), nullptr, &report_raw)),
              IsOk());
  Report report(report_raw);
  // o2 (Minimize waste): importance 4 (r1), 1 (r3, weight 2.5), 2 (r5);
  // weighted top-box share 1 / (1 + 2.5 + 1) -> I = 10 / 4.5.
  bool found = false;
  for (size_t i = 0; i < jtbd_report_outcome_count(report.get()); ++i) {
    jtbd_outcome_score score = EmptyScore();
    ASSERT_THAT(Result(jtbd_report_outcome(report.get(), i, &score)), IsOk());
    if (std::string(score.outcome_id, score.outcome_id_len) != "o2") continue;
    found = true;
    EXPECT_NEAR(score.importance, 10.0 / 4.5, 1e-12);
  }
  EXPECT_TRUE(found);

  const std::string aggregate_path =
      std::string(JTBD_TEST_DATA_DIR) + "/saved/aggregate_v1.jtbd";
  jtbd_aggregate* aggregate_raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_aggregate_load_file(aggregate_path.data(),
                                      aggregate_path.size(), &aggregate_raw)),
      IsOk());
  Aggregate aggregate(aggregate_raw);
  EXPECT_EQ(jtbd_aggregate_respondent_count(aggregate.get()), 5u);
}

TEST(SavedFileCapiTest, RefusalsNameTheFileAndLeaveOutUntouched) {
  Study study = MakeSampleStudy();
  const std::string path = TemporaryPath("damaged.jtbd");
  ASSERT_THAT(
      Result(jtbd_study_save_file(study.get(), path.data(), path.size())),
      IsOk());
  const std::string good = ReadBytes(path);

  jtbd_study* sentinel = reinterpret_cast<jtbd_study*>(0x1);
  WriteBytes(path, good.substr(0, good.size() - 3));
  jtbd_study* raw = sentinel;
  EXPECT_THAT(Result(jtbd_study_load_file(path.data(), path.size(), &raw)),
              FailsWith(JTBD_DATA_LOSS, path + ": truncated"));
  EXPECT_EQ(raw, sentinel);

  std::string corrupt = good;
  corrupt[corrupt.size() - 1] ^= 0x20;
  WriteBytes(path, corrupt);
  EXPECT_THAT(Result(jtbd_study_load_file(path.data(), path.size(), &raw)),
              FailsWith(JTBD_DATA_LOSS, "corrupt"));
  EXPECT_EQ(raw, sentinel);

  WriteBytes(path, "respondent_id,imp_a,sat_a\nr1,5,1\n");
  EXPECT_THAT(Result(jtbd_study_load_file(path.data(), path.size(), &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "not a jtbd study file"));
  EXPECT_EQ(raw, sentinel);

  const std::string missing = TemporaryPath("missing.jtbd");
  EXPECT_THAT(
      Result(jtbd_study_load_file(missing.data(), missing.size(), &raw)),
      FailsWith(JTBD_NOT_FOUND, missing));
  EXPECT_EQ(raw, sentinel);

  EXPECT_THAT(Result(jtbd_study_load_file(nullptr, 0, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "path is NULL"));
  EXPECT_THAT(Result(jtbd_study_save_file(nullptr, path.data(), path.size())),
              FailsWith(JTBD_INVALID_ARGUMENT, "study is NULL"));
  EXPECT_THAT(Result(jtbd_study_save_file(study.get(), "a\0b", 3)),
              FailsWith(JTBD_INVALID_ARGUMENT, "NUL"));

  // A failed save leaves the previous file whole.
  WriteBytes(path, good);
  const std::string directory_path = ::testing::TempDir();
  EXPECT_FALSE(Result(jtbd_study_save_file(study.get(), directory_path.data(),
                                           directory_path.size()))
                   .code == JTBD_OK);
  EXPECT_EQ(ReadBytes(path), good);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace jtbd_test
