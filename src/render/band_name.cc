#include "render/band_name.h"

#include "absl/strings/str_replace.h"

namespace jtbd {

const char* BandName(v1::Band band) {
  switch (band) {
    case v1::BAND_EXTREME:
      return "extreme";
    case v1::BAND_HIGH:
      return "high";
    case v1::BAND_UNDERSERVED:
      return "underserved";
    case v1::BAND_APPROPRIATELY_SERVED:
      return "appropriately_served";
    case v1::BAND_OVERSERVED:
      return "overserved";
    case v1::BAND_TABLE_STAKES:
      return "table_stakes";
    case v1::BAND_INSUFFICIENT_DATA:
      return "insufficient_data";
    default:
      return "unspecified";
  }
}

std::string BandWords(v1::Band band) {
  if (band == v1::BAND_UNSPECIFIED) return "-";
  return absl::StrReplaceAll(BandName(band), {{"_", " "}});
}

}  // namespace jtbd
