// Invariant checks shared by the fuzz targets: a violated invariant aborts,
// which libFuzzer reports as a crash and saves as a reproducer.
#ifndef JTBD_TESTS_FUZZ_FUZZ_CHECK_H_
#define JTBD_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/message_differencer.h"

namespace jtbd {
namespace fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* what,
                              absl::string_view detail) {
  std::fprintf(stderr, "%s:%d: fuzz invariant violated: %s\n%.*s\n", file, line,
               what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

#define JTBD_FUZZ_CHECK(condition, detail)                        \
  do {                                                            \
    if (!(condition)) {                                           \
      ::jtbd::fuzz::Fail(__FILE__, __LINE__, #condition, detail); \
    }                                                             \
  } while (false)

// A refusal must say what is wrong, and must not be an internal error (an
// escaped exception or a broken invariant of ours) or a code that means the
// caller did nothing wrong. RESOURCE_EXHAUSTED is a legitimate refusal of
// an input too large to hold.
inline void CheckRefusal(const absl::Status& status) {
  JTBD_FUZZ_CHECK(!status.ok(), "a refusal must not be OK");
  const std::string text = status.ToString();
  JTBD_FUZZ_CHECK(!status.message().empty(), text);
  JTBD_FUZZ_CHECK(status.code() != absl::StatusCode::kInternal &&
                      status.code() != absl::StatusCode::kUnknown,
                  text);
}

// A refusal of text named `source` names it (survey_reader.h's
// "<source>: line L, column C" form).
inline void CheckRefusalNames(const absl::Status& status,
                              absl::string_view source) {
  CheckRefusal(status);
  JTBD_FUZZ_CHECK(absl::StrContains(status.message(), source),
                  status.ToString());
}

// Two messages hold the same fields (repeated fields in order).
inline void CheckSameMessage(const google::protobuf::Message& expected,
                             const google::protobuf::Message& actual,
                             const char* what) {
  std::string difference;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  if (!differencer.Compare(expected, actual)) {
    Fail(__FILE__, __LINE__, what, difference);
  }
}

}  // namespace fuzz
}  // namespace jtbd

#endif  // JTBD_TESTS_FUZZ_FUZZ_CHECK_H_
