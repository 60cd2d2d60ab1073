// The project's one way of printing a protobuf message as JSON.
#ifndef JTBD_RENDER_PROTO_JSON_H_
#define JTBD_RENDER_PROTO_JSON_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace jtbd {
namespace render {

// The protobuf JSON mapping: lowerCamelCase names, enums by name, default
// values printed, numbers unrounded. Indented and newline-terminated when
// `indented`, else on one line without a newline. `what` ("the report")
// names the message in the error.
absl::StatusOr<std::string> MessageJson(
    const google::protobuf::Message& message, bool indented,
    absl::string_view what);

}  // namespace render
}  // namespace jtbd

#endif  // JTBD_RENDER_PROTO_JSON_H_
