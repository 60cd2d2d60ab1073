// jtbd_report: reading scores (struct_size rules), segments, rendering.
#include <cstddef>
#include <cstring>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;

constexpr unsigned char kSentinel = 0xAB;

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    study_ = MakeSampleStudy();
    jtbd_score_options* options = nullptr;
    ASSERT_THAT(Result(jtbd_score_options_create(&options)), IsOk());
    ScoreOptions owned(options);
    ASSERT_THAT(
        Result(jtbd_score_options_set_segment_by(options, "segment", 7)),
        IsOk());
    jtbd_report* report = nullptr;
    ASSERT_THAT(Result(jtbd_study_score(study_.get(), options, &report)),
                IsOk());
    report_.reset(report);
  }

  std::string Render(int32_t format) {
    jtbd_buffer* raw = nullptr;
    EXPECT_THAT(Result(jtbd_report_render(report_.get(), format, &raw)),
                IsOk());
    Buffer buffer(raw);
    return raw == nullptr ? "" : BufferBytes(raw);
  }

  Study study_;
  Report report_;
};

// A caller compiled against a newer header whose struct grew by 16 bytes.
struct GrownScore {
  jtbd_outcome_score known;
  unsigned char future_fields[16];
};

TEST_F(ReportTest, FullStructIsFilled) {
  jtbd_outcome_score score;
  std::memset(&score, kSentinel, sizeof(score));
  score.struct_size = sizeof(score);
  ASSERT_THAT(Result(jtbd_report_outcome(report_.get(), 0, &score)), IsOk());
  EXPECT_EQ(score.struct_size, sizeof(score));
  EXPECT_EQ(std::string(score.outcome_id, score.outcome_id_len), "speed");
  EXPECT_EQ(std::string(score.statement, score.statement_len),
            kSampleStatements[0]);
  EXPECT_EQ(score.statement[score.statement_len], '\0');
  EXPECT_NEAR(score.opportunity, 28.0 / 3, 1e-12);
  EXPECT_EQ(score.rank, 1u);
  EXPECT_EQ(score.both_top_box_count, 1u);  // the last field
}

// Convention 8: JTBD_OUTCOME_SCORE_STRUCT_SIZE is the smallest struct_size
// accepted; anything below is refused and the struct left as it was.
TEST_F(ReportTest, StructBelowItsSizeConstantIsRefusedUntouched) {
  jtbd_outcome_score at;
  std::memset(&at, kSentinel, sizeof(at));
  at.struct_size = JTBD_OUTCOME_SCORE_STRUCT_SIZE;
  ASSERT_THAT(Result(jtbd_report_outcome(report_.get(), 1, &at)), IsOk());
  EXPECT_EQ(at.struct_size, JTBD_OUTCOME_SCORE_STRUCT_SIZE);
  EXPECT_EQ(std::string(at.outcome_id, at.outcome_id_len), "cost");
  EXPECT_NEAR(at.opportunity, 7.0, 1e-12);

  for (size_t size : {size_t{0}, size_t{1}, sizeof(size_t),
                      offsetof(jtbd_outcome_score, statement),
                      size_t{JTBD_OUTCOME_SCORE_STRUCT_SIZE - 1}}) {
    jtbd_outcome_score before;
    std::memset(&before, kSentinel, sizeof(before));
    before.struct_size = size;
    jtbd_outcome_score after = before;
    EXPECT_THAT(Result(jtbd_report_outcome(report_.get(), 0, &after)),
                FailsWith(JTBD_INVALID_ARGUMENT,
                          "out->struct_size is " + std::to_string(size) +
                              "; set it to sizeof(jtbd_outcome_score) (" +
                              std::to_string(sizeof(jtbd_outcome_score)) +
                              "), at least JTBD_OUTCOME_SCORE_STRUCT_SIZE"))
        << size;
    EXPECT_EQ(std::memcmp(&before, &after, sizeof(before)), 0) << size;
    EXPECT_THAT(
        Result(jtbd_report_segment_outcome(report_.get(), 0, 0, &after)),
        FailsWith(JTBD_INVALID_ARGUMENT, "struct_size"));
  }
}

TEST_F(ReportTest, LargerStructKeepsFieldsThisLibraryDoesNotKnow) {
  GrownScore grown;
  std::memset(&grown, kSentinel, sizeof(grown));
  grown.known.struct_size = sizeof(grown);
  ASSERT_THAT(
      Result(jtbd_report_segment_outcome(report_.get(), 1, 0, &grown.known)),
      IsOk());
  EXPECT_EQ(grown.known.struct_size, sizeof(grown));
  EXPECT_EQ(std::string(grown.known.outcome_id), "cost");
  EXPECT_NEAR(grown.known.opportunity, 20.0, 1e-12);
  for (unsigned char byte : grown.future_fields) EXPECT_EQ(byte, kSentinel);
}

TEST_F(ReportTest, IndicesOutOfRange) {
  jtbd_outcome_score score = EmptyScore();
  EXPECT_THAT(Result(jtbd_report_outcome(report_.get(), 2, &score)),
              FailsWith(JTBD_OUT_OF_RANGE, "index 2 is out of range"));
  EXPECT_THAT(Result(jtbd_report_segment_outcome(report_.get(), 2, 0, &score)),
              FailsWith(JTBD_OUT_OF_RANGE, "segment 2"));
  EXPECT_THAT(Result(jtbd_report_segment_outcome(report_.get(), 0, 2, &score)),
              FailsWith(JTBD_OUT_OF_RANGE, "index 2"));
  const char* name = "unchanged";
  uint64_t count = 77;
  EXPECT_THAT(
      Result(jtbd_report_segment_name(report_.get(), 2, &name, nullptr)),
      FailsWith(JTBD_OUT_OF_RANGE, "segment 2"));
  EXPECT_STREQ(name, "unchanged");
  EXPECT_THAT(Result(jtbd_report_segment_respondent_count(report_.get(),
                                                          SIZE_MAX, &count)),
              FailsWith(JTBD_OUT_OF_RANGE, "segment"));
  EXPECT_EQ(count, 77u);
  EXPECT_EQ(score.rank, 0u);  // untouched (EmptyScore)
}

TEST_F(ReportTest, EveryFunctionRefusesNullArguments) {
  jtbd_outcome_score score = EmptyScore();
  const char* name = nullptr;
  size_t length = 0;
  uint64_t count = 0;
  jtbd_buffer* buffer = nullptr;
  EXPECT_THAT(Result(jtbd_report_outcome(nullptr, 0, &score)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_THAT(Result(jtbd_report_outcome(report_.get(), 0, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_report_segment_name(nullptr, 0, &name, &length)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_THAT(
      Result(jtbd_report_segment_name(report_.get(), 0, nullptr, &length)),
      FailsWith(JTBD_INVALID_ARGUMENT, "name is NULL"));
  EXPECT_THAT(Result(jtbd_report_segment_respondent_count(nullptr, 0, &count)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_THAT(
      Result(jtbd_report_segment_respondent_count(report_.get(), 0, nullptr)),
      FailsWith(JTBD_INVALID_ARGUMENT, "count is NULL"));
  EXPECT_THAT(Result(jtbd_report_segment_outcome(nullptr, 0, 0, &score)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_THAT(Result(jtbd_report_segment_outcome(report_.get(), 0, 0, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_report_render(nullptr, JTBD_FORMAT_JSON, &buffer)),
              FailsWith(JTBD_INVALID_ARGUMENT, "report is NULL"));
  EXPECT_THAT(
      Result(jtbd_report_render(report_.get(), JTBD_FORMAT_JSON, nullptr)),
      FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_EQ(buffer, nullptr);
  EXPECT_EQ(jtbd_report_respondent_count(nullptr), 0u);
  EXPECT_EQ(jtbd_report_outcome_count(nullptr), 0u);
  EXPECT_EQ(jtbd_report_segment_count(nullptr), 0u);
  jtbd_report_destroy(nullptr);
}

TEST_F(ReportTest, ReportOutlivesItsStudy) {
  study_.reset();
  jtbd_outcome_score score = EmptyScore();
  ASSERT_THAT(Result(jtbd_report_outcome(report_.get(), 0, &score)), IsOk());
  EXPECT_STREQ(score.outcome_id, "speed");
}

TEST_F(ReportTest, RendersEachFormat) {
  const std::string table = Render(JTBD_FORMAT_TABLE);
  EXPECT_THAT(table, HasSubstr("speed"));
  EXPECT_THAT(table, HasSubstr("9.3"));  // 28/3 to one decimal

  const std::string json = Render(JTBD_FORMAT_JSON);
  EXPECT_THAT(json, HasSubstr("\"outcomeId\""));
  EXPECT_THAT(json, HasSubstr("\"segments\""));
  EXPECT_THAT(json, HasSubstr("9.33333"));  // unrounded

  const std::string csv = Render(JTBD_FORMAT_CSV);
  EXPECT_THAT(csv, HasSubstr("speed"));
  EXPECT_THAT(csv, HasSubstr("9.33333"));

  // Serialized jtbd.v1.Report: outcomes = 1, segments = 2,
  // respondent_count = 3; OutcomeScore.outcome_id = 1, opportunity = 5.
  const WireMessage report = WireMessage::Parse(Render(JTBD_FORMAT_PROTOBUF));
  EXPECT_EQ(report.Number(3), 6u);
  const std::vector<WireMessage> outcomes = report.Messages(1);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].String(1), "speed");
  EXPECT_NEAR(outcomes[0].Double(5), 28.0 / 3, 1e-12);
  EXPECT_EQ(report.Messages(2).size(), 2u);

  for (int32_t bad : {int32_t{JTBD_FORMAT_UNSPECIFIED}, 5, -1}) {
    jtbd_buffer* raw = nullptr;
    EXPECT_THAT(Result(jtbd_report_render(report_.get(), bad, &raw)),
                FailsWith(JTBD_INVALID_ARGUMENT, "unknown format"));
    EXPECT_EQ(raw, nullptr);
  }
}

}  // namespace
}  // namespace jtbd_test
