#ifndef JTBD_SERVE_BEARER_TOKEN_H_
#define JTBD_SERVE_BEARER_TOKEN_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace jtbd {
namespace serve {

// Whether `a` equals `b`, in a time that depends only on the length of `a`
// (the presented token), never on where the first difference lies.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

namespace internal {

// ConstantTimeEquals over byte accessors (a_at(i), b_at(i)), so that a test
// can count the bytes it reads: every byte of `a`, and of `b` up to a's
// length, whatever the first difference. The differences are OR-ed into a
// volatile, never returned early.
template <typename ByteOfA, typename ByteOfB>
bool ConstantTimeEqualsBy(size_t a_size, ByteOfA a_at, size_t b_size,
                          ByteOfB b_at) {
  volatile unsigned char difference = a_size == b_size ? 0 : 1;
  for (size_t i = 0; i < a_size; ++i) {
    // Past the end of `b`, against 0 (the lengths differ: already unequal).
    const unsigned char expected =
        i < b_size ? static_cast<unsigned char>(b_at(i)) : 0;
    difference = difference | (static_cast<unsigned char>(a_at(i)) ^ expected);
  }
  return difference == 0;
}

}  // namespace internal

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
