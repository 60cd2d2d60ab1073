#include "io/saved_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/outcome.h"
#include "core/scale.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "io/atomic_file.h"
#include "io/crc32c.h"
#include "io/source_position.h"

namespace jtbd {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// ----------------------------------------------------------------- CRC-32C

TEST(Crc32cTest, MatchesTheRfc3720TestVectors) {
  // RFC 3720 appendix B.4.
  EXPECT_EQ(Crc32c(std::string(32, '\0')), 0x8A9136AAu);
  EXPECT_EQ(Crc32c(std::string(32, '\xFF')), 0x62A8AB43u);
  std::string ascending;
  std::string descending;
  for (int i = 0; i < 32; ++i) {
    ascending.push_back(static_cast<char>(i));
    descending.push_back(static_cast<char>(31 - i));
  }
  EXPECT_EQ(Crc32c(ascending), 0x46DD794Eu);
  EXPECT_EQ(Crc32c(descending), 0x113FDB5Cu);
  // The usual check value.
  EXPECT_EQ(Crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(Crc32c(""), 0u);
}

TEST(Crc32cTest, ExtendingEqualsOneChecksumOverEverySplit) {
  std::string text;
  for (int i = 0; i < 100; ++i) text.push_back(static_cast<char>(i * 37 + 5));
  const uint32_t whole = Crc32c(text);
  for (size_t split = 0; split <= text.size(); ++split) {
    const absl::string_view view(text);
    EXPECT_EQ(ExtendCrc32c(Crc32c(view.substr(0, split)), view.substr(split)),
              whole)
        << split;
  }
}

// ------------------------------------------------------------- Envelope

std::string Content() { return std::string("some \0 content", 14); }

TEST(SavedFileTest, HeaderLayoutIsTheDocumentedOne) {
  const std::string file =
      EncodeSavedFile(SavedFileKind::kAggregate, Content());
  ASSERT_EQ(file.size(), kSavedFileHeaderSize + 14);
  EXPECT_EQ(file.substr(0, 8), std::string("\x89JTBD\r\n\x1a", 8));
  EXPECT_EQ(file.substr(8, 4), std::string("\x01\0\0\0", 4));   // format 1
  EXPECT_EQ(file.substr(12, 4), std::string("\x02\0\0\0", 4));  // aggregate
  EXPECT_EQ(file.substr(16, 8), std::string("\x0e\0\0\0\0\0\0\0", 8));
  const uint32_t content_crc = Crc32c(Content());
  std::string crc;
  for (int i = 0; i < 4; ++i) crc.push_back(char((content_crc >> 8 * i) & 255));
  EXPECT_EQ(file.substr(24, 4), crc);
  EXPECT_EQ(file.substr(32), Content());
  absl::StatusOr<absl::string_view> content =
      DecodeSavedFile(file, SavedFileKind::kAggregate, "a.jtbd");
  ASSERT_TRUE(content.ok()) << content.status();
  EXPECT_EQ(*content, Content());
}

// Rewrites the header checksum after a deliberate header edit.
void ResealHeader(std::string* file) {
  const uint32_t crc = Crc32c(absl::string_view(*file).substr(0, 28));
  for (int i = 0; i < 4; ++i) (*file)[28 + i] = char((crc >> 8 * i) & 255);
}

absl::Status Decode(const std::string& file,
                    SavedFileKind kind = SavedFileKind::kStudy) {
  return DecodeSavedFile(file, kind, "s.jtbd").status();
}

TEST(SavedFileTest, RefusesWhatIsNotAJtbdFile) {
  for (const std::string& bytes :
       {std::string(), std::string("respondent_id,imp_o1\n"),
        std::string("\x89PNG\r\n\x1a\n", 8)}) {
    absl::Status status = Decode(bytes);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bytes;
    EXPECT_THAT(std::string(status.message()),
                StartsWith("s.jtbd: not a jtbd study file"));
  }
}

TEST(SavedFileTest, RefusesATruncatedFileAtEveryLength) {
  const std::string file = EncodeSavedFile(SavedFileKind::kStudy, Content());
  for (size_t size = 1; size < file.size(); ++size) {
    absl::Status status = Decode(file.substr(0, size));
    EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss) << size;
    EXPECT_THAT(std::string(status.message()), HasSubstr("truncated")) << size;
  }
  absl::Status status = Decode(file.substr(0, 40));
  EXPECT_EQ(status.message(),
            "s.jtbd: truncated: the header announces 14 bytes of content, 8 "
            "are present");
}

TEST(SavedFileTest, RefusesEveryFlippedBit) {
  const std::string file = EncodeSavedFile(SavedFileKind::kStudy, Content());
  for (size_t byte = 0; byte < file.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string corrupt = file;
      corrupt[byte] = static_cast<char>(corrupt[byte] ^ (1 << bit));
      absl::Status status = Decode(corrupt);
      EXPECT_FALSE(status.ok()) << byte << ":" << bit;
      if (byte >= 8) {
        EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss)
            << byte << ":" << bit << " " << status;
        EXPECT_THAT(std::string(status.message()), HasSubstr("corrupt"));
      }
    }
  }
}

TEST(SavedFileTest, RefusesBytesAfterTheContent) {
  std::string file = EncodeSavedFile(SavedFileKind::kStudy, Content());
  file += "xy";
  EXPECT_EQ(Decode(file).message(),
            "s.jtbd: 2 unexpected bytes after the content the header "
            "announces");
}

TEST(SavedFileTest, RefusesANewerFormatAsAPrecondition) {
  std::string file = EncodeSavedFile(SavedFileKind::kStudy, Content());
  file[8] = 2;
  ResealHeader(&file);
  absl::Status status = Decode(file);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(),
            "s.jtbd: written by a newer jtbd (file format 2; this library "
            "reads format 1): upgrade jtbd to read it");
}

TEST(SavedFileTest, RefusesAnotherKind) {
  const std::string file =
      EncodeSavedFile(SavedFileKind::kSegmentModel, Content());
  absl::Status status = Decode(file, SavedFileKind::kStudy);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "s.jtbd: holds a segment model, not a study");
  std::string unknown = file;
  unknown[12] = 9;
  ResealHeader(&unknown);
  EXPECT_EQ(Decode(unknown).message(),
            "s.jtbd: holds an unknown kind of content (9), not a study");
}

// ------------------------------------------------------------ Atomic write

class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern =
        absl::StrCat(::testing::TempDir(), "/jtbd_saved_XXXXXX");
    path_ = mkdtemp(pattern.data());
  }
  ~TemporaryDirectory() {
    std::string command = absl::StrCat("rm -rf '", path_, "'");
    EXPECT_EQ(std::system(command.c_str()), 0);
  }
  std::string File(absl::string_view name) const {
    return absl::StrCat(path_, "/", name);
  }
  // Names in the directory, sorted.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    std::string command = absl::StrCat("ls -A '", path_, "'");
    FILE* pipe = popen(command.c_str(), "r");
    char line[4096];
    while (pipe != nullptr && fgets(line, sizeof(line), pipe) != nullptr) {
      std::string name(line);
      if (!name.empty() && name.back() == '\n') name.pop_back();
      names.push_back(name);
    }
    if (pipe != nullptr) pclose(pipe);
    return names;
  }

 private:
  std::string path_;
};

TEST(AtomicFileTest, WritesAndReplacesLeavingNoTemporaryFile) {
  TemporaryDirectory directory;
  const std::string path = directory.File("out.bin");
  ASSERT_TRUE(WriteFileAtomically(path, "first").ok());
  ASSERT_TRUE(WriteFileAtomically(path, std::string("second\0!", 8)).ok());
  absl::StatusOr<std::string> bytes = ReadWholeFile(path);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, std::string("second\0!", 8));
  EXPECT_EQ(directory.Names(), std::vector<std::string>{"out.bin"});
  struct stat info;
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  const mode_t mask = umask(0);
  umask(mask);
  EXPECT_EQ(info.st_mode & 0777, 0666 & ~mask);
}

TEST(AtomicFileTest, AFailureLeavesTheOldFileAndNoTemporaryFile) {
  TemporaryDirectory directory;
  // The target is a non-empty directory: rename fails after the write.
  const std::string path = directory.File("target");
  ASSERT_EQ(mkdir(path.c_str(), 0755), 0);
  ASSERT_TRUE(WriteFileAtomically(path + "/inside", "x").ok());
  absl::Status status = WriteFileAtomically(path, "new");
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(std::string(status.message()),
              StartsWith(path + ": cannot replace"));
  EXPECT_EQ(directory.Names(), std::vector<std::string>{"target"});

  const std::string missing = directory.File("no/such/dir/file");
  status = WriteFileAtomically(missing, "x");
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(status.message()), StartsWith(missing + ": "));
}

// ------------------------------------------------ Studies, aggregates, models

// The fixture the golden files hold: every kind of content a study has.
Study GoldenStudy() {
  Study study(*Scale::Make(1, 5, 4));
  EXPECT_TRUE(study.AddOutcome({"o1", "Minimize the time to cut", "cut"}).ok());
  EXPECT_TRUE(study.AddOutcome({"o2", "Minimize waste", ""}).ok());
  EXPECT_TRUE(study.AddOutcome({"o3", "", ""}).ok());
  const std::vector<std::string> ids = {"r1", "r2", "r3", "r4", "r5"};
  for (const std::string& id : ids) EXPECT_TRUE(study.AddRespondent(id).ok());
  EXPECT_TRUE(study.SetAttribute(0, "role", "carpenter").ok());
  EXPECT_TRUE(study.SetAttribute(1, "role", "hobbyist").ok());
  EXPECT_TRUE(study.SetAttribute(3, "size", "large").ok());
  EXPECT_TRUE(study.SetWeight(2, 2.5).ok());
  const std::vector<uint32_t> respondents = {0, 0, 0, 1, 1, 2, 3, 4, 4};
  const std::vector<uint32_t> outcomes = {0, 1, 2, 0, 2, 1, 0, 0, 1};
  const std::vector<uint8_t> importance = {5, 4, 0, 3, 5, 1, 4, 5, 2};
  const std::vector<uint8_t> satisfaction = {2, 0, 3, 3, 1, 5, 4, 1, 2};
  EXPECT_TRUE(
      study.AddAnswers({respondents, outcomes, importance, satisfaction}).ok());
  return study;
}

SegmentModel GoldenModel() {
  SegmentModel::Parts parts;
  parts.scale = *Scale::Make(1, 5, 4);
  parts.outcome_ids = {"o1", "o2"};
  parts.means = {10, 5};
  parts.standard_deviations = {8, 4};
  parts.centroids = segments::FeatureMatrix(2, 2);
  parts.centroids.values = {1, 0.5, -1, -0.5};
  parts.seed = 42;
  parts.starts = 25;
  parts.inertia = 12.5;
  absl::StatusOr<SegmentModel> model = SegmentModel::Create(std::move(parts));
  EXPECT_TRUE(model.ok()) << model.status();
  return *std::move(model);
}

std::string Golden(absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/saved/", name);
}

// JTBD_WRITE_GOLDEN=1 writes the golden files of the current format
// version (kSavedFileFormatVersion) when they do not exist yet: a new format
// writes new files, and the files of every released format stay in the tree
// as they were (tests/data/saved/SHA256SUMS, checked by ctest
// saved_golden_files_unchanged, shows any rewrite in review).
TEST(GoldenFileTest, WriteOnRequest) {
  if (std::getenv("JTBD_WRITE_GOLDEN") == nullptr) GTEST_SKIP();
  const std::string version = absl::StrCat("_v", kSavedFileFormatVersion);
  const std::string study = Golden("study" + version + ".jtbd");
  const std::string aggregate = Golden("aggregate" + version + ".jtbd");
  const std::string model = Golden("segment_model" + version + ".jtbd");
  for (const std::string& path : {study, aggregate, model}) {
    ASSERT_NE(access(path.c_str(), F_OK), 0)
        << path << " exists: golden files are never rewritten";
  }
  ASSERT_TRUE(SaveStudyFile(GoldenStudy(), study).ok());
  ASSERT_TRUE(SaveAggregateFile(GoldenStudy().ToAggregate(), aggregate).ok());
  ASSERT_TRUE(SaveSegmentModelFile(GoldenModel(), model).ok());
}

TEST(GoldenFileTest, FormatOneFilesLoad) {
  absl::StatusOr<Study> study = LoadStudyFile(Golden("study_v1.jtbd"));
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_TRUE(
      MessageDifferencer::Equals(study->ToProto(), GoldenStudy().ToProto()));
  EXPECT_EQ(study->weight(2), 2.5);
  EXPECT_EQ(study->importance(4, 0), 5);
  EXPECT_EQ(study->satisfaction(4, 0), 1);

  absl::StatusOr<Aggregate> aggregate =
      LoadAggregateFile(Golden("aggregate_v1.jtbd"));
  ASSERT_TRUE(aggregate.ok()) << aggregate.status();
  EXPECT_TRUE(MessageDifferencer::Equals(
      aggregate->ToProto(), GoldenStudy().ToAggregate().ToProto()));

  absl::StatusOr<SegmentModel> model =
      LoadSegmentModelFile(Golden("segment_model_v1.jtbd"));
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_TRUE(
      MessageDifferencer::Equals(model->ToProto(), GoldenModel().ToProto()));
  EXPECT_EQ(model->k(), 2u);
}

TEST(SavedFileTest, StudyAggregateAndModelRoundTrip) {
  TemporaryDirectory directory;
  const std::string path = directory.File("study.jtbd");
  ASSERT_TRUE(SaveStudyFile(GoldenStudy(), path).ok());
  absl::StatusOr<Study> study = LoadStudyFile(path);
  ASSERT_TRUE(study.ok()) << study.status();
  EXPECT_TRUE(
      MessageDifferencer::Equals(study->ToProto(), GoldenStudy().ToProto()));

  // A study file is not an aggregate, and says so.
  absl::StatusOr<Aggregate> wrong = LoadAggregateFile(path);
  EXPECT_EQ(wrong.status().message(),
            absl::StrCat(path, ": holds a study, not an aggregate"));
}

TEST(SavedFileTest, LoadErrorsNameTheFile) {
  TemporaryDirectory directory;
  const std::string missing = directory.File("missing.jtbd");
  absl::StatusOr<Study> study = LoadStudyFile(missing);
  EXPECT_EQ(study.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(study.status().message()), HasSubstr(missing));

  // A well-sealed file whose content the core refuses: the core's message
  // (naming the field) after the path.
  v1::SegmentModel bad = GoldenModel().ToProto();
  bad.set_format_version(99);
  const std::string path = directory.File("bad.jtbd");
  ASSERT_TRUE(
      WriteFileAtomically(path, EncodeSavedFile(SavedFileKind::kSegmentModel,
                                                bad.SerializeAsString()))
          .ok());
  absl::StatusOr<SegmentModel> model = LoadSegmentModelFile(path);
  EXPECT_FALSE(model.ok());
  EXPECT_THAT(std::string(model.status().message()), StartsWith(path + ": "));
  EXPECT_THAT(std::string(model.status().message()), HasSubstr("99"));

  // Checksummed garbage: sealed correctly, but not a study.
  ASSERT_TRUE(WriteFileAtomically(
                  path, EncodeSavedFile(SavedFileKind::kStudy, "\xff\xff\xff"))
                  .ok());
  study = LoadStudyFile(path);
  EXPECT_EQ(study.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(study.status().message()),
              HasSubstr("does not parse"));
}

}  // namespace
}  // namespace jtbd
