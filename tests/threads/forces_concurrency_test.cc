// The forces handles are immutable once made (jtbd.h, "forces"): many
// threads analyze one jtbd_interviews and predict with one
// jtbd_propensity_model at once, and each gets what one thread alone gets
// (run under TSan by CI, which would flag a data race).
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace {

constexpr int kThreads = 8;
constexpr int kPredictions = 2000;

jtbd_force_prediction Predict(const jtbd_propensity_model* model, uint32_t i) {
  jtbd_force_prediction out = {};
  out.struct_size = sizeof(out);
  jtbd_error* error = jtbd_propensity_model_predict(
      model, i % 6, (i / 6) % 6, (i / 36) % 6, (i / 216) % 6, "smb", 3, &out);
  EXPECT_EQ(error, nullptr) << jtbd_error_message(error, nullptr);
  jtbd_error_free(error);
  return out;
}

std::string AnalysisJson(const jtbd_interviews* interviews) {
  jtbd_forces_report* report = nullptr;
  jtbd_error* error = jtbd_forces_analyze(interviews, nullptr, &report);
  EXPECT_EQ(error, nullptr) << jtbd_error_message(error, nullptr);
  jtbd_error_free(error);
  jtbd_buffer* buffer = nullptr;
  jtbd_error_free(jtbd_forces_report_render(report, JTBD_FORMAT_JSON, &buffer));
  std::string json(reinterpret_cast<const char*>(jtbd_buffer_data(buffer)),
                   jtbd_buffer_size(buffer));
  jtbd_buffer_free(buffer);
  jtbd_forces_report_destroy(report);
  return json;
}

TEST(ForcesConcurrencyTest, ManyThreadsAnalyzeAndPredictWithOneHandle) {
  const std::string path =
      std::string(JTBD_SOURCE_DIR) + "/examples/interviews.csv";
  jtbd_interviews* interviews = nullptr;
  ASSERT_EQ(jtbd_interviews_read_file(nullptr, 0, path.data(), path.size(),
                                      &interviews),
            nullptr);
  jtbd_forces_report* report = nullptr;
  ASSERT_EQ(jtbd_forces_analyze(interviews, nullptr, &report), nullptr);
  jtbd_propensity_model* model = nullptr;
  ASSERT_EQ(jtbd_forces_report_create_model(report, &model), nullptr);
  jtbd_forces_report_destroy(report);

  const std::string alone = AnalysisJson(interviews);
  std::vector<double> expected;
  for (int i = 0; i < kPredictions; ++i) {
    expected.push_back(Predict(model, static_cast<uint32_t>(i)).probability);
  }
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      if (t % 2 == 0 && AnalysisJson(interviews) != alone) ++mismatches[t];
      for (int i = 0; i < kPredictions; ++i) {
        if (Predict(model, static_cast<uint32_t>(i)).probability !=
            expected[i]) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << t;
  jtbd_propensity_model_destroy(model);
  jtbd_interviews_destroy(interviews);
}

}  // namespace
