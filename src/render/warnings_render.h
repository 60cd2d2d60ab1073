#ifndef JTBD_RENDER_WARNINGS_RENDER_H_
#define JTBD_RENDER_WARNINGS_RENDER_H_

#include <string>

#include "google/protobuf/repeated_field.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {

// The "Warnings:" block of a table: a report- or segment-wide warning on a
// line of its own, outcome warnings of one kind and one segment gathered on
// one line ("band uncertain in segment field: o07, o11"). Empty without
// warnings.
std::string WarningLines(
    const google::protobuf::RepeatedPtrField<v1::Warning>& warnings);

}  // namespace jtbd

#endif  // JTBD_RENDER_WARNINGS_RENDER_H_
