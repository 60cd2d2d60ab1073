// Where an input of the pipeline comes from: a file, standard input, or
// bytes the caller holds (a request body, a C caller's buffer). Surveys,
// outcome descriptions and saved segment models are all given this way, so
// that every face names its inputs alike and errors name them alike.
#ifndef JTBD_PIPELINE_INPUT_SOURCE_H_
#define JTBD_PIPELINE_INPUT_SOURCE_H_

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace jtbd {

// The name standard input goes by in messages.
inline constexpr absl::string_view kStandardInputName = "<stdin>";

class InputSource {
 public:
  enum class Kind { kFile, kStandardInput, kBytes };

  // A file, read (mapped where it can be) when the input is used.
  static InputSource File(std::string path) {
    std::string name = path;
    return InputSource(Kind::kFile, std::move(name), absl::string_view());
  }
  // All of standard input, read when the input is used (once).
  static InputSource StandardInput() {
    return InputSource(Kind::kStandardInput, std::string(kStandardInputName),
                       absl::string_view());
  }
  // Bytes that outlive every use of the source, not copied; `name` is what
  // messages call them ("body: line 3, column 2 ...").
  static InputSource Bytes(absl::string_view bytes, std::string name) {
    return InputSource(Kind::kBytes, std::move(name), bytes);
  }

  Kind kind() const { return kind_; }
  // The path of a file, "<stdin>", or the name given with bytes.
  const std::string& name() const { return name_; }
  // The bytes given (kBytes only).
  absl::string_view bytes() const { return bytes_; }

 private:
  InputSource(Kind kind, std::string name, absl::string_view bytes)
      : kind_(kind), name_(std::move(name)), bytes_(bytes) {}

  Kind kind_;
  std::string name_;
  absl::string_view bytes_;
};

// INVALID_ARGUMENT when the survey and its outcome descriptions both come
// from standard input, which can be read only once.
absl::Status CheckStandardInputReadOnce(
    const InputSource& survey,
    const absl::optional<InputSource>& outcome_descriptions);

// All of standard input; UNAVAILABLE ("cannot read standard input: ...")
// when it cannot be read.
absl::Status ReadStandardInput(std::string* text);

// A source whose bytes can be read more than once: standard input is read
// into `storage` and given back as bytes named "<stdin>"; other sources are
// returned as they are.
absl::StatusOr<InputSource> Rereadable(const InputSource& source,
                                       std::string* storage);

// The whole input as bytes (a file is read with ReadWholeFile, whose errors
// name it).
absl::StatusOr<std::string> ReadInputBytes(const InputSource& source);

// Reads `source` with read_file(path) for a file (so that each reader maps
// or refuses it its own way), else with read_bytes(bytes, name), standard
// input read whole first. Both return the same absl::Status or StatusOr.
template <typename ReadFile, typename ReadBytes>
auto ReadInput(const InputSource& source, ReadFile read_file,
               ReadBytes read_bytes)
    -> decltype(read_bytes(absl::string_view(), std::string())) {
  switch (source.kind()) {
    case InputSource::Kind::kFile:
      return read_file(source.name());
    case InputSource::Kind::kStandardInput: {
      std::string data;
      if (absl::Status read = ReadStandardInput(&data); !read.ok()) {
        return read;
      }
      return read_bytes(absl::string_view(data), source.name());
    }
    case InputSource::Kind::kBytes:
      break;
  }
  return read_bytes(source.bytes(), source.name());
}

}  // namespace jtbd

#endif  // JTBD_PIPELINE_INPUT_SOURCE_H_
