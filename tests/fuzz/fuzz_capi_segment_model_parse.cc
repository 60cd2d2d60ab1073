// Fuzzes jtbd_segment_model_parse (a serialized jtbd.v1.SegmentModel
// through the C ABI): a model parsed re-serializes to the same model and
// tags a respondent into 1..k or refuses.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "capi_fuzz.h"
#include "fuzz_check.h"
#include "jtbd/jtbd.h"
#include "jtbd/v1/segmentation.pb.h"

namespace {

std::string Serialize(const jtbd_segment_model* model) {
  jtbd_buffer* buffer = nullptr;
  jtbd_error* error = jtbd_segment_model_serialize(model, &buffer);
  JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  return jtbd::fuzz::TakeBuffer(buffer);
}

jtbd::v1::SegmentModel AsProto(const std::string& bytes) {
  jtbd::v1::SegmentModel proto;
  JTBD_FUZZ_CHECK(proto.ParseFromString(bytes), "serialized model");
  return proto;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jtbd_segment_model* model = nullptr;
  if (!jtbd::fuzz::Succeeded(jtbd_segment_model_parse(data, size, &model))) {
    JTBD_FUZZ_CHECK(model == nullptr, "a refusal wrote the out-parameter");
    return 0;
  }
  const std::string first = Serialize(model);
  jtbd_segment_model* again = nullptr;
  jtbd_error* error =
      jtbd_segment_model_parse(first.data(), first.size(), &again);
  JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  jtbd::fuzz::CheckSameMessage(AsProto(first), AsProto(Serialize(again)),
                               "jtbd_segment_model_serialize/parse round trip");
  jtbd_segment_model_destroy(again);

  // Every model outcome rated 5 and 1 (on any scale a model may have, or
  // refused as off the scale).
  const size_t outcomes = jtbd_segment_model_outcome_count(model);
  std::vector<const char*> ids(outcomes);
  std::vector<size_t> id_lengths(outcomes);
  for (size_t i = 0; i < outcomes; ++i) {
    error = jtbd_segment_model_outcome_id(model, i, &ids[i], &id_lengths[i]);
    JTBD_FUZZ_CHECK(error == nullptr, jtbd_error_message(error, nullptr));
  }
  const std::vector<uint8_t> importance(outcomes, 5);
  const std::vector<uint8_t> satisfaction(outcomes, 1);
  jtbd_segment_assignment assignment = {};
  assignment.struct_size = sizeof(assignment);
  if (jtbd::fuzz::Succeeded(jtbd_segment_model_assign(
          model, outcomes, ids.data(), id_lengths.data(), importance.data(),
          satisfaction.data(), &assignment))) {
    const size_t k = jtbd_segment_model_k(model);
    JTBD_FUZZ_CHECK(assignment.cluster >= 1 && assignment.cluster <= k,
                    absl::StrCat("cluster ", assignment.cluster, " of ", k));
  }
  jtbd_segment_model_destroy(model);
  return 0;
}
