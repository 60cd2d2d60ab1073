#include "io/utf8.h"

#include <cstring>
#include <memory>
#include <string>

#include "gtest/gtest.h"

namespace jtbd {
namespace {

constexpr size_t kValid = absl::string_view::npos;

TEST(FindInvalidUtf8Test, AcceptsWellFormedText) {
  EXPECT_EQ(FindInvalidUtf8(""), kValid);
  EXPECT_EQ(FindInvalidUtf8("plain ASCII, long enough for the fast path"),
            kValid);
  EXPECT_EQ(FindInvalidUtf8("caf\xC3\xA9"), kValid);       // U+00E9
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82\xAC 5"), kValid);    // U+20AC
  EXPECT_EQ(FindInvalidUtf8("\xED\x9F\xBF"), kValid);      // U+D7FF
  EXPECT_EQ(FindInvalidUtf8("\xEE\x80\x80"), kValid);      // U+E000
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98\x80"), kValid);  // U+1F600
  EXPECT_EQ(FindInvalidUtf8("\xF4\x8F\xBF\xBF"), kValid);  // U+10FFFF
  EXPECT_EQ(FindInvalidUtf8(std::string("nul\0inside", 10)), kValid);
}

TEST(FindInvalidUtf8Test, RejectsOverlongForms) {
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);  // '/' in two bytes
  EXPECT_EQ(FindInvalidUtf8("\xC1\xBF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("ab\xE0\x80\xAF"), 2u);    // '/' in three bytes
  EXPECT_EQ(FindInvalidUtf8("\xE0\x9F\xBF"), 0u);      // U+07FF in three
  EXPECT_EQ(FindInvalidUtf8("\xF0\x8F\xBF\xBF"), 0u);  // U+FFFF in four
}

TEST(FindInvalidUtf8Test, RejectsSurrogatesAndBeyondU10FFFF) {
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);     // U+D800
  EXPECT_EQ(FindInvalidUtf8("x\xED\xBF\xBF"), 1u);     // U+DFFF
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // U+110000
  EXPECT_EQ(FindInvalidUtf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xFF"), 0u);
}

TEST(FindInvalidUtf8Test, RejectsTruncatedAndStraySequences) {
  EXPECT_EQ(FindInvalidUtf8("abc\xC3"), 3u);  // cut at the end
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82"), 0u);
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82x"), 0u);  // cut by ASCII
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98"), 0u);
  EXPECT_EQ(FindInvalidUtf8("ok\x80"), 2u);        // lone continuation
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA9\xA9"), 2u);  // one too many
}

TEST(FindInvalidUtf8Test, ReportsTheFirstOffsetPastTheAsciiFastPath) {
  const std::string text =
      "0123456789abcdefghij\xC3\xA9klmnopqrstuvwxyz\xFEtail\xFF";
  EXPECT_EQ(FindInvalidUtf8(text), 38u);
  EXPECT_FALSE(IsValidUtf8(text));
  EXPECT_TRUE(IsValidUtf8(absl::string_view(text).substr(0, 38)));
}

TEST(FindInvalidUtf8Test, AsciiEndingOnAWordBoundaryReadsNothingPastTheEnd) {
  // Exactly the bytes, no terminator after them (a std::string has one):
  // ASan and the fuzz targets catch a read of byte `size`. The fast path
  // used to read it when the text was ASCII in whole 32-byte blocks.
  for (size_t size : {8u, 32u, 64u, 96u}) {
    std::unique_ptr<char[]> bytes(new char[size]);
    std::memset(bytes.get(), 'a', size);
    EXPECT_EQ(FindInvalidUtf8(absl::string_view(bytes.get(), size)), kValid)
        << size;
  }
}

}  // namespace
}  // namespace jtbd
