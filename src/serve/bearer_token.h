#ifndef JTBD_SERVE_BEARER_TOKEN_H_
#define JTBD_SERVE_BEARER_TOKEN_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jtbd {
namespace serve {

// Whether `a` equals `b`, in a time that depends only on the length of `a`
// (the presented token), never on where the first difference lies.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

// Whether an Authorization header value is "Bearer <expected_token>" (the
// scheme is case-insensitive, RFC 7235). `expected_token` is not empty.
bool IsAuthorized(absl::string_view authorization,
                  absl::string_view expected_token);

// The token in a --token-file: its content without surrounding whitespace
// (the trailing newline editors add). INVALID_ARGUMENT when that is empty or
// holds a character a bearer token cannot have (RFC 6750's b64token);
// NOT_FOUND or PERMISSION_DENIED when the file cannot be read.
absl::StatusOr<std::string> ReadTokenFile(const std::string& path);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_BEARER_TOKEN_H_
