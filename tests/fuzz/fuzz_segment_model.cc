// Fuzzes the saved segment model: v1::SegmentModel::ParseFromArray, then
// SegmentModel::FromProto; a model accepted round-trips and tags
// respondents with a segment in 1..k.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "fuzz_check.h"
#include "jtbd/v1/segmentation.pb.h"
#include "segments/segment_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jtbd::v1::SegmentModel proto;
  if (!proto.ParseFromArray(data, static_cast<int>(size))) return 0;
  absl::StatusOr<jtbd::SegmentModel> model =
      jtbd::SegmentModel::FromProto(proto);
  if (!model.ok()) {
    jtbd::fuzz::CheckRefusal(model.status());
    return 0;
  }
  const jtbd::v1::SegmentModel saved = model->ToProto();
  absl::StatusOr<jtbd::SegmentModel> again =
      jtbd::SegmentModel::FromProto(saved);
  JTBD_FUZZ_CHECK(again.ok(), again.status().ToString());
  jtbd::fuzz::CheckSameMessage(saved, again->ToProto(),
                               "SegmentModel proto round trip");

  // Ratings from the input's own bytes, on the model's scale or 0.
  const jtbd::Scale& scale = model->scale();
  const size_t outcomes = model->outcome_count();
  std::vector<uint8_t> importance(outcomes);
  std::vector<uint8_t> satisfaction(outcomes);
  const int points = scale.max - scale.min + 2;  // 0 and the scale
  for (size_t i = 0; i < outcomes; ++i) {
    const uint8_t a = size == 0 ? 0 : data[(2 * i) % size];
    const uint8_t b = size == 0 ? 0 : data[(2 * i + 1) % size];
    importance[i] = a % points == 0 ? 0 : scale.min + a % points - 1;
    satisfaction[i] = b % points == 0 ? 0 : scale.min + b % points - 1;
  }
  absl::StatusOr<jtbd::SegmentAssignment> assignment =
      model->AssignRatings(importance, satisfaction);
  if (!assignment.ok()) {
    jtbd::fuzz::CheckRefusal(assignment.status());
    return 0;
  }
  JTBD_FUZZ_CHECK(
      assignment->cluster >= 1 && assignment->cluster <= model->k(),
      absl::StrCat("cluster ", assignment->cluster, " of ", model->k()));
  JTBD_FUZZ_CHECK(
      assignment->observed_count <= outcomes,
      absl::StrCat(assignment->observed_count, " observed of ", outcomes));
  return 0;
}
