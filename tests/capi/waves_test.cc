// Waves compared through the C ABI (jtbd_compare_*, jtbd_wave_comparison_*):
// the same comparison as `jtbd compare` (its golden outputs, byte for
// byte), the getters against the JSON, and every refusal leaving the
// out-parameter untouched.
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;

struct ComparisonDestroy {
  void operator()(jtbd_wave_comparison* c) const {
    jtbd_wave_comparison_destroy(c);
  }
};
using Comparison = std::unique_ptr<jtbd_wave_comparison, ComparisonDestroy>;

std::string Example(const char* name) {
  return std::string(JTBD_SOURCE_DIR) + "/examples/" + name;
}

std::string FileText(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The stdout of a golden case (tests/data/golden/<name>.out).
std::string GoldenStdout(const char* name) {
  const std::string text = FileText(std::string(JTBD_SOURCE_DIR) +
                                    "/tests/data/golden/" + name + ".out");
  const std::string start = "--- stdout\n";
  const size_t begin = text.find(start) + start.size();
  const size_t end = text.find("--- stderr", begin);
  return text.substr(begin, end - begin);
}

ScoreOptions Options(const std::string& segment_by, int32_t adjustment = 0,
                     double confidence = 0) {
  jtbd_score_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_score_options_create(&raw)), IsOk());
  ScoreOptions options(raw);
  EXPECT_THAT(Result(jtbd_score_options_set_segment_by(raw, segment_by.data(),
                                                       segment_by.size())),
              IsOk());
  if (adjustment != 0) {
    EXPECT_THAT(
        Result(jtbd_score_options_set_p_value_adjustment(raw, adjustment)),
        IsOk());
  }
  if (confidence != 0) {
    EXPECT_THAT(
        Result(jtbd_score_options_set_confidence_level(raw, confidence)),
        IsOk());
  }
  return options;
}

Comparison CompareFiles(const jtbd_score_options* options) {
  const std::string first = Example("survey.csv");
  const std::string second = Example("survey_wave2.csv");
  jtbd_wave_comparison* raw = nullptr;
  EXPECT_THAT(Result(jtbd_compare_survey_files(nullptr, options, first.data(),
                                               first.size(), second.data(),
                                               second.size(), &raw)),
              IsOk());
  return Comparison(raw);
}

std::string Render(const jtbd_wave_comparison* comparison, int32_t format) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_wave_comparison_render(comparison, format, &raw)),
              IsOk());
  Buffer buffer(raw);
  return BufferBytes(raw);
}

Aggregate ReadAggregate(const std::string& path) {
  jtbd_aggregate* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_read_csv_file(nullptr, path.data(),
                                                  path.size(), &raw)),
              IsOk());
  return Aggregate(raw);
}

TEST(WavesTest, FilesRenderAsTheCommandDoes) {
  const Comparison whole = CompareFiles(nullptr);
  EXPECT_EQ(Render(whole.get(), JTBD_FORMAT_TABLE),
            GoldenStdout("compare_table"));
  const ScoreOptions segmented = Options("segment");
  const Comparison by_segment = CompareFiles(segmented.get());
  EXPECT_EQ(Render(by_segment.get(), JTBD_FORMAT_JSON),
            GoldenStdout("compare_segments_json"));
  const ScoreOptions bh = Options("", JTBD_P_VALUE_ADJUSTMENT_BH, 0.9);
  const Comparison adjusted = CompareFiles(bh.get());
  EXPECT_EQ(Render(adjusted.get(), JTBD_FORMAT_CSV),
            GoldenStdout("compare_bh_csv"));
  EXPECT_FALSE(Render(adjusted.get(), JTBD_FORMAT_PROTOBUF).empty());
}

TEST(WavesTest, BytesEqualFiles) {
  const std::string first = FileText(Example("survey.csv"));
  const std::string second = FileText(Example("survey_wave2.csv"));
  const ScoreOptions options = Options("segment");
  jtbd_wave_comparison* raw = nullptr;
  ASSERT_THAT(Result(jtbd_compare_surveys(nullptr, options.get(), first.data(),
                                          first.size(), "q1", 2, second.data(),
                                          second.size(), "q2", 2, &raw)),
              IsOk());
  const Comparison bytes(raw);
  const Comparison files = CompareFiles(options.get());
  EXPECT_EQ(Render(bytes.get(), JTBD_FORMAT_JSON),
            Render(files.get(), JTBD_FORMAT_JSON));
}

TEST(WavesTest, AggregatesEqualSurveys) {
  const Aggregate first = ReadAggregate(Example("survey.csv"));
  const Aggregate second = ReadAggregate(Example("survey_wave2.csv"));
  jtbd_wave_comparison* raw = nullptr;
  ASSERT_THAT(
      Result(jtbd_compare_aggregates(nullptr, first.get(), second.get(), &raw)),
      IsOk());
  const Comparison aggregates(raw);
  const Comparison files = CompareFiles(nullptr);
  EXPECT_EQ(Render(aggregates.get(), JTBD_FORMAT_JSON),
            Render(files.get(), JTBD_FORMAT_JSON));
}

TEST(WavesTest, SavedAggregateIsAWave) {
  const Aggregate first = ReadAggregate(Example("survey.csv"));
  const std::string saved = ::testing::TempDir() + "/waves_test_first.jtbdagg";
  ASSERT_THAT(
      Result(jtbd_aggregate_save_file(first.get(), saved.data(), saved.size())),
      IsOk());
  const std::string second = Example("survey_wave2.csv");
  jtbd_wave_comparison* raw = nullptr;
  ASSERT_THAT(Result(jtbd_compare_survey_files(nullptr, nullptr, saved.data(),
                                               saved.size(), second.data(),
                                               second.size(), &raw)),
              IsOk());
  const Comparison comparison(raw);
  EXPECT_EQ(Render(comparison.get(), JTBD_FORMAT_TABLE),
            GoldenStdout("compare_table"));
  std::remove(saved.c_str());
}

TEST(WavesTest, GettersMatchTheMessage) {
  const ScoreOptions options = Options("segment");
  const Comparison comparison = CompareFiles(options.get());
  jtbd_wave_comparison_info info = {};
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_wave_comparison_get_info(comparison.get(), &info)),
              IsOk());
  EXPECT_EQ(info.first_respondent_count, 180u);
  EXPECT_EQ(info.second_respondent_count, 200u);
  EXPECT_DOUBLE_EQ(info.confidence_level, 0.95);
  EXPECT_EQ(info.p_value_adjustment, JTBD_P_VALUE_ADJUSTMENT_HOLM);
  EXPECT_EQ(info.score_method, JTBD_SCORE_METHOD_ULWICK);
  EXPECT_EQ(std::string(info.segment_by, info.segment_by_len), "segment");
  EXPECT_EQ(info.scale_min, 1);
  EXPECT_EQ(info.scale_max, 5);
  EXPECT_GT(info.family_size, 0u);
  EXPECT_GT(info.segment_family_size, 0u);

  const size_t count = jtbd_wave_comparison_change_count(comparison.get());
  ASSERT_GT(count, 0u);
  jtbd_outcome_change change = {};
  change.struct_size = sizeof(change);
  ASSERT_THAT(Result(jtbd_wave_comparison_change(comparison.get(), 0, &change)),
              IsOk());
  EXPECT_EQ(std::string(change.outcome_id, change.outcome_id_len), "o01");
  EXPECT_EQ(change.first.importance_count, 178u);
  EXPECT_DOUBLE_EQ(change.first.importance, 5.786516853932584);
  EXPECT_DOUBLE_EQ(change.second.satisfaction, 4.45);
  EXPECT_EQ(change.has, static_cast<uint32_t>(JTBD_CHANGE_HAS_IMPORTANCE |
                                              JTBD_CHANGE_HAS_SATISFACTION |
                                              JTBD_CHANGE_HAS_OPPORTUNITY));
  EXPECT_EQ(change.importance.interval_method,
            JTBD_DIFFERENCE_INTERVAL_METHOD_NEWCOMBE_HYBRID_SCORE);
  EXPECT_EQ(change.opportunity.interval_method,
            JTBD_DIFFERENCE_INTERVAL_METHOD_MOVER_MOMENT_SELECTION);
  EXPECT_DOUBLE_EQ(change.opportunity.difference,
                   change.second.opportunity - change.first.opportunity);
  EXPECT_LE(change.opportunity.interval.low, change.opportunity.difference);
  EXPECT_GE(change.opportunity.interval.high, change.opportunity.difference);
  EXPECT_GE(change.opportunity.adjusted_p_value, change.opportunity.p_value);

  const size_t segments = jtbd_wave_comparison_segment_count(comparison.get());
  ASSERT_GT(segments, 0u);
  const char* name = nullptr;
  size_t name_len = 0;
  ASSERT_THAT(Result(jtbd_wave_comparison_segment_name(comparison.get(), 0,
                                                       &name, &name_len)),
              IsOk());
  EXPECT_FALSE(std::string(name, name_len).empty());
  uint64_t first = 0;
  uint64_t second = 0;
  ASSERT_THAT(Result(jtbd_wave_comparison_segment_respondent_counts(
                  comparison.get(), 0, &first, &second)),
              IsOk());
  EXPECT_GT(first, 0u);
  EXPECT_GT(second, 0u);
  size_t segment_changes = 0;
  ASSERT_THAT(Result(jtbd_wave_comparison_segment_change_count(
                  comparison.get(), 0, &segment_changes)),
              IsOk());
  EXPECT_EQ(segment_changes, count);
  ASSERT_THAT(Result(jtbd_wave_comparison_segment_change(
                  comparison.get(), 0, segment_changes - 1, &change)),
              IsOk());
  // The JSON names each one-wave outcome and segment the getters list.
  const std::string json = Render(comparison.get(), JTBD_FORMAT_JSON);
  for (size_t i = 0;
       i < jtbd_wave_comparison_one_wave_outcome_count(comparison.get()); ++i) {
    const char* id = nullptr;
    size_t id_len = 0;
    int32_t wave = 0;
    ASSERT_THAT(Result(jtbd_wave_comparison_one_wave_outcome(
                    comparison.get(), i, &id, &id_len, &wave)),
                IsOk());
    EXPECT_THAT(json, HasSubstr("\"" + std::string(id, id_len) + "\""));
    EXPECT_TRUE(wave == JTBD_WAVE_FIRST || wave == JTBD_WAVE_SECOND);
  }
  for (size_t i = 0;
       i < jtbd_wave_comparison_one_wave_segment_count(comparison.get()); ++i) {
    int32_t wave = 0;
    ASSERT_THAT(Result(jtbd_wave_comparison_one_wave_segment(
                    comparison.get(), i, &name, &name_len, &wave)),
                IsOk());
    EXPECT_THAT(json, HasSubstr("\"" + std::string(name, name_len) + "\""));
  }
}

TEST(WavesTest, OneWaveOutcomesAreListed) {
  // The second wave without its last outcome column pair: that outcome is
  // the first wave's alone.
  const char first[] =
      "respondent_id,imp_o1,sat_o1,imp_o2,sat_o2\n"
      "r1,5,2,4,4\nr2,4,1,5,3\n";
  const char second[] = "respondent_id,imp_o1,sat_o1\nr1,5,5\nr2,4,4\n";
  jtbd_wave_comparison* raw = nullptr;
  ASSERT_THAT(Result(jtbd_compare_surveys(nullptr, nullptr, first,
                                          sizeof(first) - 1, "a", 1, second,
                                          sizeof(second) - 1, "b", 1, &raw)),
              IsOk());
  const Comparison comparison(raw);
  EXPECT_EQ(jtbd_wave_comparison_change_count(comparison.get()), 1u);
  ASSERT_EQ(jtbd_wave_comparison_one_wave_outcome_count(comparison.get()), 1u);
  const char* id = nullptr;
  size_t id_len = 0;
  int32_t wave = 0;
  ASSERT_THAT(Result(jtbd_wave_comparison_one_wave_outcome(
                  comparison.get(), 0, &id, &id_len, &wave)),
              IsOk());
  EXPECT_EQ(std::string(id, id_len), "o2");
  EXPECT_EQ(wave, JTBD_WAVE_FIRST);
}

TEST(WavesTest, RefusalsLeaveOutUntouched) {
  const Aggregate first = ReadAggregate(Example("survey.csv"));
  const Aggregate second = ReadAggregate(Example("survey_wave2.csv"));
  jtbd_wave_comparison* const sentinel =
      reinterpret_cast<jtbd_wave_comparison*>(0x1);
  jtbd_wave_comparison* out = sentinel;
  EXPECT_THAT(
      Result(jtbd_compare_aggregates(nullptr, nullptr, second.get(), &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "first is NULL"));
  const ScoreOptions segmented = Options("segment");
  EXPECT_THAT(Result(jtbd_compare_aggregates(segmented.get(), first.get(),
                                             second.get(), &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "segment_by \"segment\""));
  jtbd_score_options* screening_raw = nullptr;
  ASSERT_THAT(Result(jtbd_score_options_create(&screening_raw)), IsOk());
  const ScoreOptions screening(screening_raw);
  ASSERT_THAT(Result(jtbd_score_options_set_screening(screening_raw, 1, 0)),
              IsOk());
  EXPECT_THAT(Result(jtbd_compare_aggregates(screening.get(), first.get(),
                                             second.get(), &out)),
              FailsWith(JTBD_INVALID_ARGUMENT, "screening"));
  // Waves sharing no outcome.
  const char a[] = "respondent_id,imp_o1,sat_o1\nr1,5,2\n";
  const char b[] = "respondent_id,imp_o9,sat_o9\nr1,5,2\n";
  EXPECT_THAT(
      Result(jtbd_compare_surveys(nullptr, nullptr, a, sizeof(a) - 1, "a.csv",
                                  5, b, sizeof(b) - 1, "b.csv", 5, &out)),
      FailsWith(JTBD_FAILED_PRECONDITION, ""));
  // A bad second wave is named.
  const char bad[] = "respondent_id,imp_o1,sat_o1\nr1,9,2\n";
  EXPECT_THAT(
      Result(jtbd_compare_surveys(nullptr, nullptr, a, sizeof(a) - 1, "a.csv",
                                  5, bad, sizeof(bad) - 1, "bad.csv", 7, &out)),
      FailsWith(JTBD_INVALID_ARGUMENT, "bad.csv"));
  const std::string missing = "/nonexistent/wave.csv";
  const std::string present = Example("survey.csv");
  EXPECT_THAT(Result(jtbd_compare_survey_files(nullptr, nullptr, present.data(),
                                               present.size(), missing.data(),
                                               missing.size(), &out)),
              FailsWith(JTBD_NOT_FOUND, missing));
  EXPECT_THAT(Result(jtbd_compare_survey_files(nullptr, nullptr, present.data(),
                                               present.size(), present.data(),
                                               present.size(), nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_EQ(out, sentinel);
}

TEST(WavesTest, GetterRefusals) {
  const Comparison comparison = CompareFiles(nullptr);
  jtbd_outcome_change change = {};
  change.struct_size = sizeof(change);
  const size_t count = jtbd_wave_comparison_change_count(comparison.get());
  EXPECT_THAT(
      Result(jtbd_wave_comparison_change(comparison.get(), count, &change)),
      FailsWith(JTBD_OUT_OF_RANGE, "index"));
  change.struct_size = JTBD_OUTCOME_CHANGE_STRUCT_SIZE - 1;
  EXPECT_THAT(Result(jtbd_wave_comparison_change(comparison.get(), 0, &change)),
              FailsWith(JTBD_INVALID_ARGUMENT, "struct_size"));
  const char* name = nullptr;
  EXPECT_THAT(Result(jtbd_wave_comparison_segment_name(comparison.get(), 0,
                                                       &name, nullptr)),
              FailsWith(JTBD_OUT_OF_RANGE, "segment 0 is out of range"));
  jtbd_buffer* buffer = nullptr;
  EXPECT_THAT(
      Result(jtbd_wave_comparison_render(comparison.get(), 99, &buffer)),
      FailsWith(JTBD_INVALID_ARGUMENT, "unknown format 99"));
  EXPECT_EQ(buffer, nullptr);
  EXPECT_EQ(jtbd_wave_comparison_change_count(nullptr), 0u);
  EXPECT_EQ(jtbd_wave_comparison_segment_count(nullptr), 0u);
  jtbd_wave_comparison_destroy(nullptr);
}

TEST(WavesTest, SmallerStructGetsItsBytesOnly) {
  const Comparison comparison = CompareFiles(nullptr);
  jtbd_outcome_change change;
  std::memset(&change, 0xab, sizeof(change));
  change.struct_size = JTBD_OUTCOME_CHANGE_STRUCT_SIZE;
  ASSERT_THAT(Result(jtbd_wave_comparison_change(comparison.get(), 0, &change)),
              IsOk());
  EXPECT_EQ(change.struct_size, JTBD_OUTCOME_CHANGE_STRUCT_SIZE);
  EXPECT_EQ(std::string(change.outcome_id, change.outcome_id_len), "o01");
}

TEST(WavesTest, OutcomeDescriptionsDescribeEveryGroup) {
  jtbd_read_options* raw = nullptr;
  ASSERT_THAT(Result(jtbd_read_options_create(&raw)), IsOk());
  const ReadOptions read(raw);
  const std::string outcomes = Example("outcomes.csv");
  ASSERT_THAT(Result(jtbd_read_options_set_outcome_descriptions_file(
                  raw, outcomes.data(), outcomes.size())),
              IsOk());
  const ScoreOptions options = Options("segment");
  const std::string first = Example("survey.csv");
  const std::string second = Example("survey_wave2.csv");
  jtbd_wave_comparison* comparison_raw = nullptr;
  ASSERT_THAT(Result(jtbd_compare_survey_files(raw, options.get(), first.data(),
                                               first.size(), second.data(),
                                               second.size(), &comparison_raw)),
              IsOk());
  const Comparison comparison(comparison_raw);
  jtbd_outcome_change change = {};
  change.struct_size = sizeof(change);
  ASSERT_THAT(Result(jtbd_wave_comparison_change(comparison.get(), 0, &change)),
              IsOk());
  const std::string statement(change.statement, change.statement_len);
  EXPECT_THAT(statement, HasSubstr("Minimize"));
  ASSERT_THAT(Result(jtbd_wave_comparison_segment_change(comparison.get(), 0, 0,
                                                         &change)),
              IsOk());
  EXPECT_EQ(std::string(change.statement, change.statement_len), statement);
}

}  // namespace
}  // namespace jtbd_test
