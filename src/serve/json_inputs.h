// What the sidecar's endpoints taking several files in one request
// (/v1/compare, /v1/prioritize) share: one application/json object whose
// fields carry the files, each as text ("<name>") or as bytes in base64
// ("<name>Base64", e.g. a saved aggregate), refused field by field.
#ifndef JTBD_SERVE_JSON_INPUTS_H_
#define JTBD_SERVE_JSON_INPUTS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jtbd {
namespace serve {

// The bytes of each of `names` out of the JSON object `body`, by name.
// INVALID_ARGUMENT ("body: ...") for a body that is not a JSON object, a
// field other than the names and their Base64 forms, a name given neither
// way or both ways, a value that is not a string, invalid base64.
absl::StatusOr<std::map<std::string, std::string>> ReadJsonInputs(
    absl::string_view body, const std::vector<std::string>& names);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_JSON_INPUTS_H_
