#include "serve/bearer_token.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;

TEST(ConstantTimeEqualsTest, ComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_FALSE(ConstantTimeEquals("ab", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  // A NUL past the end of the shorter string must not make them equal.
  EXPECT_FALSE(ConstantTimeEquals(absl::string_view("ab\0", 3), "ab"));
}

// Pins the constant-time structure: how many bytes are read depends on the
// presented token's length only, never on where (or whether) it differs.
TEST(ConstantTimeEqualsTest, ReadsEveryByteWhateverTheFirstDifference) {
  const std::string expected = "s3cr3t-t0k3n";
  struct Case {
    std::string presented;
    bool equal;
  };
  const Case cases[] = {
      {"s3cr3t-t0k3n", true},
      {"X3cr3t-t0k3n", false},
      {"s3cr3t-t0k3X", false},
      {"XXXXXXXXXXXX", false},
      {"s3cr3t", false},
      {"s3cr3t-t0k3n-longer", false},
      {"", false},
  };
  for (const Case& c : cases) {
    size_t presented_reads = 0;
    size_t expected_reads = 0;
    const bool equal = internal::ConstantTimeEqualsBy(
        c.presented.size(),
        [&](size_t i) {
          ++presented_reads;
          return c.presented[i];
        },
        expected.size(),
        [&](size_t i) {
          ++expected_reads;
          return expected[i];
        });
    EXPECT_EQ(equal, c.equal) << c.presented;
    EXPECT_EQ(equal, ConstantTimeEquals(c.presented, expected)) << c.presented;
    EXPECT_EQ(presented_reads, c.presented.size()) << c.presented;
    EXPECT_EQ(expected_reads, std::min(c.presented.size(), expected.size()))
        << c.presented;
  }
}

TEST(IsAuthorizedTest, AcceptsOnlyTheBearerToken) {
  EXPECT_TRUE(IsAuthorized("Bearer t0k3n", "t0k3n"));
  EXPECT_TRUE(IsAuthorized("bearer t0k3n", "t0k3n"));
  EXPECT_TRUE(IsAuthorized("BEARER t0k3n", "t0k3n"));
  EXPECT_FALSE(IsAuthorized("Bearer t0k3n2", "t0k3n"));
  EXPECT_FALSE(IsAuthorized("Bearer t0k3", "t0k3n"));
  EXPECT_FALSE(IsAuthorized("Basic t0k3n", "t0k3n"));
  EXPECT_FALSE(IsAuthorized("t0k3n", "t0k3n"));
  EXPECT_FALSE(IsAuthorized("Bearer", "t0k3n"));
  EXPECT_FALSE(IsAuthorized("", "t0k3n"));
  // No token configured never authorizes (the server skips the check then).
  EXPECT_FALSE(IsAuthorized("Bearer ", ""));
}

class TokenFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& content) {
    const std::string path =
        ::testing::TempDir() + "/jtbd_token_" +
        ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
};

TEST_F(TokenFileTest, ReadsTheTokenWithoutTheNewline) {
  absl::StatusOr<std::string> token =
      ReadTokenFile(Write("  abc-DEF_1.2~+/=\n"));
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "abc-DEF_1.2~+/=");
}

TEST_F(TokenFileTest, RefusesEmptyAndMalformedTokens) {
  absl::StatusOr<std::string> empty = ReadTokenFile(Write("\n \n"));
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(empty.status().message()), HasSubstr("is empty"));
  absl::StatusOr<std::string> two_words = ReadTokenFile(Write("ab cd\n"));
  EXPECT_EQ(two_words.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(TokenFileTest, MissingFileIsNotFound) {
  absl::StatusOr<std::string> token =
      ReadTokenFile(::testing::TempDir() + "/jtbd_no_such_token_file");
  EXPECT_EQ(token.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(token.status().message()),
              HasSubstr("jtbd_no_such_token_file"));
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
