// Thread safety through the C ABI (jtbd.h convention 10): many threads
// score, read and render one const study at once, and use separate handles
// side by side; every result must equal the single-threaded one. Run under
// -DJTBD_SANITIZE=thread this is the TSan hammer; in the normal suite it
// still checks the results.
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 3;
constexpr int kOutcomes = 6;
constexpr int kRespondents = 240;
constexpr int kChunks = 4;

struct Handles {
  void operator()(jtbd_error* e) const { jtbd_error_free(e); }
  void operator()(jtbd_buffer* b) const { jtbd_buffer_free(b); }
  void operator()(jtbd_study* s) const { jtbd_study_destroy(s); }
  void operator()(jtbd_report* r) const { jtbd_report_destroy(r); }
  void operator()(jtbd_aggregate* a) const { jtbd_aggregate_destroy(a); }
  void operator()(jtbd_score_options* o) const {
    jtbd_score_options_destroy(o);
  }
  void operator()(jtbd_segment_options* o) const {
    jtbd_segment_options_destroy(o);
  }
  void operator()(jtbd_segmentation* s) const { jtbd_segmentation_destroy(s); }
};
template <typename T>
using Owned = std::unique_ptr<T, Handles>;

// "" on success, else "CODE: message" (freeing the error): a value that
// can be compared and collected across threads.
std::string Problem(jtbd_error* raw) {
  Owned<jtbd_error> error(raw);
  if (error == nullptr) return "";
  return std::string(jtbd_code_name(jtbd_error_code(error.get()))) + ": " +
         jtbd_error_message(error.get(), nullptr);
}

// A deterministic wide survey: ratings from a linear congruential sequence,
// two segments, some answers left blank.
std::string SurveyCsv(int first_respondent, int respondents) {
  std::string csv = "respondent_id,segment";
  for (int o = 1; o <= kOutcomes; ++o) {
    csv += ",imp_o" + std::to_string(o) + ",sat_o" + std::to_string(o);
  }
  csv += "\n";
  for (int r = first_respondent; r < first_respondent + respondents; ++r) {
    uint32_t state = 2654435761u * static_cast<uint32_t>(r + 1);
    auto next = [&state]() {
      state = state * 1664525u + 1013904223u;
      return state >> 24;
    };
    csv += "r" + std::to_string(r) + (r % 3 == 0 ? ",field" : ",office");
    for (int o = 0; o < 2 * kOutcomes; ++o) {
      const uint32_t draw = next() % 6;  // 0: blank, else 1-5
      csv += draw == 0 ? "," : "," + std::to_string(draw);
    }
    csv += "\n";
  }
  return csv;
}

Owned<jtbd_study> ReadStudy(const std::string& csv, std::string* problem) {
  jtbd_study* study = nullptr;
  *problem = Problem(jtbd_study_read_csv(nullptr, csv.data(), csv.size(),
                                         "survey", 6, &study));
  return Owned<jtbd_study>(study);
}

std::string TakeBuffer(jtbd_buffer* raw) {
  Owned<jtbd_buffer> buffer(raw);
  return std::string(reinterpret_cast<const char*>(jtbd_buffer_data(raw)),
                     jtbd_buffer_size(raw));
}

// The scoring options the threads take turns with: bootstrap (seeded),
// segments, another method, another confidence level.
std::vector<Owned<jtbd_score_options>> ScoreOptionSets() {
  std::vector<Owned<jtbd_score_options>> sets;
  for (int variant = 0; variant < 4; ++variant) {
    jtbd_score_options* options = nullptr;
    EXPECT_EQ(Problem(jtbd_score_options_create(&options)), "");
    EXPECT_EQ(Problem(jtbd_score_options_set_bootstrap_resamples(options, 200)),
              "");
    switch (variant) {
      case 1:
        EXPECT_EQ(
            Problem(jtbd_score_options_set_segment_by(options, "segment", 7)),
            "");
        break;
      case 2:
        EXPECT_EQ(Problem(jtbd_score_options_set_method(
                      options, JTBD_SCORE_METHOD_MEAN)),
                  "");
        break;
      case 3:
        EXPECT_EQ(
            Problem(jtbd_score_options_set_confidence_level(options, 0.9)), "");
        EXPECT_EQ(Problem(jtbd_score_options_set_seed(options, 7)), "");
        break;
      default:
        break;
    }
    sets.emplace_back(options);
  }
  return sets;
}

// The report as JSON (every figure, unrounded), or the problem.
std::string ScoreJson(const jtbd_study* study,
                      const jtbd_score_options* options) {
  jtbd_report* raw = nullptr;
  const std::string problem = Problem(jtbd_study_score(study, options, &raw));
  if (!problem.empty()) return problem;
  Owned<jtbd_report> report(raw);
  jtbd_buffer* json = nullptr;
  const std::string render =
      Problem(jtbd_report_render(report.get(), JTBD_FORMAT_JSON, &json));
  return render.empty() ? TakeBuffer(json) : render;
}

// Every accessor of a report read, as text: what a host reads from a
// report shared between its threads.
std::string ReadReport(const jtbd_report* report) {
  std::string seen = std::to_string(jtbd_report_respondent_count(report));
  for (size_t i = 0; i < jtbd_report_outcome_count(report); ++i) {
    jtbd_outcome_score score;
    std::memset(&score, 0, sizeof(score));
    score.struct_size = sizeof(score);
    seen += Problem(jtbd_report_outcome(report, i, &score));
    seen += "|" + std::string(score.outcome_id, score.outcome_id_len) + " " +
            std::to_string(score.opportunity) + " " +
            std::to_string(score.opportunity_interval.low) + " " +
            std::to_string(score.rank);
  }
  for (size_t s = 0; s < jtbd_report_segment_count(report); ++s) {
    const char* name = nullptr;
    size_t length = 0;
    seen += Problem(jtbd_report_segment_name(report, s, &name, &length));
    seen += "|" + std::string(name, length);
  }
  for (int32_t format : {JTBD_FORMAT_TABLE, JTBD_FORMAT_CSV}) {
    jtbd_buffer* buffer = nullptr;
    const std::string problem =
        Problem(jtbd_report_render(report, format, &buffer));
    seen += problem.empty() ? TakeBuffer(buffer) : problem;
  }
  return seen;
}

// Runs body(thread) on kThreads threads at once; returns per thread what
// went wrong (empty strings when nothing did).
std::vector<std::string> OnThreads(
    const std::function<std::string(int)>& body) {
  std::vector<std::string> problems(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] { problems[t] = body(t); });
  }
  for (std::thread& thread : threads) thread.join();
  return problems;
}

MATCHER(AllEmpty, "no thread reports a difference") {
  for (const std::string& problem : arg) {
    if (!problem.empty()) {
      *result_listener << problem.substr(0, 2000);
      return false;
    }
  }
  return true;
}

class ConcurrencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    csv_ = SurveyCsv(0, kRespondents);
    std::string problem;
    study_ = ReadStudy(csv_, &problem);
    ASSERT_EQ(problem, "");
    options_ = ScoreOptionSets();
    for (const auto& options : options_) {
      expected_json_.push_back(ScoreJson(study_.get(), options.get()));
      ASSERT_EQ(expected_json_.back().rfind("{", 0), 0u)
          << expected_json_.back();
    }
  }

  std::string csv_;
  Owned<jtbd_study> study_;
  std::vector<Owned<jtbd_score_options>> options_;
  std::vector<std::string> expected_json_;
};

TEST_F(ConcurrencyTest, ManyThreadsScoreOneStudyWithDifferentOptions) {
  // Each thread walks the option sets from a different start, so that
  // different options run at the same time on the same study.
  const auto problems = OnThreads([&](int t) -> std::string {
    for (int round = 0; round < kRounds; ++round) {
      for (size_t v = 0; v < options_.size(); ++v) {
        const size_t variant = (v + t) % options_.size();
        const std::string json =
            ScoreJson(study_.get(), options_[variant].get());
        if (json != expected_json_[variant]) {
          return "thread " + std::to_string(t) + ", options " +
                 std::to_string(variant) + ": " + json;
        }
      }
    }
    return "";
  });
  EXPECT_THAT(problems, AllEmpty());
}

TEST_F(ConcurrencyTest, ManyThreadsReadOneStudyAndOneReport) {
  jtbd_report* raw = nullptr;
  ASSERT_EQ(Problem(jtbd_study_score(study_.get(), options_[1].get(), &raw)),
            "");
  Owned<jtbd_report> report(raw);
  const std::string expected_report = ReadReport(report.get());
  jtbd_buffer* serialized = nullptr;
  ASSERT_EQ(Problem(jtbd_study_serialize(study_.get(), &serialized)), "");
  const std::string expected_study = TakeBuffer(serialized);
  ASSERT_GT(jtbd_report_segment_count(report.get()), 1u);

  const auto problems = OnThreads([&](int t) -> std::string {
    for (int round = 0; round < kRounds * 4; ++round) {
      if (jtbd_study_outcome_count(study_.get()) != kOutcomes ||
          jtbd_study_respondent_count(study_.get()) != kRespondents) {
        return "counts";
      }
      if (ReadReport(report.get()) != expected_report) {
        return "thread " + std::to_string(t) + " read the report differently";
      }
      jtbd_buffer* bytes = nullptr;
      const std::string problem =
          Problem(jtbd_study_serialize(study_.get(), &bytes));
      if (!problem.empty()) return problem;
      if (TakeBuffer(bytes) != expected_study) return "serialized study";
      jtbd_aggregate* aggregate = nullptr;
      const std::string aggregated =
          Problem(jtbd_study_create_aggregate(study_.get(), &aggregate));
      if (!aggregated.empty()) return aggregated;
      Owned<jtbd_aggregate> owned(aggregate);
      if (jtbd_aggregate_respondent_count(aggregate) != kRespondents) {
        return "aggregate respondents";
      }
    }
    return "";
  });
  EXPECT_THAT(problems, AllEmpty());
}

// Each thread reads its own study from the same text, and its own
// aggregates of the survey's chunks, merged: equal to the whole.
TEST_F(ConcurrencyTest, SeparateHandlesReadAndMergeConcurrently) {
  std::vector<std::string> chunks;
  for (int c = 0; c < kChunks; ++c) {
    chunks.push_back(
        SurveyCsv(c * kRespondents / kChunks, kRespondents / kChunks));
  }
  jtbd_aggregate* whole_raw = nullptr;
  ASSERT_EQ(Problem(jtbd_study_create_aggregate(study_.get(), &whole_raw)), "");
  Owned<jtbd_aggregate> whole(whole_raw);
  std::vector<uint64_t> expected_cells;
  auto cells = [](const jtbd_aggregate* aggregate, std::string* problem) {
    std::vector<uint64_t> counts;
    for (size_t o = 0; o < kOutcomes; ++o) {
      for (int i = 0; i <= 5; ++i) {
        for (int s = 0; s <= 5; ++s) {
          uint64_t count = 0;
          *problem += Problem(jtbd_aggregate_cell(aggregate, o, i, s, &count));
          counts.push_back(count);
        }
      }
    }
    return counts;
  };
  std::string problem;
  expected_cells = cells(whole.get(), &problem);
  ASSERT_EQ(problem, "");

  const auto problems = OnThreads([&](int t) -> std::string {
    std::string problem;
    Owned<jtbd_study> own = ReadStudy(csv_, &problem);
    if (!problem.empty()) return problem;
    if (ScoreJson(own.get(), options_[t % options_.size()].get()) !=
        expected_json_[t % options_.size()]) {
      return "thread " + std::to_string(t) + ": its own study scores apart";
    }
    Owned<jtbd_aggregate> total;
    for (int c = 0; c < kChunks; ++c) {
      // Threads start on different chunks: merging is order-free.
      const std::string& chunk = chunks[(c + t) % kChunks];
      jtbd_aggregate* part = nullptr;
      problem = Problem(jtbd_aggregate_read_csv(
          nullptr, chunk.data(), chunk.size(), "chunk", 5, &part));
      if (!problem.empty()) return problem;
      if (total == nullptr) {
        total.reset(part);
        continue;
      }
      Owned<jtbd_aggregate> owned(part);
      problem = Problem(jtbd_aggregate_merge(total.get(), part));
      if (!problem.empty()) return problem;
    }
    if (cells(total.get(), &problem) != expected_cells || !problem.empty()) {
      return "thread " + std::to_string(t) + ": merged chunks differ " +
             problem;
    }
    return "";
  });
  EXPECT_THAT(problems, AllEmpty());
}

// Segmentation fits of one const study side by side, each with its own
// worker threads: the same segments as a fit alone.
TEST_F(ConcurrencyTest, SegmentFitsRunConcurrently) {
  jtbd_segment_options* raw_options = nullptr;
  ASSERT_EQ(Problem(jtbd_segment_options_create(&raw_options)), "");
  Owned<jtbd_segment_options> options(raw_options);
  ASSERT_EQ(Problem(jtbd_segment_options_set_k(raw_options, 3)), "");
  ASSERT_EQ(Problem(jtbd_segment_options_set_starts(raw_options, 4)), "");
  ASSERT_EQ(Problem(jtbd_segment_options_set_threads(raw_options, 2)), "");
  auto fit = [&](std::string* problem) {
    jtbd_segmentation* segmentation = nullptr;
    *problem =
        Problem(jtbd_study_segment(study_.get(), options.get(), &segmentation));
    if (!problem->empty()) return std::string();
    Owned<jtbd_segmentation> owned(segmentation);
    jtbd_buffer* json = nullptr;
    *problem = Problem(
        jtbd_segmentation_render(segmentation, JTBD_FORMAT_JSON, &json));
    return problem->empty() ? TakeBuffer(json) : std::string();
  };
  std::string problem;
  const std::string expected = fit(&problem);
  ASSERT_EQ(problem, "");
  ASSERT_FALSE(expected.empty());

  const auto problems = OnThreads([&](int t) -> std::string {
    if (t >= 4) return "";  // fits are heavy: four at once is enough
    std::string problem;
    const std::string json = fit(&problem);
    if (!problem.empty()) return problem;
    return json == expected
               ? ""
               : "thread " + std::to_string(t) + ": another segmentation";
  });
  EXPECT_THAT(problems, AllEmpty());
}

}  // namespace
