// Checks the Buf style guide (buf.build/docs/best-practices/style-guide)
// mechanically on the live proto/jtbd/v1/*.proto files, since buf lint is
// not packaged in Debian 12:
// package jtbd.v1 in a matching directory, lower_snake file and field
// names, PascalCase messages and enums, enum values prefixed with the
// enum's UPPER_SNAKE name and a zero value <ENUM>_UNSPECIFIED, plural names
// for repeated fields, and a leading comment on every message, field, enum
// and enum value.
//
// The schemas come from the descriptor set that the build writes with
// `protoc --include_source_info` and installs (LiveSetPath()), since the
// descriptors compiled into the library carry no comments.

#include <cctype>
#include <regex>  // NOLINT: test-only name patterns
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "descriptor_sets.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.pb.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace proto_test {
namespace {

using ::google::protobuf::DescriptorProto;
using ::google::protobuf::EnumDescriptorProto;
using ::google::protobuf::FieldDescriptorProto;
using ::google::protobuf::FileDescriptorProto;
using ::google::protobuf::FileDescriptorSet;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::IsSupersetOf;

constexpr absl::string_view kPackage = "jtbd.v1";

// Plurals that do not end in "s"; a repeated field may be named so.
const std::set<std::string>& IrregularPlurals() {
  static const auto* plurals =
      new std::set<std::string>{"children", "criteria", "data", "people"};
  return *plurals;
}

bool Matches(absl::string_view name, const char* pattern) {
  return std::regex_match(std::string(name), std::regex(pattern));
}
bool IsLowerSnake(absl::string_view name) {
  return Matches(name, "[a-z][a-z0-9]*(_[a-z0-9]+)*");
}
bool IsUpperSnake(absl::string_view name) {
  return Matches(name, "[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
}
bool IsPascalCase(absl::string_view name) {
  return Matches(name, "[A-Z][A-Za-z0-9]*");
}

// "JobType" -> "JOB_TYPE", "HTTPMethod" -> "HTTP_METHOD": the prefix Buf
// expects on every value of an enum.
std::string UpperSnake(absl::string_view pascal) {
  std::string out;
  for (size_t i = 0; i < pascal.size(); ++i) {
    const unsigned char c = pascal[i];
    if (i > 0 && std::isupper(c)) {
      const unsigned char previous = pascal[i - 1];
      const bool next_is_lower =
          i + 1 < pascal.size() &&
          std::islower(static_cast<unsigned char>(pascal[i + 1]));
      if (std::islower(previous) || std::isdigit(previous) ||
          (std::isupper(previous) && next_is_lower)) {
        out.push_back('_');
      }
    }
    out.push_back(static_cast<char>(std::toupper(c)));
  }
  return out;
}

// Lists every style violation of one file, one line each:
// "<file>: <element>: <violation>".
class StyleChecker {
 public:
  explicit StyleChecker(const FileDescriptorProto& file) : file_(file) {
    for (const auto& location : file.source_code_info().location()) {
      if (!absl::StripAsciiWhitespace(location.leading_comments()).empty()) {
        commented_paths_.insert(PathKey(location.path()));
      }
    }
  }

  std::vector<std::string> Check() {
    if (file_.package() != kPackage) {
      Add("",
          absl::StrCat("package ", file_.package(), " should be ", kPackage));
    }
    const size_t slash = file_.name().rfind('/');
    const std::string directory =
        slash == std::string::npos ? "" : file_.name().substr(0, slash);
    const std::string base_name = file_.name().substr(slash + 1);
    const std::string package_directory =
        absl::StrReplaceAll(file_.package(), {{".", "/"}});
    if (directory != package_directory) {
      Add("", absl::StrCat("directory \"", directory,
                           "\" does not match package ", file_.package()));
    }
    if (!absl::EndsWith(base_name, ".proto") ||
        !IsLowerSnake(absl::StripSuffix(base_name, ".proto"))) {
      Add("", absl::StrCat("file name ", base_name,
                           " is not lower_snake_case.proto"));
    }
    check_comments_ = file_.source_code_info().location_size() > 0;
    if (!check_comments_) {
      Add("",
          "no source info, so comments cannot be checked (write the "
          "descriptor set with protoc --include_source_info)");
    }
    const std::string scope = absl::StrCat(file_.package(), ".");
    for (int i = 0; i < file_.message_type_size(); ++i) {
      CheckMessage(file_.message_type(i), scope,
                   {FileDescriptorProto::kMessageTypeFieldNumber, i});
    }
    for (int i = 0; i < file_.enum_type_size(); ++i) {
      CheckEnum(file_.enum_type(i), scope,
                {FileDescriptorProto::kEnumTypeFieldNumber, i});
    }
    return std::move(violations_);
  }

 private:
  static std::string PathKey(
      const google::protobuf::RepeatedField<int32_t>& path) {
    return absl::StrJoin(path, ",");
  }
  static std::string PathKey(const std::vector<int>& path) {
    return absl::StrJoin(path, ",");
  }

  void Add(absl::string_view element, absl::string_view violation) {
    violations_.push_back(
        element.empty()
            ? absl::StrCat(file_.name(), ": ", violation)
            : absl::StrCat(file_.name(), ": ", element, ": ", violation));
  }

  // Trailing and detached comments do not count: the leading one is what
  // generated code and documentation tools attach to the element.
  void RequireComment(const std::vector<int>& path, absl::string_view element) {
    if (check_comments_ && commented_paths_.count(PathKey(path)) == 0) {
      Add(element, "no leading comment");
    }
  }

  void CheckMessage(const DescriptorProto& message, const std::string& scope,
                    const std::vector<int>& path) {
    const std::string full_name = absl::StrCat(scope, message.name());
    const std::string element = absl::StrCat("message ", full_name);
    if (!IsPascalCase(message.name())) {
      Add(element, "name is not PascalCase");
    }
    RequireComment(path, element);
    for (int i = 0; i < message.field_size(); ++i) {
      std::vector<int> field_path = path;
      field_path.insert(field_path.end(),
                        {DescriptorProto::kFieldFieldNumber, i});
      CheckField(message.field(i), full_name, field_path);
    }
    for (int i = 0; i < message.nested_type_size(); ++i) {
      // Map entries are written by protoc, not by us: nothing to check.
      if (message.nested_type(i).options().map_entry()) continue;
      std::vector<int> nested_path = path;
      nested_path.insert(nested_path.end(),
                         {DescriptorProto::kNestedTypeFieldNumber, i});
      CheckMessage(message.nested_type(i), absl::StrCat(full_name, "."),
                   nested_path);
    }
    for (int i = 0; i < message.enum_type_size(); ++i) {
      std::vector<int> enum_path = path;
      enum_path.insert(enum_path.end(),
                       {DescriptorProto::kEnumTypeFieldNumber, i});
      CheckEnum(message.enum_type(i), absl::StrCat(full_name, "."), enum_path);
    }
  }

  void CheckField(const FieldDescriptorProto& field,
                  const std::string& message_name,
                  const std::vector<int>& path) {
    const std::string element =
        absl::StrCat("field ", message_name, ".", field.name());
    if (!IsLowerSnake(field.name())) {
      Add(element, "name is not lower_snake_case");
    }
    // Maps are repeated too (of their entry message).
    if (field.label() == FieldDescriptorProto::LABEL_REPEATED &&
        !absl::EndsWith(field.name(), "s") &&
        IrregularPlurals().count(field.name()) == 0) {
      Add(element, "repeated field without a plural name");
    }
    RequireComment(path, element);
  }

  void CheckEnum(const EnumDescriptorProto& enum_type, const std::string& scope,
                 const std::vector<int>& path) {
    const std::string full_name = absl::StrCat(scope, enum_type.name());
    const std::string element = absl::StrCat("enum ", full_name);
    if (!IsPascalCase(enum_type.name())) {
      Add(element, "name is not PascalCase");
    }
    RequireComment(path, element);
    const std::string prefix = absl::StrCat(UpperSnake(enum_type.name()), "_");
    const std::string zero_name = absl::StrCat(prefix, "UNSPECIFIED");
    bool has_zero = false;
    for (int i = 0; i < enum_type.value_size(); ++i) {
      const auto& value = enum_type.value(i);
      const std::string value_element =
          absl::StrCat("enum value ", full_name, ".", value.name());
      if (value.number() == 0) {
        has_zero = true;
        if (value.name() != zero_name) {
          Add(value_element,
              absl::StrCat("zero value should be named ", zero_name));
        }
      }
      if (!absl::StartsWith(value.name(), prefix)) {
        Add(value_element, absl::StrCat("lacks the prefix ", prefix));
      }
      if (!IsUpperSnake(value.name())) {
        Add(value_element, "name is not UPPER_SNAKE_CASE");
      }
      std::vector<int> value_path = path;
      value_path.insert(value_path.end(),
                        {EnumDescriptorProto::kValueFieldNumber, i});
      RequireComment(value_path, value_element);
    }
    if (!has_zero) {
      Add(element, absl::StrCat("has no zero value ", zero_name));
    }
  }

  const FileDescriptorProto& file_;
  std::set<std::string> commented_paths_;
  bool check_comments_ = true;
  std::vector<std::string> violations_;
};

std::vector<std::string> FindStyleViolations(const FileDescriptorProto& file) {
  return StyleChecker(file).Check();
}

// ---------------------------------------------------------------------------
// The real check.

TEST(SchemaStyleTest, LiveSetHoldsEveryV1FileWithSourceInfo) {
  // Guards against the real check passing on an empty or comment-less set.
  auto live = ReadDescriptorSet(LiveSetPath());
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_THAT(FileNames(*live),
              IsSupersetOf({"jtbd/v1/job.proto", "jtbd/v1/study.proto",
                            "jtbd/v1/aggregate.proto", "jtbd/v1/report.proto",
                            "jtbd/v1/scoring.proto"}));
  for (const FileDescriptorProto& file : live->file()) {
    EXPECT_GT(file.source_code_info().location_size(), 0) << file.name();
  }
}

TEST(SchemaStyleTest, LiveSchemasFollowBufStyle) {
  auto live = ReadDescriptorSet(LiveSetPath());
  ASSERT_TRUE(live.ok()) << live.status();
  std::vector<std::string> violations;
  for (const FileDescriptorProto& file : live->file()) {
    std::vector<std::string> found = FindStyleViolations(file);
    violations.insert(violations.end(), found.begin(), found.end());
  }
  EXPECT_TRUE(violations.empty())
      << violations.size()
      << " Buf style violation(s) in proto/jtbd/v1 (rules at the top of "
         "tests/proto/schema_style_test.cc):\n  "
      << absl::StrJoin(violations, "\n  ");
}

// ---------------------------------------------------------------------------
// The checker itself, on hand-modified copies of the live schemas.

TEST(UpperSnakeTest, ConvertsPascalCaseAsBufDoes) {
  EXPECT_EQ(UpperSnake("Band"), "BAND");
  EXPECT_EQ(UpperSnake("JobType"), "JOB_TYPE");
  EXPECT_EQ(UpperSnake("UniversalStep"), "UNIVERSAL_STEP");
  EXPECT_EQ(UpperSnake("HTTPMethod"), "HTTP_METHOD");
  EXPECT_EQ(UpperSnake("Level2Kind"), "LEVEL2_KIND");
}

class StyleViolationDetectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto live = ReadDescriptorSet(LiveSetPath());
    ASSERT_TRUE(live.ok()) << live.status();
    live_ = *std::move(live);
  }

  FileDescriptorProto* File(absl::string_view name) {
    return FindFile(&live_, name);
  }

  std::vector<std::string> Violations(absl::string_view file) {
    return FindStyleViolations(*File(file));
  }

  // Source paths as FileDescriptorProto numbers them (descriptor.proto).
  std::vector<int> MessagePath(absl::string_view file,
                               absl::string_view message) {
    return {FileDescriptorProto::kMessageTypeFieldNumber,
            IndexOfNamed(File(file)->message_type(), message)};
  }
  std::vector<int> FieldPath(absl::string_view file, absl::string_view message,
                             absl::string_view field) {
    std::vector<int> path = MessagePath(file, message);
    path.push_back(DescriptorProto::kFieldFieldNumber);
    path.push_back(
        IndexOfNamed(File(file)->message_type(path[1]).field(), field));
    return path;
  }
  std::vector<int> EnumPath(absl::string_view file, absl::string_view name) {
    return {FileDescriptorProto::kEnumTypeFieldNumber,
            IndexOfNamed(File(file)->enum_type(), name)};
  }
  std::vector<int> ValuePath(absl::string_view file,
                             absl::string_view enum_name,
                             absl::string_view value) {
    std::vector<int> path = EnumPath(file, enum_name);
    path.push_back(EnumDescriptorProto::kValueFieldNumber);
    path.push_back(IndexOfNamed(File(file)->enum_type(path[1]).value(), value));
    return path;
  }

  google::protobuf::SourceCodeInfo::Location* Location(
      absl::string_view file, const std::vector<int>& path) {
    for (auto& location :
         *File(file)->mutable_source_code_info()->mutable_location()) {
      if (std::vector<int>(location.path().begin(), location.path().end()) ==
          path) {
        return &location;
      }
    }
    ADD_FAILURE() << "no source location " << absl::StrJoin(path, ",");
    return File(file)->mutable_source_code_info()->add_location();
  }

  FileDescriptorSet live_;
};

TEST_F(StyleViolationDetectionTest, DetectsWrongZeroValueName) {
  FindNamed(FindNamed(File("jtbd/v1/job.proto")->mutable_enum_type(), "JobType")
                ->mutable_value(),
            "JOB_TYPE_UNSPECIFIED")
      ->set_name("JOB_TYPE_UNKNOWN");
  EXPECT_THAT(Violations("jtbd/v1/job.proto"),
              ElementsAre("jtbd/v1/job.proto: enum value "
                          "jtbd.v1.JobType.JOB_TYPE_UNKNOWN: zero value "
                          "should be named JOB_TYPE_UNSPECIFIED"));
}

TEST_F(StyleViolationDetectionTest, DetectsMissingZeroValue) {
  FindNamed(FindNamed(File("jtbd/v1/report.proto")->mutable_enum_type(), "Band")
                ->mutable_value(),
            "BAND_UNSPECIFIED")
      ->set_number(9);
  EXPECT_THAT(Violations("jtbd/v1/report.proto"),
              ElementsAre("jtbd/v1/report.proto: enum jtbd.v1.Band: has no "
                          "zero value BAND_UNSPECIFIED"));
}

TEST_F(StyleViolationDetectionTest, DetectsValuesWithoutTheEnumPrefix) {
  auto* values =
      FindNamed(File("jtbd/v1/job.proto")->mutable_enum_type(), "UniversalStep")
          ->mutable_value();
  FindNamed(values, "UNIVERSAL_STEP_DEFINE")->set_name("DEFINE");
  // Another enum's prefix is no better.
  FindNamed(values, "UNIVERSAL_STEP_LOCATE")->set_name("JOB_TYPE_LOCATE");
  // Nor is the name without its underscore.
  FindNamed(values, "UNIVERSAL_STEP_PREPARE")
      ->set_name("UNIVERSALSTEP_PREPARE");
  EXPECT_THAT(
      Violations("jtbd/v1/job.proto"),
      ElementsAre("jtbd/v1/job.proto: enum value jtbd.v1.UniversalStep.DEFINE: "
                  "lacks the prefix UNIVERSAL_STEP_",
                  "jtbd/v1/job.proto: enum value "
                  "jtbd.v1.UniversalStep.JOB_TYPE_LOCATE: lacks the prefix "
                  "UNIVERSAL_STEP_",
                  "jtbd/v1/job.proto: enum value "
                  "jtbd.v1.UniversalStep.UNIVERSALSTEP_PREPARE: lacks the "
                  "prefix UNIVERSAL_STEP_"));
}

TEST_F(StyleViolationDetectionTest, DetectsRepeatedFieldsWithSingularNames) {
  FindNamed(
      FindNamed(File("jtbd/v1/report.proto")->mutable_message_type(), "Report")
          ->mutable_field(),
      "segments")
      ->set_name("segment");
  // A map is repeated as well.
  FindNamed(FindNamed(File("jtbd/v1/study.proto")->mutable_message_type(),
                      "Respondent")
                ->mutable_field(),
            "attributes")
      ->set_name("attribute");
  EXPECT_THAT(Violations("jtbd/v1/report.proto"),
              ElementsAre("jtbd/v1/report.proto: field jtbd.v1.Report.segment: "
                          "repeated field without a plural name"));
  EXPECT_THAT(Violations("jtbd/v1/study.proto"),
              ElementsAre("jtbd/v1/study.proto: field "
                          "jtbd.v1.Respondent.attribute: repeated field "
                          "without a plural name"));
}

TEST_F(StyleViolationDetectionTest, AcceptsIrregularPluralsAndSingulars) {
  auto* study =
      FindNamed(File("jtbd/v1/study.proto")->mutable_message_type(), "Study");
  FindNamed(study->mutable_field(), "outcomes")->set_name("criteria");
  FindNamed(study->mutable_field(), "respondents")->set_name("people");
  // Only repeated fields need a plural: a singular "scale" stays fine.
  EXPECT_THAT(Violations("jtbd/v1/study.proto"), IsEmpty());
}

TEST_F(StyleViolationDetectionTest, DetectsMissingLeadingComments) {
  const std::string study = "jtbd/v1/study.proto";
  const std::string report = "jtbd/v1/report.proto";
  Location(study, MessagePath(study, "Scale"))->clear_leading_comments();
  Location(study, FieldPath(study, "Answer", "importance"))
      ->clear_leading_comments();
  Location(report, EnumPath(report, "Band"))->clear_leading_comments();
  Location(report, ValuePath(report, "Band", "BAND_HIGH"))
      ->set_leading_comments(" \n");  // blank is as good as none
  EXPECT_THAT(Violations(study),
              ElementsAre("jtbd/v1/study.proto: message jtbd.v1.Scale: no "
                          "leading comment",
                          "jtbd/v1/study.proto: field "
                          "jtbd.v1.Answer.importance: no leading comment"));
  EXPECT_THAT(Violations(report),
              ElementsAre("jtbd/v1/report.proto: enum jtbd.v1.Band: no "
                          "leading comment",
                          "jtbd/v1/report.proto: enum value "
                          "jtbd.v1.Band.BAND_HIGH: no leading comment"));
}

TEST_F(StyleViolationDetectionTest, TrailingCommentDoesNotCount) {
  const std::string job = "jtbd/v1/job.proto";
  auto* location = Location(job, FieldPath(job, "JobStep", "name"));
  location->set_trailing_comments(location->leading_comments());
  location->clear_leading_comments();
  EXPECT_THAT(Violations(job),
              ElementsAre("jtbd/v1/job.proto: field jtbd.v1.JobStep.name: no "
                          "leading comment"));
}

TEST_F(StyleViolationDetectionTest, MapEntriesNeedNoComment) {
  // protoc writes Respondent.AttributesEntry without source comments.
  const FileDescriptorProto& study = *File("jtbd/v1/study.proto");
  const DescriptorProto& respondent =
      study.message_type(IndexOfNamed(study.message_type(), "Respondent"));
  ASSERT_EQ(respondent.nested_type_size(), 1);
  EXPECT_TRUE(respondent.nested_type(0).options().map_entry());
  EXPECT_THAT(Violations("jtbd/v1/study.proto"), IsEmpty());
}

TEST_F(StyleViolationDetectionTest, DetectsMissingSourceInfo) {
  File("jtbd/v1/scoring.proto")->clear_source_code_info();
  EXPECT_THAT(Violations("jtbd/v1/scoring.proto"),
              ElementsAre("jtbd/v1/scoring.proto: no source info, so comments "
                          "cannot be checked (write the descriptor set with "
                          "protoc --include_source_info)"));
}

TEST_F(StyleViolationDetectionTest, DetectsWrongPackage) {
  File("jtbd/v1/scoring.proto")->set_package("jtbd.v2");
  EXPECT_THAT(
      Violations("jtbd/v1/scoring.proto"),
      ElementsAre("jtbd/v1/scoring.proto: package jtbd.v2 should be jtbd.v1",
                  "jtbd/v1/scoring.proto: directory \"jtbd/v1\" does not match "
                  "package jtbd.v2"));
}

TEST_F(StyleViolationDetectionTest, DetectsNamesInTheWrongCase) {
  FileDescriptorProto* report = File("jtbd/v1/report.proto");
  report->set_name("jtbd/v1/OpportunityReport.proto");
  DescriptorProto* segment =
      FindNamed(report->mutable_message_type(), "SegmentReport");
  segment->set_name("segment_report");
  FindNamed(segment->mutable_field(), "respondent_count")
      ->set_name("respondentCount");
  EnumDescriptorProto* band = FindNamed(report->mutable_enum_type(), "Band");
  band->set_name("band");  // UpperSnake("band") is still BAND
  FindNamed(band->mutable_value(), "BAND_HIGH")->set_name("BAND_High");
  EXPECT_THAT(
      FindStyleViolations(*report),
      ElementsAre(
          "jtbd/v1/OpportunityReport.proto: file name OpportunityReport.proto "
          "is not lower_snake_case.proto",
          "jtbd/v1/OpportunityReport.proto: message jtbd.v1.segment_report: "
          "name is not PascalCase",
          "jtbd/v1/OpportunityReport.proto: field "
          "jtbd.v1.segment_report.respondentCount: name is not "
          "lower_snake_case",
          "jtbd/v1/OpportunityReport.proto: enum jtbd.v1.band: name is not "
          "PascalCase",
          "jtbd/v1/OpportunityReport.proto: enum value "
          "jtbd.v1.band.BAND_High: name is not UPPER_SNAKE_CASE"));
}

}  // namespace
}  // namespace proto_test
}  // namespace jtbd
