#include "pipeline/input_source.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "io/source_position.h"

namespace jtbd {

absl::Status ReadStandardInput(std::string* text) {
  text->clear();
  char buffer[1 << 16];
  while (true) {
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof(buffer));
    if (got < 0) {
      if (errno == EINTR) continue;
      return absl::UnavailableError(
          absl::StrCat("cannot read standard input: ", std::strerror(errno)));
    }
    if (got == 0) break;
    text->append(buffer, static_cast<size_t>(got));
  }
  return absl::OkStatus();
}

absl::StatusOr<InputSource> Rereadable(const InputSource& source,
                                       std::string* storage) {
  if (source.kind() != InputSource::Kind::kStandardInput) return source;
  if (absl::Status read = ReadStandardInput(storage); !read.ok()) return read;
  return InputSource::Bytes(*storage, source.name());
}

absl::StatusOr<std::string> ReadInputBytes(const InputSource& source) {
  return ReadInput(source, ReadWholeFile,
                   [](absl::string_view data,
                      const std::string&) -> absl::StatusOr<std::string> {
                     return std::string(data);
                   });
}

absl::Status CheckStandardInputReadOnce(
    const InputSource& survey,
    const absl::optional<InputSource>& outcome_descriptions) {
  if (survey.kind() == InputSource::Kind::kStandardInput &&
      outcome_descriptions.has_value() &&
      outcome_descriptions->kind() == InputSource::Kind::kStandardInput) {
    return absl::InvalidArgumentError(
        "standard input can feed the survey or the outcome descriptions, "
        "not both");
  }
  return absl::OkStatus();
}

}  // namespace jtbd
