// Switching forces through the C ABI (jtbd_interviews_*, jtbd_forces_*,
// jtbd_propensity_model_*): figures checked against a hand computation on
// four interviews, files and bytes agreeing, the model's predictions
// against its own coefficients, save/load and bytes round trips, and every
// refusal naming what it refuses (a C argument, or file, line and column)
// with the out-parameter untouched.
#include <cmath>
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

struct InterviewsDestroy {
  void operator()(jtbd_interviews* i) const { jtbd_interviews_destroy(i); }
};
struct ForcesOptionsDestroy {
  void operator()(jtbd_forces_options* o) const {
    jtbd_forces_options_destroy(o);
  }
};
struct ForcesReportDestroy {
  void operator()(jtbd_forces_report* r) const {
    jtbd_forces_report_destroy(r);
  }
};
struct ModelDestroy {
  void operator()(jtbd_propensity_model* m) const {
    jtbd_propensity_model_destroy(m);
  }
};
using Interviews = std::unique_ptr<jtbd_interviews, InterviewsDestroy>;
using ForcesOptions =
    std::unique_ptr<jtbd_forces_options, ForcesOptionsDestroy>;
using ForcesReport = std::unique_ptr<jtbd_forces_report, ForcesReportDestroy>;
using Model = std::unique_ptr<jtbd_propensity_model, ModelDestroy>;

// Four interviews whose figures are worked out by hand below. C mentions
// pull twice: its intensity is the strongest, 5.
constexpr char kFour[] =
    "interview,force,intensity,switched\n"
    "A,push,4,yes\n"
    "A,pull,3,yes\n"
    "A,anxiety,2,yes\n"
    "B,push,2,no\n"
    "B,habit,5,no\n"
    "C,pull,5,yes\n"
    "C,pull,2,yes\n"
    "D,anxiety,4,no\n"
    "D,push,1,no\n";

constexpr double kZ95 = 1.959963984540054;

ReadOptions NewReadOptions() {
  jtbd_read_options* raw = nullptr;
  EXPECT_THAT(Result(jtbd_read_options_create(&raw)), IsOk());
  return ReadOptions(raw);
}

std::string Example(const char* name) {
  return std::string(JTBD_SOURCE_DIR) + "/examples/" + name;
}

Interviews ReadCsv(const std::string& csv, uint32_t flags = 0) {
  jtbd_interviews* raw = nullptr;
  EXPECT_THAT(Result(jtbd_interviews_read_csv(nullptr, flags, csv.data(),
                                              csv.size(), "four.csv", 8, &raw)),
              IsOk());
  return Interviews(raw);
}

ForcesReport Analyze(const jtbd_interviews* interviews,
                     const jtbd_forces_options* options = nullptr) {
  jtbd_forces_report* raw = nullptr;
  EXPECT_THAT(Result(jtbd_forces_analyze(interviews, options, &raw)), IsOk());
  return ForcesReport(raw);
}

std::string Render(const jtbd_forces_report* report, int32_t format) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_forces_report_render(report, format, &raw)), IsOk());
  Buffer buffer(raw);
  return BufferBytes(raw);
}

Model ModelOf(const jtbd_forces_report* report) {
  jtbd_propensity_model* raw = nullptr;
  EXPECT_THAT(Result(jtbd_forces_report_create_model(report, &raw)), IsOk());
  return Model(raw);
}

jtbd_force_summary Force(const jtbd_forces_report* report, size_t index) {
  jtbd_force_summary summary = {};
  summary.struct_size = sizeof(summary);
  EXPECT_THAT(Result(jtbd_forces_report_force(report, index, &summary)),
              IsOk());
  return summary;
}

jtbd_forces_report_info Info(const jtbd_forces_report* report) {
  jtbd_forces_report_info info = {};
  info.struct_size = sizeof(info);
  EXPECT_THAT(Result(jtbd_forces_report_get_info(report, &info)), IsOk());
  return info;
}

// Wilson's score interval, written out independently of src/stats.
void ExpectWilson(const jtbd_interval& interval, double successes, double n) {
  const double p = successes / n;
  const double z2 = kZ95 * kZ95;
  const double center = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half =
      kZ95 / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  EXPECT_NEAR(interval.low, std::max(0.0, center - half), 1e-12);
  EXPECT_NEAR(interval.high, std::min(1.0, center + half), 1e-12);
}

TEST(ForcesCapiTest, FourInterviewsMatchTheHandComputation) {
  const Interviews interviews = ReadCsv(kFour);
  ASSERT_EQ(jtbd_interviews_count(interviews.get()), 4u);
  jtbd_interview_info c = {};
  c.struct_size = sizeof(c);
  ASSERT_THAT(Result(jtbd_interviews_get(interviews.get(), 2, &c)), IsOk());
  EXPECT_EQ(std::string(c.id, c.id_len), "C");
  EXPECT_EQ(c.outcome, JTBD_SWITCH_OUTCOME_SWITCHED);
  EXPECT_EQ(c.pull, 5u);
  EXPECT_EQ(c.push + c.anxiety + c.habit, 0u);
  EXPECT_EQ(c.balance, 5);
  EXPECT_EQ(c.observation_count, 2u);

  const ForcesReport report = Analyze(interviews.get());
  const jtbd_forces_report_info info = Info(report.get());
  EXPECT_EQ(info.interview_count, 4u);
  EXPECT_EQ(info.observation_count, 9u);
  EXPECT_EQ(info.switched_count, 2u);
  EXPECT_EQ(info.stayed_count, 2u);
  // Balances A 5, B -3, C 5, D -3.
  EXPECT_DOUBLE_EQ(info.mean_balance, 1.0);
  EXPECT_DOUBLE_EQ(info.switcher_mean_balance, 5.0);
  EXPECT_DOUBLE_EQ(info.stayer_mean_balance, -3.0);
  EXPECT_EQ(info.positive_switched_count, 2u);
  EXPECT_EQ(info.positive_stayed_count, 0u);
  EXPECT_EQ(info.non_positive_switched_count, 0u);
  EXPECT_EQ(info.non_positive_stayed_count, 2u);
  EXPECT_DOUBLE_EQ(info.agreement, 1.0);
  ExpectWilson(info.agreement_interval, 4, 4);

  // push: A 4, B 2, D 1; pull: A 3, C 5; anxiety: A 2, D 4; habit: B 5.
  const double mentions[] = {3, 2, 2, 1};
  const double means[] = {7.0 / 3, 4, 3, 5};
  const char* names[] = {"push", "pull", "anxiety", "habit"};
  for (size_t f = 0; f < 4; ++f) {
    const jtbd_force_summary summary = Force(report.get(), f);
    EXPECT_EQ(summary.force, static_cast<int32_t>(f + 1));
    EXPECT_EQ(std::string(summary.name, summary.name_len), names[f]);
    EXPECT_EQ(summary.interview_count, 4u);
    EXPECT_EQ(summary.mention_count, mentions[f]);
    EXPECT_DOUBLE_EQ(summary.prevalence, mentions[f] / 4);
    ExpectWilson(summary.prevalence_interval, mentions[f], 4);
    EXPECT_NEAR(summary.mean_intensity, means[f], 1e-12);
    EXPECT_EQ(summary.has_mean_intensity_interval, mentions[f] >= 2 ? 1u : 0u);
  }
  // push's t interval: mean 7/3, s = sqrt(7/3), t(2; 0.975)
  // = 4.302652729911275, cut to the 1-5 scale.
  const jtbd_force_summary push = Force(report.get(), 0);
  const double half = 4.302652729911275 * std::sqrt(7.0 / 3) / std::sqrt(3.0);
  EXPECT_NEAR(push.mean_intensity_interval.low, std::max(1.0, 7.0 / 3 - half),
              1e-9);
  EXPECT_NEAR(push.mean_intensity_interval.high, std::min(5.0, 7.0 / 3 + half),
              1e-9);

  EXPECT_EQ(info.has_model, 1u);
  EXPECT_EQ(info.folds, 2u);  // two of each outcome: at most two folds
  EXPECT_GT(info.push.estimate, 0);
  EXPECT_LT(info.habit.estimate, 0);
  EXPECT_LE(info.push.interval.low, info.push.estimate);
  EXPECT_GE(info.push.interval.high, info.push.estimate);
}

TEST(ForcesCapiTest, FileAndBytesGiveTheSameReport) {
  const std::string path = Example("interviews.csv");
  jtbd_interviews* raw = nullptr;
  ASSERT_THAT(Result(jtbd_interviews_read_file(nullptr, 0, path.data(),
                                               path.size(), &raw)),
              IsOk());
  const Interviews from_file(raw);
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  const Interviews from_bytes = ReadCsv(text.str());
  const ForcesReport a = Analyze(from_file.get());
  const ForcesReport b = Analyze(from_bytes.get());
  for (int32_t format : {JTBD_FORMAT_JSON, JTBD_FORMAT_CSV, JTBD_FORMAT_TABLE,
                         JTBD_FORMAT_PROTOBUF}) {
    EXPECT_EQ(Render(a.get(), format), Render(b.get(), format)) << format;
  }
  const std::string json = Render(a.get(), JTBD_FORMAT_JSON);
  EXPECT_THAT(json, HasSubstr("\"coefficients\""));

  // The interviews as protobuf bytes read back the same.
  jtbd_buffer* serialized = nullptr;
  ASSERT_THAT(Result(jtbd_interviews_serialize(from_file.get(), &serialized)),
              IsOk());
  Buffer bytes(serialized);
  jtbd_interviews* parsed = nullptr;
  ASSERT_THAT(
      Result(jtbd_interviews_parse(0, jtbd_buffer_data(serialized),
                                   jtbd_buffer_size(serialized), &parsed)),
      IsOk());
  const Interviews again(parsed);
  EXPECT_EQ(Render(Analyze(again.get()).get(), JTBD_FORMAT_JSON), json);

  // Segments: every interview with a segment value is in exactly one.
  const jtbd_forces_report_info info = Info(a.get());
  EXPECT_EQ(std::string(info.segment_by, info.segment_by_len), "segment");
  const size_t segments = jtbd_forces_report_segment_count(a.get());
  ASSERT_GT(segments, 1u);
  uint64_t total = 0;
  for (size_t s = 0; s < segments; ++s) {
    const char* value = nullptr;
    size_t value_len = 0;
    uint64_t interviews = 0, switched = 0;
    ASSERT_THAT(Result(jtbd_forces_report_segment(
                    a.get(), s, &value, &value_len, &interviews, &switched)),
                IsOk());
    EXPECT_LE(switched, interviews);
    total += interviews;
    jtbd_force_summary summary = {};
    summary.struct_size = sizeof(summary);
    ASSERT_THAT(
        Result(jtbd_forces_report_segment_force(a.get(), s, 3, &summary)),
        IsOk());
    EXPECT_EQ(summary.interview_count, interviews);
  }
  EXPECT_LE(total, info.interview_count);
}

TEST(ForcesCapiTest, PredictionIsTheModelsArithmetic) {
  const std::string path = Example("interviews.csv");
  jtbd_interviews* raw = nullptr;
  ASSERT_THAT(Result(jtbd_interviews_read_file(nullptr, 0, path.data(),
                                               path.size(), &raw)),
              IsOk());
  const Interviews interviews(raw);
  const ForcesReport report = Analyze(interviews.get());
  const Model model = ModelOf(report.get());
  jtbd_propensity_model_info info = {};
  info.struct_size = sizeof(info);
  ASSERT_THAT(Result(jtbd_propensity_model_get_info(model.get(), &info)),
              IsOk());
  // The report's coefficients are the model's.
  const jtbd_forces_report_info report_info = Info(report.get());
  EXPECT_EQ(report_info.push.estimate, info.push.estimate);
  EXPECT_EQ(report_info.habit.interval.high, info.habit.interval.high);

  jtbd_force_prediction p = {};
  p.struct_size = sizeof(p);
  ASSERT_THAT(Result(jtbd_propensity_model_predict(model.get(), 4, 3, 2, 1,
                                                   nullptr, 0, &p)),
              IsOk());
  const double log_odds = info.intercept.estimate + 4 * info.push.estimate +
                          3 * info.pull.estimate + 2 * info.anxiety.estimate +
                          1 * info.habit.estimate;
  EXPECT_NEAR(p.log_odds, log_odds, 1e-12);
  EXPECT_NEAR(p.probability, 1 / (1 + std::exp(-log_odds)), 1e-15);
  EXPECT_DOUBLE_EQ(p.anxiety, 2 * info.anxiety.estimate);
  EXPECT_EQ(p.segment, 0.0);

  // Each interview scored by index equals the call with its intensities.
  for (size_t i = 0; i < jtbd_interviews_count(interviews.get()); ++i) {
    jtbd_interview_info c = {};
    c.struct_size = sizeof(c);
    ASSERT_THAT(Result(jtbd_interviews_get(interviews.get(), i, &c)), IsOk());
    jtbd_force_prediction by_index = {}, by_values = {};
    by_index.struct_size = by_values.struct_size = sizeof(by_index);
    ASSERT_THAT(Result(jtbd_propensity_model_predict_interview(
                    model.get(), interviews.get(), i, &by_index)),
                IsOk());
    ASSERT_THAT(Result(jtbd_propensity_model_predict(model.get(), c.push,
                                                     c.pull, c.anxiety, c.habit,
                                                     nullptr, 0, &by_values)),
                IsOk());
    EXPECT_EQ(by_index.probability, by_values.probability) << i;
  }
}

TEST(ForcesCapiTest, ModelRoundTripsThroughBytesAndFiles) {
  const Interviews interviews = ReadCsv(kFour);
  const ForcesReport report = Analyze(interviews.get());
  const Model model = ModelOf(report.get());
  jtbd_buffer* raw_bytes = nullptr;
  ASSERT_THAT(Result(jtbd_propensity_model_serialize(model.get(), &raw_bytes)),
              IsOk());
  Buffer bytes(raw_bytes);
  jtbd_propensity_model* parsed_raw = nullptr;
  ASSERT_THAT(Result(jtbd_propensity_model_parse(jtbd_buffer_data(raw_bytes),
                                                 jtbd_buffer_size(raw_bytes),
                                                 &parsed_raw)),
              IsOk());
  const Model parsed(parsed_raw);

  const std::string path =
      ::testing::TempDir() + "/forces_capi_test_model.jtbd";
  ASSERT_THAT(Result(jtbd_propensity_model_save_file(model.get(), path.data(),
                                                     path.size())),
              IsOk());
  jtbd_propensity_model* loaded_raw = nullptr;
  ASSERT_THAT(Result(jtbd_propensity_model_load_file(path.data(), path.size(),
                                                     &loaded_raw)),
              IsOk());
  const Model loaded(loaded_raw);
  std::remove(path.c_str());

  for (const jtbd_propensity_model* m : {parsed.get(), loaded.get()}) {
    jtbd_force_prediction a = {}, b = {};
    a.struct_size = b.struct_size = sizeof(a);
    ASSERT_THAT(Result(jtbd_propensity_model_predict(model.get(), 5, 0, 3, 1,
                                                     "x", 1, &a)),
                IsOk());
    ASSERT_THAT(
        Result(jtbd_propensity_model_predict(m, 5, 0, 3, 1, "x", 1, &b)),
        IsOk());
    EXPECT_EQ(a.probability, b.probability);
    EXPECT_EQ(a.log_odds, b.log_odds);
  }
  // Loading the interviews CSV as a model is refused, naming the file.
  const std::string csv = Example("interviews.csv");
  jtbd_propensity_model* refused = nullptr;
  EXPECT_THAT(
      Result(jtbd_propensity_model_load_file(csv.data(), csv.size(), &refused)),
      FailsWith(JTBD_INVALID_ARGUMENT, "interviews.csv"));
  EXPECT_EQ(refused, nullptr);
}

TEST(ForcesCapiTest, OptionsReachTheAnalysis) {
  jtbd_forces_options* raw = nullptr;
  ASSERT_THAT(Result(jtbd_forces_options_create(&raw)), IsOk());
  const ForcesOptions options(raw);
  EXPECT_THAT(Result(jtbd_forces_options_set_folds(raw, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "folds is 1"));
  EXPECT_THAT(Result(jtbd_forces_options_set_l2_penalty(raw, NAN)),
              FailsWith(JTBD_INVALID_ARGUMENT, "lambda"));
  EXPECT_THAT(Result(jtbd_forces_options_set_confidence_level(raw, 1)),
              FailsWith(JTBD_INVALID_ARGUMENT, "level is 1"));
  ASSERT_THAT(Result(jtbd_forces_options_set_folds(raw, 3)), IsOk());
  ASSERT_THAT(Result(jtbd_forces_options_set_seed(raw, 7)), IsOk());
  ASSERT_THAT(Result(jtbd_forces_options_set_confidence_level(raw, 0.9)),
              IsOk());
  const std::string path = Example("interviews.csv");
  jtbd_interviews* read = nullptr;
  ASSERT_THAT(Result(jtbd_interviews_read_file(nullptr, 0, path.data(),
                                               path.size(), &read)),
              IsOk());
  const Interviews interviews(read);
  const jtbd_forces_report_info info =
      Info(Analyze(interviews.get(), options.get()).get());
  EXPECT_EQ(info.folds, 3u);
  EXPECT_EQ(info.seed, 7u);
  EXPECT_EQ(info.confidence_level, 0.9);

  ASSERT_THAT(Result(jtbd_forces_options_set_segment_by(raw, "nope", 4)),
              IsOk());
  jtbd_forces_report* report = nullptr;
  EXPECT_THAT(
      Result(jtbd_forces_analyze(interviews.get(), options.get(), &report)),
      FailsWith(JTBD_INVALID_ARGUMENT, "nope"));
  EXPECT_EQ(report, nullptr);
}

TEST(ForcesCapiTest, BadInterviewsNameFileLineAndColumn) {
  const std::string bad = std::string(kFour) + "E,fear,3,yes\n";
  jtbd_interviews* raw = nullptr;
  EXPECT_THAT(Result(jtbd_interviews_read_csv(
                  nullptr, 0, bad.data(), bad.size(), "deals.csv", 9, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "deals.csv: line 11, column 2"));
  EXPECT_EQ(raw, nullptr);
  const std::string flipped = std::string(kFour) + "A,habit,1,no\n";
  EXPECT_THAT(
      Result(jtbd_interviews_read_csv(nullptr, 0, flipped.data(),
                                      flipped.size(), "deals.csv", 9, &raw)),
      FailsWith(JTBD_INVALID_ARGUMENT, "deals.csv: line 11"));
  const std::string off_scale =
      "interview,force,intensity,switched\nA,push,6,1\n";
  EXPECT_THAT(
      Result(jtbd_interviews_read_csv(nullptr, 0, off_scale.data(),
                                      off_scale.size(), nullptr, 0, &raw)),
      FailsWith(JTBD_INVALID_ARGUMENT, "line 2, column 3"));
  EXPECT_THAT(
      Result(jtbd_interviews_read_csv(nullptr, 4, kFour, 10, nullptr, 0, &raw)),
      FailsWith(JTBD_INVALID_ARGUMENT, "flags 4"));
  EXPECT_THAT(Result(jtbd_interviews_parse(0, "\xff\xff", 2, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "data"));
  EXPECT_THAT(
      Result(jtbd_interviews_parse_json(0, "{\"interviews\": 3}", 17, &raw)),
      FailsWith(JTBD_INVALID_ARGUMENT, "data"));
  const std::string missing = "/nonexistent/interviews.csv";
  EXPECT_THAT(Result(jtbd_interviews_read_file(nullptr, 0, missing.data(),
                                               missing.size(), &raw)),
              FailsWith(JTBD_NOT_FOUND, "/nonexistent/interviews.csv"));
  EXPECT_EQ(raw, nullptr);

  // A survey setting would be ignored: refused instead.
  ReadOptions read = NewReadOptions();
  ASSERT_THAT(Result(jtbd_read_options_set_scale(read.get(), 1, 7, 6)), IsOk());
  EXPECT_THAT(Result(jtbd_interviews_read_csv(
                  read.get(), 0, kFour, sizeof(kFour) - 1, nullptr, 0, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "a scale"));
  // The limits do apply.
  ReadOptions limited = NewReadOptions();
  const Limits limits = NewLimits(JTBD_LIMIT_RECORD_BYTES, 8);
  ASSERT_THAT(Result(jtbd_read_options_set_limits(limited.get(), limits.get())),
              IsOk());
  EXPECT_THAT(
      Result(jtbd_interviews_read_csv(limited.get(), 0, kFour,
                                      sizeof(kFour) - 1, nullptr, 0, &raw)),
      FailsWith(JTBD_RESOURCE_EXHAUSTED, "line 1"));
  EXPECT_EQ(raw, nullptr);
}

TEST(ForcesCapiTest, OpenInterviewsAreScoredNotAnalyzed) {
  const std::string open =
      "interview,force,intensity\nlive-1,push,5\nlive-1,habit,2\n";
  jtbd_interviews* refused = nullptr;
  EXPECT_THAT(Result(jtbd_interviews_read_csv(
                  nullptr, 0, open.data(), open.size(), nullptr, 0, &refused)),
              FailsWith(JTBD_INVALID_ARGUMENT, "switched"));
  const Interviews interviews = ReadCsv(open, JTBD_INTERVIEWS_OPEN);
  ASSERT_EQ(jtbd_interviews_count(interviews.get()), 1u);
  jtbd_forces_report* report = nullptr;
  EXPECT_THAT(
      Result(jtbd_forces_analyze(interviews.get(), nullptr, &report)),
      FailsWith(JTBD_FAILED_PRECONDITION, "interviews[0] (\"live-1\")"));
  EXPECT_EQ(report, nullptr);
}

TEST(ForcesCapiTest, NoModelWhenEveryoneSwitched) {
  const Interviews interviews =
      ReadCsv("interview,force,intensity,switched\nA,push,3,1\nB,pull,2,1\n");
  const ForcesReport report = Analyze(interviews.get());
  const jtbd_forces_report_info info = Info(report.get());
  EXPECT_EQ(info.has_model, 0u);
  EXPECT_THAT(std::string(info.model_note, info.model_note_len),
              HasSubstr("switched"));
  EXPECT_EQ(info.auc, 0.0);
  jtbd_propensity_model* model = nullptr;
  EXPECT_THAT(Result(jtbd_forces_report_create_model(report.get(), &model)),
              FailsWith(JTBD_FAILED_PRECONDITION, "no propensity model"));
  EXPECT_EQ(model, nullptr);
}

TEST(ForcesCapiTest, BadArgumentsAreNamed) {
  const Interviews interviews = ReadCsv(kFour);
  const ForcesReport report = Analyze(interviews.get());
  const Model model = ModelOf(report.get());
  jtbd_force_prediction p = {};
  p.struct_size = sizeof(p);
  p.probability = -1;
  EXPECT_THAT(Result(jtbd_propensity_model_predict(model.get(), 0, 0, 6, 0,
                                                   nullptr, 0, &p)),
              FailsWith(JTBD_INVALID_ARGUMENT, "anxiety is 6"));
  EXPECT_THAT(Result(jtbd_propensity_model_predict(model.get(), 0, 0, 0, 0,
                                                   "\xff", 1, &p)),
              FailsWith(JTBD_INVALID_ARGUMENT, "segment"));
  EXPECT_EQ(p.probability, -1);  // untouched
  p.struct_size = JTBD_FORCE_PREDICTION_STRUCT_SIZE - 1;
  EXPECT_THAT(Result(jtbd_propensity_model_predict(model.get(), 0, 0, 0, 0,
                                                   nullptr, 0, &p)),
              FailsWith(JTBD_INVALID_ARGUMENT, "struct_size"));
  EXPECT_THAT(Result(jtbd_propensity_model_predict(nullptr, 0, 0, 0, 0, nullptr,
                                                   0, &p)),
              FailsWith(JTBD_INVALID_ARGUMENT, "model is NULL"));
  p.struct_size = sizeof(p);
  EXPECT_THAT(Result(jtbd_propensity_model_predict_interview(
                  model.get(), interviews.get(), 4, &p)),
              FailsWith(JTBD_OUT_OF_RANGE, "index 4"));
  jtbd_force_summary summary = {};
  summary.struct_size = sizeof(summary);
  EXPECT_THAT(Result(jtbd_forces_report_force(report.get(), 4, &summary)),
              FailsWith(JTBD_OUT_OF_RANGE, "index 4"));
  EXPECT_THAT(
      Result(jtbd_forces_report_segment_force(report.get(), 0, 0, &summary)),
      FailsWith(JTBD_OUT_OF_RANGE, "segment 0"));
  jtbd_buffer* buffer = nullptr;
  EXPECT_THAT(Result(jtbd_forces_report_render(report.get(), 9, &buffer)),
              FailsWith(JTBD_INVALID_ARGUMENT, "unknown format 9"));
  jtbd_propensity_model* parsed = nullptr;
  EXPECT_THAT(Result(jtbd_propensity_model_parse("\x08\x02", 2, &parsed)),
              FailsWith(JTBD_INVALID_ARGUMENT, "jtbd_propensity_model_parse"));
  EXPECT_EQ(parsed, nullptr);
  const char* value = nullptr;
  size_t value_len = 0;
  ASSERT_THAT(Result(jtbd_interviews_attribute(interviews.get(), 0, "segment",
                                               7, &value, &value_len)),
              IsOk());
  EXPECT_EQ(value_len, 0u);
  EXPECT_STREQ(value, "");
}

}  // namespace
}  // namespace jtbd_test
