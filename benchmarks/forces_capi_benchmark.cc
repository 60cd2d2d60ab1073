// The propensity model applied to one deal through the C ABI
// (jtbd_propensity_model_predict): the call a CRM makes each time a rep
// logs a conversation, measured as a caller of libjtbd.so pays for it
// (argument checks, the exception barrier, the growable struct copied
// out). The model is fitted once on examples/interviews.csv.
#include <cstdlib>
#include <string>

#include "benchmark/benchmark.h"
#include "jtbd/jtbd.h"

namespace {

void Check(jtbd_error* error) {
  if (error == nullptr) return;
  std::abort();
}

jtbd_propensity_model* ExampleModel() {
  const std::string path =
      std::string(JTBD_SOURCE_DIR) + "/examples/interviews.csv";
  jtbd_interviews* interviews = nullptr;
  Check(jtbd_interviews_read_file(nullptr, 0, path.data(), path.size(),
                                  &interviews));
  jtbd_forces_report* report = nullptr;
  Check(jtbd_forces_analyze(interviews, nullptr, &report));
  jtbd_propensity_model* model = nullptr;
  Check(jtbd_forces_report_create_model(report, &model));
  jtbd_forces_report_destroy(report);
  jtbd_interviews_destroy(interviews);
  return model;
}

void BM_CapiPredictOneDeal(benchmark::State& state) {
  jtbd_propensity_model* model = ExampleModel();
  jtbd_force_prediction out = {};
  out.struct_size = sizeof(out);
  uint32_t push = 0;
  for (auto _ : state) {
    // The intensities vary so that nothing is hoisted out of the loop.
    push = (push + 1) % 6;
    Check(
        jtbd_propensity_model_predict(model, push, 3, 2, 1, nullptr, 0, &out));
    benchmark::DoNotOptimize(out.probability);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));  // deals
  jtbd_propensity_model_destroy(model);
}
BENCHMARK(BM_CapiPredictOneDeal);

void BM_CapiPredictOneDealWithSegment(benchmark::State& state) {
  jtbd_propensity_model* model = ExampleModel();
  jtbd_force_prediction out = {};
  out.struct_size = sizeof(out);
  for (auto _ : state) {
    Check(jtbd_propensity_model_predict(model, 4, 3, 2, 1, "mid-market", 10,
                                        &out));
    benchmark::DoNotOptimize(out.probability);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));  // deals
  jtbd_propensity_model_destroy(model);
}
BENCHMARK(BM_CapiPredictOneDealWithSegment);

}  // namespace
