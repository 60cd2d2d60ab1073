// Where protobuf JSON goes wrong. protobuf 3.21's JsonStringToMessage says
// what is wrong but not where; this scan walks the text against the
// message's descriptor and finds the first token that is not JSON or does
// not fit its field, so that a refusal can name its line and column.
#ifndef JTBD_DESIGN_JSON_ERROR_POSITION_H_
#define JTBD_DESIGN_JSON_ERROR_POSITION_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "google/protobuf/descriptor.h"

namespace jtbd {
namespace design {

struct JsonErrorPosition {
  size_t line = 0;    // 1-based
  size_t column = 0;  // 1-based, in characters (UTF-8 code points)
  // The field whose value is wrong ("job.steps[1].universalStep", as
  // written in the text); empty for an error of JSON syntax.
  std::string field;
  std::string what;  // e.g. "expected an object for a jtbd.v1.Job"
};

// The first problem in `json` read as a `type` message the way protobuf's
// JSON parser reads it with unknown fields ignored (a field known by its
// JSON or its proto name; null for any field; enums by name or number;
// numbers also as strings); nullopt when the scan finds none.
absl::optional<JsonErrorPosition> LocateJsonError(
    absl::string_view json, const google::protobuf::Descriptor* type);

}  // namespace design
}  // namespace jtbd

#endif  // JTBD_DESIGN_JSON_ERROR_POSITION_H_
