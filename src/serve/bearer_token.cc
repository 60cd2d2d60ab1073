// Bearer-token checks for the sidecar (--token-file).
#include "serve/bearer_token.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace jtbd {
namespace serve {
namespace {

constexpr absl::string_view kBearerScheme = "bearer ";

// RFC 6750 b64token: ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/",
// then "=" padding.
bool IsTokenCharacter(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
}

}  // namespace

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  return internal::ConstantTimeEqualsBy(
      a.size(), [a](size_t i) { return a[i]; }, b.size(),
      [b](size_t i) { return b[i]; });
}

bool IsAuthorized(absl::string_view authorization,
                  absl::string_view expected_token) {
  if (expected_token.empty() || authorization.size() < kBearerScheme.size() ||
      !absl::EqualsIgnoreCase(authorization.substr(0, kBearerScheme.size()),
                              kBearerScheme)) {
    return false;
  }
  absl::string_view presented = authorization.substr(kBearerScheme.size());
  presented = absl::StripAsciiWhitespace(presented);
  return ConstantTimeEquals(presented, expected_token);
}

absl::StatusOr<std::string> ReadTokenFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    const int error = errno;
    const std::string reason = std::strerror(error);
    const std::string message =
        absl::StrCat("--token-file ", path, ": ", reason);
    return error == ENOENT   ? absl::NotFoundError(message)
           : error == EACCES ? absl::PermissionDeniedError(message)
                             : absl::InvalidArgumentError(message);
  }
  std::ostringstream content;
  content << file.rdbuf();
  const std::string token(absl::StripAsciiWhitespace(content.str()));
  if (token.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--token-file ", path, " is empty"));
  }
  for (const char c : token) {
    if (!IsTokenCharacter(c)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--token-file ", path,
          ": a bearer token is one line of letters, digits and -._~+/="));
    }
  }
  return token;
}

}  // namespace serve
}  // namespace jtbd
