// The header-only C++ API (jtbd.hpp) over libjtbd.so: RAII, moves, errors
// as jtbd::Error, scoring against hand-computed numbers.
#include "jtbd/jtbd.hpp"  // first: the header must stand on its own

// jtbd.hpp promises the standard library and jtbd.h only.
#if defined(ABSL_BASE_CONFIG_H_) || defined(GOOGLE_PROTOBUF_VERSION)
#error "jtbd.hpp pulled in Abseil or protobuf"
#endif

#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr double kTolerance = 1e-12;

static_assert(!std::is_copy_constructible_v<jtbd::Study>);
static_assert(!std::is_copy_assignable_v<jtbd::Study>);
static_assert(std::is_nothrow_move_constructible_v<jtbd::Study>);
static_assert(std::is_nothrow_move_assignable_v<jtbd::Study>);
static_assert(!std::is_copy_constructible_v<jtbd::Aggregate>);
static_assert(std::is_nothrow_move_constructible_v<jtbd::Aggregate>);
static_assert(std::is_copy_constructible_v<jtbd::Report>);
static_assert(std::is_base_of_v<std::runtime_error, jtbd::Error>);
static_assert(static_cast<int32_t>(jtbd::Band::kTableStakes) ==
              JTBD_BAND_TABLE_STAKES);
static_assert(static_cast<int32_t>(jtbd::Format::kProtobuf) ==
              JTBD_FORMAT_PROTOBUF);

// Two outcomes, six respondents in segments A and B (0 = no answer):
//            speed imp/sat   cost imp/sat
//   r1 A        5 / 1           3 / 5
//   r2 A        4 / 2           2 / 4
//   r3 A        5 / 4           0 / 5
//   r4 B        2 / 5           5 / 1
//   r5 B        3 / 0           4 / 2
//   r6 B        4 / 3           5 / 2
// By hand: speed I = 10*4/6, S = 10*2/5 = 4, Opp = 28/3, rank 1;
// cost I = 6, S = 5, Opp = 7, rank 2; segment A speed Opp = 50/3 (extreme),
// segment B cost Opp = 20 (extreme), B speed I = 10/3, S = 5 (overserved).
struct Row {
  const char* id;
  const char* segment;
  uint8_t importance[2];
  uint8_t satisfaction[2];
};
const Row kRows[] = {
    {"r1", "A", {5, 3}, {1, 5}}, {"r2", "A", {4, 2}, {2, 4}},
    {"r3", "A", {5, 0}, {4, 5}}, {"r4", "B", {2, 5}, {5, 1}},
    {"r5", "B", {3, 4}, {0, 2}}, {"r6", "B", {4, 5}, {3, 2}},
};

jtbd::Study MakeSample(size_t begin = 0, size_t end = 6) {
  jtbd::Study study;
  EXPECT_EQ(study.AddOutcome("speed", "Minimize the time to invoice"), 0u);
  EXPECT_EQ(study.AddOutcome("cost"), 1u);
  std::vector<uint32_t> respondents, outcomes;
  std::vector<uint8_t> importance, satisfaction;
  for (size_t r = begin; r < end; ++r) {
    const size_t index = study.AddRespondent(kRows[r].id);
    study.SetAttribute(index, "segment", kRows[r].segment);
    for (uint32_t o = 0; o < 2; ++o) {
      respondents.push_back(static_cast<uint32_t>(index));
      outcomes.push_back(o);
      importance.push_back(kRows[r].importance[o]);
      satisfaction.push_back(kRows[r].satisfaction[o]);
    }
  }
  study.AddAnswers(respondents, outcomes, importance, satisfaction);
  return study;
}

void ExpectSampleScores(const jtbd::Report& report) {
  EXPECT_EQ(report.respondent_count(), 6u);
  ASSERT_EQ(report.outcomes().size(), 2u);
  const jtbd::OutcomeScore& speed = report.outcomes()[0];
  EXPECT_EQ(speed.outcome_id, "speed");
  EXPECT_EQ(speed.statement, "Minimize the time to invoice");
  EXPECT_NEAR(speed.importance, 40.0 / 6, kTolerance);
  EXPECT_NEAR(speed.satisfaction, 4.0, kTolerance);
  EXPECT_NEAR(speed.opportunity, 28.0 / 3, kTolerance);
  EXPECT_EQ(speed.band, jtbd::Band::kAppropriatelyServed);
  EXPECT_EQ(speed.rank, 1u);
  EXPECT_EQ(speed.importance_count, 6u);
  EXPECT_EQ(speed.importance_top_box_count, 4u);
  EXPECT_EQ(speed.satisfaction_count, 5u);
  EXPECT_EQ(speed.satisfaction_top_box_count, 2u);
  EXPECT_EQ(speed.both_count, 5u);
  EXPECT_EQ(speed.both_top_box_count, 1u);
  const jtbd::OutcomeScore& cost = report.outcomes()[1];
  EXPECT_EQ(cost.outcome_id, "cost");
  EXPECT_EQ(cost.statement, "");
  EXPECT_NEAR(cost.opportunity, 7.0, kTolerance);
  EXPECT_EQ(cost.rank, 2u);
}

// Runs `call` and returns the jtbd::Error it throws (fails if none).
template <typename Call>
jtbd::Error ErrorOf(Call&& call) {
  try {
    call();
  } catch (const jtbd::Error& error) {
    return error;
  }
  ADD_FAILURE() << "no jtbd::Error thrown";
  return jtbd::Error(JTBD_OK, "");
}

TEST(CppStudyTest, ScoresTheSample) {
  const jtbd::Study study = MakeSample();
  EXPECT_EQ(study.outcome_count(), 2u);
  EXPECT_EQ(study.respondent_count(), 6u);
  const jtbd::Report report = study.Score();
  ExpectSampleScores(report);
  EXPECT_TRUE(report.segments().empty());
}

TEST(CppStudyTest, BoschWithRawArrays) {
  jtbd::Study study;
  study.AddOutcome("off_track",
                   "Minimize the likelihood that the cut goes off track");
  EXPECT_EQ(study.AddRespondents(270), 0u);
  std::vector<uint32_t> respondents(270), outcomes(270, 0);
  std::vector<uint8_t> importance(270), satisfaction(270);
  for (uint32_t i = 0; i < 270; ++i) {
    respondents[i] = i;
    importance[i] = i < 200 ? 5 : 1;
    satisfaction[i] = i < 75 ? 4 : 3;
  }
  study.AddAnswers(respondents.data(), outcomes.data(), importance.data(),
                   satisfaction.data(), 270);
  const jtbd::OutcomeScore score = study.Score().outcomes().at(0);
  EXPECT_NEAR(score.importance, 2000.0 / 270, kTolerance);
  EXPECT_NEAR(score.satisfaction, 750.0 / 270, kTolerance);
  EXPECT_NEAR(score.opportunity, 3250.0 / 270, kTolerance);  // 12.037
  EXPECT_EQ(score.band, jtbd::Band::kHigh);
  EXPECT_STREQ(jtbd::BandName(score.band), "high");
}

TEST(CppStudyTest, SegmentsAreConvertedToo) {
  const jtbd::Report report = MakeSample().Score({"segment"});
  ExpectSampleScores(report);
  ASSERT_EQ(report.segments().size(), 2u);
  const jtbd::SegmentReport& a = report.segments()[0];
  EXPECT_EQ(a.name, "A");
  EXPECT_EQ(a.respondent_count, 3u);
  ASSERT_EQ(a.outcomes.size(), 2u);
  EXPECT_EQ(a.outcomes[0].outcome_id, "speed");
  EXPECT_NEAR(a.outcomes[0].opportunity, 50.0 / 3, kTolerance);
  EXPECT_EQ(a.outcomes[0].band, jtbd::Band::kExtreme);
  const jtbd::SegmentReport& b = report.segments()[1];
  EXPECT_EQ(b.name, "B");
  EXPECT_EQ(b.outcomes[0].outcome_id, "cost");
  EXPECT_NEAR(b.outcomes[0].opportunity, 20.0, kTolerance);
  EXPECT_EQ(b.outcomes[1].band, jtbd::Band::kOverserved);
  EXPECT_NEAR(b.outcomes[1].importance, 10.0 / 3, kTolerance);
}

TEST(CppStudyTest, ErrorsAreThrownWithCodeAndMessage) {
  jtbd::Study study = MakeSample();
  const jtbd::Error duplicate = ErrorOf([&] { study.AddOutcome("speed"); });
  EXPECT_EQ(duplicate.code(), JTBD_ALREADY_EXISTS);
  EXPECT_STREQ(duplicate.code_name(), "ALREADY_EXISTS");
  EXPECT_THAT(duplicate.message(), HasSubstr("\"speed\""));
  EXPECT_THAT(duplicate.what(), StartsWith("ALREADY_EXISTS: "));

  // A rejected batch names the index and value and changes nothing.
  const uint32_t newcomer = static_cast<uint32_t>(study.AddRespondent("r7"));
  const jtbd::Error off_scale = ErrorOf([&] {
    study.AddAnswers(std::vector<uint32_t>{newcomer, newcomer}, {0, 1}, {3, 7},
                     {3, 3});
  });
  EXPECT_EQ(off_scale.code(), JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(off_scale.message(), HasSubstr("importance[1] = 7"));
  const jtbd::Report after = study.Score();
  EXPECT_EQ(after.respondent_count(), 7u);
  EXPECT_EQ(after.outcomes().at(0).importance_count, 6u);
  EXPECT_NEAR(after.outcomes().at(0).opportunity, 28.0 / 3, kTolerance);

  const jtbd::Error lengths = ErrorOf([&] {
    study.AddAnswers(std::vector<uint32_t>{0, 1}, {0}, {3, 3}, {3, 3});
  });
  EXPECT_EQ(lengths.code(), JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(lengths.message(), HasSubstr("differ in length"));

  const jtbd::Error segment =
      ErrorOf([&] { study.Score(jtbd::ScoreOptions{"region"}); });
  EXPECT_EQ(segment.code(), JTBD_NOT_FOUND);

  const jtbd::Error scale = ErrorOf([&] { study.SetScale(1, 7, 6); });
  EXPECT_EQ(scale.code(), JTBD_FAILED_PRECONDITION);

  // Catchable as std::exception too.
  EXPECT_THROW(study.AddRespondent("r1"), std::runtime_error);
}

TEST(CppStudyTest, MovesTransferOwnership) {
  jtbd::Study original = MakeSample();
  jtbd_study* native = original.native();
  ASSERT_NE(native, nullptr);

  jtbd::Study moved(std::move(original));
  EXPECT_EQ(moved.native(), native);
  EXPECT_EQ(moved.respondent_count(), 6u);
  // The moved-from object is empty: counts 0, calls throw, no crash.
  EXPECT_EQ(original.native(), nullptr);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(original.respondent_count(), 0u);
  const jtbd::Error empty = ErrorOf([&] { original.Score(); });
  EXPECT_EQ(empty.code(), JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(empty.message(), HasSubstr("study is NULL"));

  // Move assignment releases the target's old study and takes the new one.
  jtbd::Study target;
  target.AddOutcome("other");
  target = std::move(moved);
  EXPECT_EQ(target.native(), native);
  ExpectSampleScores(target.Score());

  // A moved-from object can be assigned again.
  original = jtbd::Study();
  EXPECT_EQ(original.AddOutcome("fresh"), 0u);
}

TEST(CppStudyTest, ReportOutlivesStudyAndRenders) {
  jtbd::Report copy;
  {
    const jtbd::Report report = MakeSample().Score({"segment"});
    copy = report;  // shares the native report
  }
  ExpectSampleScores(copy);
  EXPECT_THAT(copy.Render(jtbd::Format::kJson),
              HasSubstr("\"outcomeId\": \"speed\""));
  EXPECT_THAT(copy.Render(jtbd::Format::kTable), HasSubstr("9.3"));
  EXPECT_THAT(copy.Render(jtbd::Format::kCsv), HasSubstr("speed"));
  EXPECT_FALSE(copy.Render(jtbd::Format::kProtobuf).empty());

  const jtbd::Error bad_format =
      ErrorOf([&] { copy.Render(static_cast<jtbd::Format>(42)); });
  EXPECT_EQ(bad_format.code(), JTBD_INVALID_ARGUMENT);
  const jtbd::Error empty =
      ErrorOf([] { jtbd::Report().Render(jtbd::Format::kJson); });
  EXPECT_EQ(empty.code(), JTBD_FAILED_PRECONDITION);
}

TEST(CppStudyTest, SerializeAndParse) {
  const std::string bytes = MakeSample().Serialize();
  const jtbd::Study parsed = jtbd::Study::Parse(bytes);
  ExpectSampleScores(parsed.Score());
  EXPECT_EQ(parsed.Score({"segment"}).segments().size(), 2u);
  EXPECT_EQ(ErrorOf([] { jtbd::Study::Parse("\x0a\x09"); }).code(),
            JTBD_INVALID_ARGUMENT);
}

TEST(CppStudyTest, ReadCsv) {
  const std::string csv =
      "respondent_id,segment,imp_speed,sat_speed,imp_cost,sat_cost\n"
      "r1,A,5,1,3,5\n"
      "r2,A,4,2,2,4\n"
      "r3,A,5,4,,5\n"
      "r4,B,2,5,5,1\n"
      "r5,B,3,,4,2\n"
      "r6,B,4,3,5,2\n";
  const jtbd::Report report = jtbd::Study::ReadCsv(csv, "mem.csv").Score();
  ASSERT_EQ(report.outcomes().size(), 2u);
  EXPECT_NEAR(report.outcomes()[0].opportunity, 28.0 / 3, kTolerance);
  EXPECT_NEAR(report.outcomes()[1].opportunity, 7.0, kTolerance);

  // Ratings of 6 need a wider scale.
  const std::string six = "respondent_id,imp_o,sat_o\na,6,1\nb,2,6\n";
  const jtbd::Error refused = ErrorOf([&] { jtbd::Study::ReadCsv(six, "s"); });
  EXPECT_EQ(refused.code(), JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(refused.message(), HasSubstr("s: line 2, column 2"));
  jtbd::ReadOptions options;
  options.scale = jtbd::Scale{1, 6, 5};
  const jtbd::OutcomeScore score =
      jtbd::Study::ReadCsv(six, "s", options).Score().outcomes().at(0);
  EXPECT_NEAR(score.importance, 5.0, kTolerance);
  EXPECT_NEAR(score.satisfaction, 5.0, kTolerance);

  options.scale->top_box_min = 9;  // off the scale
  EXPECT_EQ(ErrorOf([&] { jtbd::Study::ReadCsv(six, "s", options); }).code(),
            JTBD_INVALID_ARGUMENT);
}

TEST(CppStudyTest, ReadCsvFileWithSegments) {
  const jtbd::Study study = jtbd::Study::ReadCsvFile(
      std::string(JTBD_SOURCE_DIR) + "/examples/survey.csv");
  const jtbd::Report report = study.Score({"segment"});
  EXPECT_EQ(report.respondent_count(), study.respondent_count());
  ASSERT_EQ(report.segments().size(), 2u);
  EXPECT_EQ(report.segments()[0].respondent_count +
                report.segments()[1].respondent_count,
            report.respondent_count());
  for (size_t i = 1; i < report.outcomes().size(); ++i) {
    EXPECT_GE(report.outcomes()[i - 1].opportunity,
              report.outcomes()[i].opportunity);
  }
  const jtbd::Error missing =
      ErrorOf([] { jtbd::Study::ReadCsvFile("/nonexistent.csv"); });
  EXPECT_EQ(missing.code(), JTBD_NOT_FOUND);
  EXPECT_THAT(missing.message(), HasSubstr("/nonexistent.csv"));
}

TEST(CppStudyTest, ReadsSurveyExportsWithOptions) {
  const std::string formats = std::string(JTBD_TEST_DATA_DIR) + "/io/formats/";
  // Qualtrics, detected: o1 importance 5,4,5,1 -> 3 of 4 top box.
  const jtbd::Report qualtrics =
      jtbd::Study::ReadCsvFile(formats + "qualtrics.csv").Score();
  ASSERT_EQ(qualtrics.outcomes().size(), 3u);
  EXPECT_EQ(qualtrics.outcomes()[0].outcome_id, "o1");
  EXPECT_EQ(qualtrics.outcomes()[0].statement,
            "Minimize the time it takes to find a cut line");
  EXPECT_NEAR(qualtrics.outcomes()[0].importance, 7.5, kTolerance);

  // Named questions, labels and a forced format from options.
  const std::string csv =
      "StartDate,ResponseId,Q2_1,Q3_1\n"
      "Start Date,Response ID,Rate A - x,Rate B - x\n"
      "2024-01-01,R_1,Critical,2\n"
      "2024-01-01,R_2,Nice to have,5\n";
  jtbd::ReadOptions options;
  options.input_format = jtbd::InputFormat::kQualtrics;
  options.importance_questions = {"Q2"};
  options.satisfaction_questions = {"Q3", "Q9"};
  options.labels = "label,rating\nCritical,5\nNice to have,2\n";
  const jtbd::Error no_q9 =
      ErrorOf([&] { jtbd::Study::ReadCsv(csv, "q.csv", options); });
  EXPECT_THAT(no_q9.message(), HasSubstr("no question \"Q9\""));
  options.satisfaction_questions = {"Q3"};
  const jtbd::OutcomeScore named =
      jtbd::Study::ReadCsv(csv, "q.csv", options).Score().outcomes().at(0);
  EXPECT_NEAR(named.importance, 5.0, kTolerance);    // Critical = 5
  EXPECT_NEAR(named.satisfaction, 5.0, kTolerance);  // 5 of 2, 5

  // A survey map from a file, with weights.
  jtbd::ReadOptions mapped;
  mapped.survey_map_file = formats + "crm_map.json";
  const jtbd::Study crm =
      jtbd::Study::ReadCsvFile(formats + "crm_export.csv", mapped);
  EXPECT_EQ(crm.respondent_count(), 4u);
  EXPECT_NEAR(crm.Score().outcomes().at(1).importance, 60.0 / 6.5, 1e-9);

  // Straight into an aggregate: the same tables as the study's.
  const jtbd::Aggregate streamed =
      jtbd::Aggregate::ReadCsvFile(formats + "crm_export.csv", mapped);
  EXPECT_EQ(streamed.Serialize(), crm.ToAggregate().Serialize());
  EXPECT_EQ(jtbd::Aggregate::ReadCsv("id,imp_a,sat_a\nr1,5,1\n", "m")
                .respondent_count(),
            1u);

  jtbd::ReadOptions bad;
  bad.survey_map = "{\"outcome\": 1}";
  EXPECT_THAT(
      ErrorOf([&] { jtbd::Study::ReadCsv(csv, "q.csv", bad); }).message(),
      HasSubstr("survey map: not a survey map"));
}

TEST(CppStudyTest, DescribeOutcomesCsv) {
  jtbd::Study study = MakeSample();
  // "speed" already has a statement; a blank one leaves it.
  study.DescribeOutcomesCsv(
      "id,statement,job_step\n"
      "cost,\"Minimize the cost, per invoice\",send\n"
      "speed,,invoice\n",
      "d.csv");
  const jtbd::Report report = study.Score();
  ASSERT_EQ(report.outcomes().size(), 2u);
  EXPECT_EQ(report.outcomes()[0].outcome_id, "speed");
  EXPECT_EQ(report.outcomes()[0].statement, "Minimize the time to invoice");
  EXPECT_NEAR(report.outcomes()[0].opportunity, 28.0 / 3, kTolerance);
  EXPECT_EQ(report.outcomes()[1].outcome_id, "cost");
  EXPECT_EQ(report.outcomes()[1].statement, "Minimize the cost, per invoice");
  EXPECT_NEAR(report.outcomes()[1].opportunity, 7.0, kTolerance);
  EXPECT_THAT(report.Render(jtbd::Format::kCsv),
              HasSubstr("cost,\"Minimize the cost, per invoice\","));

  // Refused whole: line 2 would have applied, line 3 is an unknown outcome.
  const jtbd::Error unknown = ErrorOf([&] {
    study.DescribeOutcomesCsv("id,statement\nspeed,changed\nprice,new\n",
                              "d.csv");
  });
  EXPECT_EQ(unknown.code(), JTBD_INVALID_ARGUMENT);
  EXPECT_EQ(unknown.message(),
            "d.csv: line 3, column 1 (\"id\"): outcome \"price\" is not in the "
            "survey (outcomes: speed, cost)");
  EXPECT_EQ(study.Score().outcomes()[0].statement,
            "Minimize the time to invoice");
}

TEST(CppStudyTest, DescribeOutcomesCsvFile) {
  jtbd::Study study = jtbd::Study::ReadCsvFile(std::string(JTBD_SOURCE_DIR) +
                                               "/examples/survey.csv");
  study.DescribeOutcomesCsvFile(std::string(JTBD_SOURCE_DIR) +
                                "/examples/outcomes.csv");
  const jtbd::Report report = study.Score();
  ASSERT_EQ(report.outcomes().size(), 24u);
  for (const jtbd::OutcomeScore& score : report.outcomes()) {
    EXPECT_THAT(score.statement, StartsWith("M")) << score.outcome_id;
  }
  const jtbd::Error missing =
      ErrorOf([&] { study.DescribeOutcomesCsvFile("/nonexistent.csv"); });
  EXPECT_EQ(missing.code(), JTBD_NOT_FOUND);
  EXPECT_THAT(missing.message(), HasSubstr("/nonexistent.csv"));
  // A moved-from study refuses rather than crashes.
  jtbd::Study moved = std::move(study);
  const jtbd::Error empty = ErrorOf([&] {
    study.DescribeOutcomesCsv(
        "id,statement\n");  // NOLINT(bugprone-use-after-move)
  });
  EXPECT_EQ(empty.code(), JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(empty.message(), HasSubstr("study is NULL"));
}

std::vector<uint64_t> AllCells(const jtbd::Aggregate& aggregate) {
  std::vector<uint64_t> cells;
  for (size_t o = 0; o < aggregate.outcome_count(); ++o) {
    for (int i = 0; i <= 5; ++i) {
      for (int s = 0; s <= 5; ++s) cells.push_back(aggregate.Cell(o, i, s));
    }
  }
  return cells;
}

TEST(CppAggregateTest, MergeOfHalvesEqualsWhole) {
  jtbd::Aggregate merged = MakeSample(0, 3).ToAggregate();
  const jtbd::Aggregate second = MakeSample(3, 6).ToAggregate();
  const jtbd::Aggregate whole = MakeSample().ToAggregate();
  merged.Merge(second);
  EXPECT_EQ(merged.respondent_count(), 6u);
  EXPECT_EQ(AllCells(merged), AllCells(whole));
  const jtbd::Report report = merged.Score();
  ASSERT_EQ(report.outcomes().size(), 2u);
  EXPECT_NEAR(report.outcomes()[0].opportunity, 28.0 / 3, kTolerance);
  EXPECT_EQ(report.outcomes()[0].statement, "Minimize the time to invoice");
}

TEST(CppAggregateTest, BuiltByHandSerializedAndParsed) {
  jtbd::Aggregate aggregate;
  aggregate.AddOutcome("speed", "Minimize the time to invoice");
  aggregate.AddOutcome("cost");
  EXPECT_EQ(aggregate.outcome_count(), 2u);
  std::vector<uint8_t> importance, satisfaction;
  for (const Row& row : kRows) {
    importance.insert(importance.end(), row.importance, row.importance + 2);
    satisfaction.insert(satisfaction.end(), row.satisfaction,
                        row.satisfaction + 2);
  }
  aggregate.AddRespondents(6, importance, satisfaction);
  EXPECT_EQ(AllCells(aggregate), AllCells(MakeSample().ToAggregate()));
  EXPECT_EQ(aggregate.Cell(0, 3, 0), 1u);  // r5's speed

  const jtbd::Aggregate parsed = jtbd::Aggregate::Parse(aggregate.Serialize());
  EXPECT_EQ(AllCells(parsed), AllCells(aggregate));
  EXPECT_EQ(parsed.respondent_count(), 6u);

  const jtbd::Error mismatch =
      ErrorOf([&] { aggregate.AddRespondents(2, importance, satisfaction); });
  EXPECT_EQ(mismatch.code(), JTBD_INVALID_ARGUMENT);
  EXPECT_THAT(mismatch.message(), HasSubstr("expected 4 ratings"));
  EXPECT_EQ(ErrorOf([&] { aggregate.AddOutcome("late"); }).code(),
            JTBD_FAILED_PRECONDITION);
  EXPECT_EQ(ErrorOf([&] { aggregate.Cell(0, 9, 1); }).code(),
            JTBD_OUT_OF_RANGE);

  jtbd::Aggregate other;
  other.SetScale(1, 7, 6);
  other.AddOutcome("speed");
  other.AddOutcome("cost");
  EXPECT_EQ(ErrorOf([&] { aggregate.Merge(other); }).code(),
            JTBD_FAILED_PRECONDITION);
  EXPECT_EQ(aggregate.respondent_count(), 6u);

  jtbd::Aggregate moved = std::move(other);
  EXPECT_EQ(moved.outcome_count(), 2u);
  EXPECT_EQ(other.native(), nullptr);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(other.outcome_count(), 0u);
  EXPECT_EQ(ErrorOf([&] { other.Serialize(); }).code(), JTBD_INVALID_ARGUMENT);
}

// Key and length of a protobuf length-delimited field; the bytes follow.
std::string FieldHeader(int field, size_t length) {
  std::string out(1, static_cast<char>(field << 3 | 2));
  while (length >= 0x80) {
    out.push_back(static_cast<char>(length | 0x80));
    length >>= 7;
  }
  out.push_back(static_cast<char>(length));
  return out;
}

TEST(CppScoreRequestTest, BinaryAndJson) {
  // ScoreRequest { study = 1; options = 2 { segment_by = 1 } }.
  const std::string study = MakeSample().Serialize();
  const std::string request = FieldHeader(1, study.size()) + study +
                              FieldHeader(2, 9) + FieldHeader(1, 7) + "segment";
  const std::string report = jtbd::ScoreRequest(request);
  EXPECT_EQ(report,
            MakeSample().Score({"segment"}).Render(jtbd::Format::kProtobuf));

  const std::string json = jtbd::ScoreRequestJson(R"({"study": {
      "outcomes": [{"id": "o"}],
      "respondents": [
        {"answers": [{"outcomeId": "o", "importance": 5, "satisfaction": 5}]},
        {"answers": [{"outcomeId": "o", "importance": 4, "satisfaction": 4}]},
        {"answers": [{"outcomeId": "o", "importance": 4, "satisfaction": 5}]},
        {"answers": [{"outcomeId": "o", "importance": 5, "satisfaction": 3}]}
      ]}})");
  // I = 10, S = 7.5: Opp = 12.5, high.
  EXPECT_THAT(json, HasSubstr("\"opportunity\": 12.5"));
  EXPECT_THAT(json, HasSubstr("BAND_HIGH"));

  EXPECT_EQ(ErrorOf([] { jtbd::ScoreRequestJson("{"); }).code(),
            JTBD_INVALID_ARGUMENT);
  EXPECT_EQ(ErrorOf([] { jtbd::ScoreRequest("\xff"); }).code(),
            JTBD_INVALID_ARGUMENT);
}

TEST(CppApiTest, VersionAndBandNames) {
  EXPECT_EQ(jtbd::version_number(), static_cast<uint32_t>(JTBD_VERSION_NUMBER));
  EXPECT_EQ(std::string(jtbd::version()),
            std::to_string(JTBD_VERSION_MAJOR) + "." +
                std::to_string(JTBD_VERSION_MINOR) + "." +
                std::to_string(JTBD_VERSION_PATCH));
  EXPECT_STREQ(jtbd::BandName(jtbd::Band::kExtreme), "extreme");
  EXPECT_STREQ(jtbd::BandName(jtbd::Band::kAppropriatelyServed),
               "appropriately_served");
  EXPECT_STREQ(jtbd::BandName(jtbd::Band::kInsufficientData),
               "insufficient_data");
  EXPECT_STREQ(jtbd::BandName(static_cast<jtbd::Band>(99)), "unspecified");
}

TEST(CppApiTest, ErrorCarriesItsParts) {
  const jtbd::Error error(JTBD_DATA_LOSS, "gone");
  EXPECT_EQ(error.code(), JTBD_DATA_LOSS);
  EXPECT_EQ(error.message(), "gone");
  EXPECT_STREQ(error.what(), "DATA_LOSS: gone");
  const jtbd::Error unknown(1234, "odd");
  EXPECT_STREQ(unknown.what(), "UNKNOWN_CODE: odd");
}

}  // namespace
