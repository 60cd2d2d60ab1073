// Fuzzes the propensity model decoder (forces/propensity_model.h): the
// bytes as a saved file (ParsePropensityModelFile) and as a bare
// jtbd.v1.ForcesModel (ParsePropensityModel). A model accepted
// round-trips and scores any intensities to a probability in [0, 1] with
// finite log-odds.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "forces/propensity_model.h"
#include "fuzz_check.h"
#include "jtbd/v1/forces.pb.h"

namespace {

void Exercise(const jtbd::forces::PropensityModel& model, const uint8_t* data,
              size_t size) {
  const std::string bytes = jtbd::forces::SerializePropensityModel(model);
  absl::StatusOr<jtbd::forces::PropensityModel> again =
      jtbd::forces::ParsePropensityModel(bytes, "again");
  JTBD_FUZZ_CHECK(again.ok(), again.status().ToString());
  jtbd::fuzz::CheckSameMessage(model.proto(), again->proto(),
                               "ForcesModel round trip");
  jtbd::forces::ForceIntensities intensities;
  for (size_t f = 0; f < intensities.size(); ++f) {
    intensities[f] = size == 0 ? 0 : data[f % size] % 6;
  }
  const std::string segment =
      model.proto().segment_weights_size() > 0 && size > 0 && (data[0] & 1)
          ? model.proto().segment_weights(0).segment()
          : "";
  const jtbd::v1::ForcePrediction prediction =
      model.PredictIntensities(intensities, segment);
  JTBD_FUZZ_CHECK(std::isfinite(prediction.log_odds()),
                  absl::StrCat(prediction.log_odds()));
  JTBD_FUZZ_CHECK(
      prediction.probability() >= 0 && prediction.probability() <= 1,
      absl::StrCat(prediction.probability()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<jtbd::forces::PropensityModel> saved =
      jtbd::forces::ParsePropensityModelFile(bytes, "fuzz.jtbd");
  if (saved.ok()) {
    Exercise(*saved, data, size);
  } else {
    jtbd::fuzz::CheckRefusalNames(saved.status(), "fuzz.jtbd");
  }
  absl::StatusOr<jtbd::forces::PropensityModel> bare =
      jtbd::forces::ParsePropensityModel(bytes, "fuzz.binpb");
  if (bare.ok()) {
    Exercise(*bare, data, size);
  } else {
    jtbd::fuzz::CheckRefusalNames(bare.status(), "fuzz.binpb");
  }
  return 0;
}
