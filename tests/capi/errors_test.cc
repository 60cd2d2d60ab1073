// Version, errors, code and band names, buffers: the parts of jtbd.h every
// other call relies on.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

using ::testing::HasSubstr;
using ::testing::StrEq;

TEST(VersionTest, MacrosEqualRuntime) {
  EXPECT_EQ(jtbd_version_number(), static_cast<uint32_t>(JTBD_VERSION_NUMBER));
  EXPECT_EQ(JTBD_VERSION_NUMBER, JTBD_VERSION_MAJOR * 10000 +
                                     JTBD_VERSION_MINOR * 100 +
                                     JTBD_VERSION_PATCH);
  const std::string expected = std::to_string(JTBD_VERSION_MAJOR) + "." +
                               std::to_string(JTBD_VERSION_MINOR) + "." +
                               std::to_string(JTBD_VERSION_PATCH);
  EXPECT_THAT(jtbd_version_string(), StrEq(expected));
}

TEST(VersionTest, HeaderAgreesWithCMakeProjectVersion) {
  // The version lives in CMakeLists.txt (SONAME, package) and in jtbd.h.
  std::ifstream file(std::string(JTBD_SOURCE_DIR) + "/CMakeLists.txt");
  ASSERT_TRUE(file.good());
  std::stringstream text;
  text << file.rdbuf();
  std::smatch match;
  const std::string content = text.str();
  ASSERT_TRUE(std::regex_search(
      content, match,
      std::regex(R"(project\(\s*jtbd\s+VERSION\s+(\d+)\.(\d+)\.(\d+))")));
  EXPECT_EQ(std::stoi(match[1]), JTBD_VERSION_MAJOR);
  EXPECT_EQ(std::stoi(match[2]), JTBD_VERSION_MINOR);
  EXPECT_EQ(std::stoi(match[3]), JTBD_VERSION_PATCH);
}

TEST(ErrorTest, NullErrorMeansOk) {
  EXPECT_EQ(jtbd_error_code(nullptr), JTBD_OK);
  size_t length = 99;
  EXPECT_THAT(jtbd_error_message(nullptr, &length), StrEq(""));
  EXPECT_EQ(length, 0u);
  EXPECT_THAT(jtbd_error_message(nullptr, nullptr), StrEq(""));
  jtbd_error_free(nullptr);  // accepted
}

TEST(ErrorTest, CarriesCodeAndNulTerminatedMessage) {
  jtbd_error* raw = jtbd_study_create(nullptr);
  ASSERT_NE(raw, nullptr);
  Error error(raw);
  EXPECT_EQ(jtbd_error_code(raw), JTBD_INVALID_ARGUMENT);
  size_t length = 0;
  const char* message = jtbd_error_message(raw, &length);
  EXPECT_EQ(std::string(message), "jtbd_study_create: out is NULL");
  EXPECT_EQ(length, std::strlen(message));
  EXPECT_EQ(message[length], '\0');
}

TEST(ErrorTest, EachCallReturnsItsOwnError) {
  // Errors are values, not state stored in objects: two live at once.
  Error first(jtbd_study_create(nullptr));
  Error second(jtbd_aggregate_create(nullptr));
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_NE(first.get(), second.get());
  EXPECT_THAT(jtbd_error_message(first.get(), nullptr),
              HasSubstr("jtbd_study_create"));
  EXPECT_THAT(jtbd_error_message(second.get(), nullptr),
              HasSubstr("jtbd_aggregate_create"));
}

TEST(CodeNameTest, NamesEveryAbseilCode) {
  const char* const expected[] = {"OK",
                                  "CANCELLED",
                                  "UNKNOWN",
                                  "INVALID_ARGUMENT",
                                  "DEADLINE_EXCEEDED",
                                  "NOT_FOUND",
                                  "ALREADY_EXISTS",
                                  "PERMISSION_DENIED",
                                  "RESOURCE_EXHAUSTED",
                                  "FAILED_PRECONDITION",
                                  "ABORTED",
                                  "OUT_OF_RANGE",
                                  "UNIMPLEMENTED",
                                  "INTERNAL",
                                  "UNAVAILABLE",
                                  "DATA_LOSS",
                                  "UNAUTHENTICATED"};
  for (int32_t code = 0; code <= 16; ++code) {
    EXPECT_THAT(jtbd_code_name(code), StrEq(expected[code])) << code;
  }
  EXPECT_EQ(JTBD_INVALID_ARGUMENT, 3);
  EXPECT_EQ(JTBD_RESOURCE_EXHAUSTED, 8);
  EXPECT_EQ(JTBD_UNAUTHENTICATED, 16);
  EXPECT_THAT(jtbd_code_name(17), StrEq("UNKNOWN_CODE"));
  EXPECT_THAT(jtbd_code_name(-1), StrEq("UNKNOWN_CODE"));
  EXPECT_THAT(jtbd_code_name(INT32_MAX), StrEq("UNKNOWN_CODE"));
}

TEST(BandNameTest, NamesEveryBand) {
  EXPECT_THAT(jtbd_band_name(JTBD_BAND_UNSPECIFIED), StrEq("unspecified"));
  EXPECT_THAT(jtbd_band_name(JTBD_BAND_EXTREME), StrEq("extreme"));
  EXPECT_THAT(jtbd_band_name(JTBD_BAND_HIGH), StrEq("high"));
  EXPECT_THAT(jtbd_band_name(JTBD_BAND_UNDERSERVED), StrEq("underserved"));
  EXPECT_THAT(jtbd_band_name(JTBD_BAND_APPROPRIATELY_SERVED),
              StrEq("appropriately_served"));
  EXPECT_THAT(jtbd_band_name(JTBD_BAND_OVERSERVED), StrEq("overserved"));
  EXPECT_THAT(jtbd_band_name(JTBD_BAND_TABLE_STAKES), StrEq("table_stakes"));
  EXPECT_THAT(jtbd_band_name(JTBD_BAND_INSUFFICIENT_DATA),
              StrEq("insufficient_data"));
  EXPECT_THAT(jtbd_band_name(8), StrEq("unspecified"));
  EXPECT_THAT(jtbd_band_name(-1), StrEq("unspecified"));
  EXPECT_THAT(jtbd_band_name(INT32_MIN), StrEq("unspecified"));
  EXPECT_THAT(jtbd_band_name(INT32_MAX), StrEq("unspecified"));
}

TEST(BufferTest, NullBufferIsEmpty) {
  EXPECT_EQ(jtbd_buffer_data(nullptr), nullptr);
  EXPECT_EQ(jtbd_buffer_size(nullptr), 0u);
  jtbd_buffer_free(nullptr);  // accepted
}

TEST(BufferTest, TextOutputIsNulTerminated) {
  Study study = MakeSampleStudy();
  jtbd_report* raw_report = nullptr;
  ASSERT_THAT(Result(jtbd_study_score(study.get(), nullptr, &raw_report)),
              IsOk());
  Report report(raw_report);
  for (int32_t format :
       {JTBD_FORMAT_TABLE, JTBD_FORMAT_JSON, JTBD_FORMAT_CSV}) {
    jtbd_buffer* raw = nullptr;
    ASSERT_THAT(Result(jtbd_report_render(report.get(), format, &raw)), IsOk());
    Buffer buffer(raw);
    const char* text = reinterpret_cast<const char*>(jtbd_buffer_data(raw));
    ASSERT_GT(jtbd_buffer_size(raw), 0u) << format;
    EXPECT_EQ(text[jtbd_buffer_size(raw)], '\0') << format;
    EXPECT_EQ(std::strlen(text), jtbd_buffer_size(raw)) << format;
  }
}

}  // namespace
}  // namespace jtbd_test

namespace jtbd_test {
namespace {

// Whether bytes are well-formed UTF-8 (a minimal independent check).
bool IsUtf8(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (lead >= 0x80 && lead < 0xC2) return false;
    if (lead > 0xF4 || i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += length;
  }
  return true;
}

// Found by fuzz_capi_score_request_json (tests/fuzz/regressions): protobuf's
// JSON parser quotes the refused input, so a message could carry NUL bytes
// and ill-formed UTF-8 to the caller, against convention 4.
TEST(ErrorTest, MessagesAreUtf8TextWithoutNulWhateverTheInput) {
  const std::string nul_input("{\0\3", 3);
  const std::string bad_utf8 =
      "{\"study\":{\"outcomes\":[{\"id\":\"a\xff\"}]}}";
  for (const std::string& input : {nul_input, bad_utf8}) {
    jtbd_buffer* out = nullptr;
    Error error(jtbd_score_request_json(input.data(), input.size(), &out));
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(jtbd_error_code(error.get()), JTBD_INVALID_ARGUMENT);
    size_t length = 0;
    const char* text = jtbd_error_message(error.get(), &length);
    const std::string message(text, length);
    EXPECT_EQ(std::strlen(text), length) << message;
    EXPECT_TRUE(IsUtf8(message)) << message;
    EXPECT_FALSE(message.empty());
  }
}

}  // namespace
}  // namespace jtbd_test
