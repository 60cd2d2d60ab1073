// Bad JSON designs refused with the line and column of the offending token
// (issue 14: protobuf 3.21's JSON parser says what, not where). Every
// position below is counted by hand in the text beside it (columns in
// characters, so "é" is one).
#include <string>

#include "absl/status/statusor.h"
#include "design/design_reader.h"
#include "design/json_error_position.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/v1/job.pb.h"

namespace jtbd {
namespace {

using ::testing::StartsWith;

struct BadJson {
  const char* json;
  const char* prefix;  // the refusal's start: source, line, column, field
  const char* what;
};

TEST(JsonDesignErrorTest, NamesLineAndColumn) {
  const BadJson cases[] = {
      // Line 2 is `  "job": 3`: the 3 is the 10th character.
      {"{\n  \"job\": 3\n}", "d.json: line 2, column 10 (\"job\"): ",
       "expected an object (a Job)"},
      // No colon after "id": the "a" is the 8th character of line 2.
      {"{\"outcomes\": [\n {\"id\" \"a\"}\n]}",
       "d.json: line 2, column 8 (\"outcomes[0]\"): ",
       "expected \":\" after the field name"},
      // `{"job": {"type": true}}`: true starts at column 18.
      {"{\"job\": {\"type\": true}}", "d.json: line 1, column 18 (\"job.type\"): ",
       "expected a name of JobType"},
      // A lone outcome (protobuf reads it as a list of one) whose id is a
      // number: the 7 at column 21.
      {"{\"outcomes\": {\"id\": 7}}",
       "d.json: line 1, column 21 (\"outcomes.id\"): ", "expected a string"},
      // A number for a string field: the 7 at column 22.
      {"{\"outcomes\": [{\"id\": 7}]}",
       "d.json: line 1, column 22 (\"outcomes[0].id\"): ", "expected a string"},
      // Line 3 is `  "statement": "Réduire le temps` (32 characters): the
      // text ends at column 33.
      {"{\n \"job\": {\n  \"statement\": \"R\xC3\xA9" "duire le temps",
       "d.json: line 3, column 33 (\"job.statement\"): ",
       "the text ends inside a string"},
      // An unknown field is ignored, but must still be JSON: the second
      // comma of `{"extra": [1, 2,, 3]}` is at column 17.
      {"{\"extra\": [1, 2,, 3]}", "d.json: line 1, column 17 (\"extra\"): ",
       "expected a JSON value"},
      // Text after the object: the x on line 2, column 1.
      {"{}\nx", "d.json: line 2, column 1: ", "unexpected text after the object"},
  };
  for (const BadJson& bad : cases) {
    const absl::StatusOr<v1::StudyDesign> design =
        design::ParseDesign(bad.json, "d.json");
    ASSERT_FALSE(design.ok()) << bad.json;
    const std::string message(design.status().message());
    EXPECT_THAT(message, StartsWith(std::string(bad.prefix) + bad.what))
        << bad.json;
    EXPECT_THAT(message, ::testing::HasSubstr(
                             "(not a jtbd.v1.StudyDesign in protobuf JSON: "))
        << bad.json;
  }
}

TEST(JsonDesignErrorTest, SoundJsonHasNoPosition) {
  EXPECT_FALSE(design::LocateJsonError(
                   R"({"job": {"statement": "x", "type": "JOB_TYPE_SOCIAL",
                       "steps": [{"id": "define"}]}, "unknown": {"a": [1, -2.5e3,
                       true, null, "\u00e9"]}, "outcomes": null})",
                   v1::StudyDesign::descriptor())
                   .has_value());
}

}  // namespace
}  // namespace jtbd
