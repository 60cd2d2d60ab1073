// Precision and recall of the force tagger on the labelled notes of
// tests/data/forces (written before the tagger, one note per line:
// expected forces TAB text). A note counts for a force when the tagger
// suggests that force anywhere in it: note-level tags, as a person would
// confirm them.
#include <array>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "forces/force_names.h"
#include "forces/note_tagger.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace forces {
namespace {

struct LabelledNote {
  std::set<int> forces;  // ForceIndex
  std::string text;
};

std::vector<LabelledNote> ReadLabelledNotes(const std::string& name) {
  std::ifstream file(std::string(JTBD_TEST_DATA_DIR) + "/forces/" + name);
  EXPECT_TRUE(file.good()) << name;
  std::vector<LabelledNote> notes;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = absl::StrSplit(line, '\t');
    EXPECT_EQ(fields.size(), 2u) << line;
    if (fields.size() != 2) continue;
    LabelledNote note;
    note.text = fields[1];
    if (fields[0] != "-") {
      for (absl::string_view label : absl::StrSplit(fields[0], ',')) {
        const std::optional<v1::Force> force = ParseForce(label);
        EXPECT_TRUE(force.has_value()) << label;
        if (force) note.forces.insert(ForceIndex(*force));
      }
    }
    notes.push_back(std::move(note));
  }
  return notes;
}

// True/false positives and false negatives per force.
struct Counts {
  std::array<int, kForceCount> tp{}, fp{}, fn{};
};

void Count(const std::set<int>& expected, const std::set<int>& found,
           Counts* counts) {
  for (int f = 0; f < kForceCount; ++f) {
    const bool e = expected.count(f) > 0;
    const bool g = found.count(f) > 0;
    if (e && g) ++counts->tp[f];
    if (!e && g) ++counts->fp[f];
    if (e && !g) ++counts->fn[f];
  }
}

double Ratio(int numerator, int denominator) {
  return denominator == 0 ? 1.0 : static_cast<double>(numerator) / denominator;
}

struct Scores {
  std::array<double, kForceCount> precision{}, recall{};
  double micro_precision = 0, micro_recall = 0;
};

Scores Score(const Counts& c) {
  Scores s;
  int tp = 0, fp = 0, fn = 0;
  for (int f = 0; f < kForceCount; ++f) {
    s.precision[f] = Ratio(c.tp[f], c.tp[f] + c.fp[f]);
    s.recall[f] = Ratio(c.tp[f], c.tp[f] + c.fn[f]);
    tp += c.tp[f];
    fp += c.fp[f];
    fn += c.fn[f];
  }
  s.micro_precision = Ratio(tp, tp + fp);
  s.micro_recall = Ratio(tp, tp + fn);
  return s;
}

TEST(NoteTaggerEvalTest, ScoringAgreesWithAHandCount) {
  // push: expected in notes 1 and 2, found in 1 and 3 -> P 1/2, R 1/2;
  // anxiety: expected in 2, found in 2 -> 1, 1. Micro: tp 2, fp 1, fn 1.
  Counts counts;
  Count({0}, {0}, &counts);
  Count({0, 2}, {2}, &counts);
  Count({}, {0}, &counts);
  const Scores s = Score(counts);
  EXPECT_DOUBLE_EQ(s.precision[0], 0.5);
  EXPECT_DOUBLE_EQ(s.recall[0], 0.5);
  EXPECT_DOUBLE_EQ(s.precision[2], 1.0);
  EXPECT_DOUBLE_EQ(s.recall[2], 1.0);
  EXPECT_DOUBLE_EQ(s.micro_precision, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.micro_recall, 2.0 / 3.0);
}

void Evaluate(const char* file, NoteLanguage language) {
  const std::vector<LabelledNote> notes = ReadLabelledNotes(file);
  ASSERT_GE(notes.size(), 80u);
  Counts counts;
  int detected_right = 0;
  for (const LabelledNote& note : notes) {
    NoteTagOptions options;
    options.language = language;
    const absl::StatusOr<TaggedNote> tagged = TagNote(note.text, options);
    ASSERT_TRUE(tagged.ok()) << tagged.status();
    std::set<int> found;
    for (const ForceSuggestion& s : tagged->suggestions) {
      found.insert(ForceIndex(s.force));
    }
    if (found != note.forces) {
      std::string got;
      for (const ForceSuggestion& s : tagged->suggestions) {
        got += std::string(ForceName(s.force)) + "(" + s.phrase + ") ";
      }
      std::printf("  miss: %s -> %s\n", note.text.c_str(), got.c_str());
    }
    Count(note.forces, found, &counts);
    const absl::StatusOr<TaggedNote> detected =
        TagNote(note.text, NoteTagOptions());
    ASSERT_TRUE(detected.ok());
    if (detected->language == language) ++detected_right;
  }
  const Scores s = Score(counts);
  std::printf("%s (%zu notes): force precision recall\n", file, notes.size());
  for (int f = 0; f < kForceCount; ++f) {
    std::printf("  %-8s %.3f %.3f (tp %d, fp %d, fn %d)\n",
                ForceName(kForces[f]), s.precision[f], s.recall[f],
                counts.tp[f], counts.fp[f], counts.fn[f]);
  }
  std::printf("  micro    %.3f %.3f\n", s.micro_precision, s.micro_recall);
  std::printf("  language detected right: %d of %zu\n", detected_right,
              notes.size());
  EXPECT_GE(s.micro_precision, 0.85);
  EXPECT_GE(s.micro_recall, 0.75);
  EXPECT_GE(detected_right, static_cast<int>(notes.size()) - 2);
}

TEST(NoteTaggerEvalTest, English) {
  Evaluate("notes_en.tsv", NoteLanguage::kEnglish);
}

TEST(NoteTaggerEvalTest, French) {
  Evaluate("notes_fr.tsv", NoteLanguage::kFrench);
}

}  // namespace
}  // namespace forces
}  // namespace jtbd
