// The names of the opportunity bands (jtbd.v1.Band) as jtbd prints them: in
// CSV and JSON-adjacent output and through jtbd_band_name ("table_stakes"),
// and in aligned tables ("table stakes"). Naming is rendering: classifying
// an outcome into its band is core/band.h's.
#ifndef JTBD_RENDER_BAND_NAME_H_
#define JTBD_RENDER_BAND_NAME_H_

#include <string>

#include "jtbd/v1/report.pb.h"

namespace jtbd {

// "extreme", "high", ..., "insufficient_data"; "unspecified" otherwise
// (values outside the enum included).
const char* BandName(v1::Band band);

// For people: "table stakes", "insufficient data"; "-" when no band was
// computed (BAND_UNSPECIFIED: mean-based and Olsen scores).
std::string BandWords(v1::Band band);

}  // namespace jtbd

#endif  // JTBD_RENDER_BAND_NAME_H_
