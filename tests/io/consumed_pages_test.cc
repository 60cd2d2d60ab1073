// Reading a survey file releases the pages it has read past
// (io/consumed_pages.h): what a read gives must not depend on it. Each file
// here is read from disk (mapped, pages released every 512 KiB) and from
// memory (never released), and the two results must be equal, refusals
// included (the chunked UTF-8 check, a quote found by a part's window).
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/aggregate.h"
#include "core/study.h"
#include "gtest/gtest.h"
#include "io/consumed_pages.h"
#include "io/source_position.h"
#include "io/survey_reader.h"

namespace jtbd {
namespace {

// About 4 MB: 25,000 rows of 40 outcomes, 2 % blank cells.
std::string WideText(int rows = 25000) {
  std::mt19937 rng(7);
  std::string text = "respondent_id,segment";
  for (int o = 0; o < 40; ++o) absl::StrAppend(&text, ",imp_o", o, ",sat_o", o);
  text += '\n';
  for (int r = 0; r < rows; ++r) {
    absl::StrAppend(&text, "r", r, r % 3 == 0 ? ",field" : ",office");
    for (int c = 0; c < 80; ++c) {
      text += ',';
      if (rng() % 50 != 0) text += static_cast<char>('1' + rng() % 5);
    }
    text += '\n';
  }
  return text;
}

std::string Written(const std::string& text, const std::string& name) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The file read (mapped) and the same bytes read from memory agree: the
// aggregate, the segmented aggregates and the study, or the same refusal.
void ExpectFileReadsLikeBytes(const std::string& text,
                              const std::string& name) {
  const std::string path = Written(text, name);
  const absl::StatusOr<Aggregate> from_file =
      ReadSurveyCsvFileAggregate(path, ReadOptions());
  const absl::StatusOr<Aggregate> from_bytes =
      ReadSurveyCsvAggregate(text, path, ReadOptions());
  ASSERT_EQ(from_file.status(), from_bytes.status());
  if (from_file.ok()) {
    EXPECT_EQ(from_file->ToProto().SerializeAsString(),
              from_bytes->ToProto().SerializeAsString());
  }
  const absl::StatusOr<Study> study_file =
      ReadSurveyCsvFile(path, ReadOptions());
  const absl::StatusOr<Study> study_bytes =
      ReadSurveyCsv(text, path, ReadOptions());
  ASSERT_EQ(study_file.status(), study_bytes.status());
  if (study_file.ok()) {
    EXPECT_EQ(study_file->ToProto().SerializeAsString(),
              study_bytes->ToProto().SerializeAsString());
  }
  const absl::StatusOr<SegmentedAggregate> segments_file =
      ReadSurveyCsvFileSegmentedAggregate(path, ReadOptions(), "segment");
  const absl::StatusOr<SegmentedAggregate> segments_bytes =
      ReadSurveyCsvSegmentedAggregate(text, path, ReadOptions(), "segment");
  ASSERT_EQ(segments_file.status(), segments_bytes.status());
  std::remove(path.c_str());
}

TEST(ConsumedPagesTest, ReleasedPagesReadBackUnchanged) {
  const std::string text = WideText(8000);
  const std::string path = Written(text, "released.csv");
  absl::StatusOr<FileBytes> file = FileBytes::Open(path);
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_TRUE(file->mapped());
  ConsumedPages pages(file->bytes(), /*mapped=*/true, 1);
  for (size_t at = 0; at <= text.size(); at += 4096) pages.ReadUpTo(at);
  pages.ReadUpTo(text.size());
  EXPECT_EQ(file->bytes(), text);
  std::remove(path.c_str());
}

TEST(ConsumedPagesTest, BytesNotMappedAreNeverReleased) {
  std::string text(3 * ConsumedPages::kStep, 'x');
  ConsumedPages pages(text, /*mapped=*/false, 0);
  pages.ReadUpTo(text.size());
  EXPECT_EQ(text, std::string(3 * ConsumedPages::kStep, 'x'));
}

TEST(ConsumedPagesTest, PlainFileReadsLikeBytes) {
  ExpectFileReadsLikeBytes(WideText(), "plain.csv");
}

TEST(ConsumedPagesTest, InvalidUtf8LateInTheFile) {
  std::string text = WideText();
  // Near the end, past several released chunks: the same line and column.
  const size_t at = text.rfind("\nr24000,") + 3;
  text[at] = '\xC3';
  ExpectFileReadsLikeBytes(text, "utf8.csv");
  // A sequence cut by the end of a chunk would be cut by a line break,
  // never valid: still the same refusal.
  const size_t line = text.find('\n', ConsumedPages::kStep);
  text[line - 1] = '\xE2';
  ExpectFileReadsLikeBytes(text, "utf8_chunk.csv");
}

TEST(ConsumedPagesTest, QuoteLateInAPart) {
  std::string text = WideText();
  const size_t at = text.rfind("\nr24900,") + 1;
  text.replace(at, 6, "\"r24900\"");
  ExpectFileReadsLikeBytes(text, "quote.csv");
}

TEST(ConsumedPagesTest, RepeatedIdAcrossTheFile) {
  std::string text = WideText();
  const size_t at = text.rfind("\nr24999,") + 1;
  text.replace(at, 6, "r5");
  ExpectFileReadsLikeBytes(text, "repeat.csv");
}

}  // namespace
}  // namespace jtbd
