// jtbd::TagNote, the C++ layer over jtbd_tag_note.
#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

TEST(CppTaggerTest, TagNote) {
  const jtbd::TaggedNote note =
      jtbd::TagNote("The CFO is worried; not frustrated.");
  EXPECT_EQ(note.language, jtbd::NoteLanguage::kEnglish);
  ASSERT_EQ(note.suggestions.size(), 1u);
  EXPECT_EQ(note.suggestions[0].force, "anxiety");
  EXPECT_EQ(note.suggestions[0].phrase, "worried");
  EXPECT_EQ(note.suggestions[0].start, 11u);
  EXPECT_EQ(note.suggestions[0].end, 18u);
  EXPECT_DOUBLE_EQ(note.suggestions[0].confidence, 0.85);
  EXPECT_TRUE(note.suggestions[0].suggestion);
}

TEST(CppTaggerTest, FrenchAndUserPhrases) {
  const jtbd::TaggedNote note = jtbd::TagNote(
      "Tout est sur papier.", jtbd::NoteLanguage::kFrench, "habit,sur papier");
  EXPECT_EQ(note.language, jtbd::NoteLanguage::kFrench);
  ASSERT_EQ(note.suggestions.size(), 1u);
  EXPECT_EQ(note.suggestions[0].force, "habit");
  EXPECT_TRUE(note.suggestions[0].user_phrase);
}

TEST(CppTaggerTest, ErrorsThrow) {
  try {
    jtbd::TagNote("ok", jtbd::NoteLanguage::kDetect, "nonsense");
    FAIL() << "no throw";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_EQ(error.message(),
              "<phrases>:1:9: expected \"force,phrase\" (push, pull, anxiety "
              "or habit, a comma, the phrase)");
  }
}

}  // namespace
