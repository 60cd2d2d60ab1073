#include "forces/note_tagger.h"

#include <string>

#include "forces/note_lexicon.h"
#include "forces/note_phrases.h"
#include "forces/note_tokens.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace forces {
namespace {

TaggedNote Tag(const std::string& note, NoteTagOptions options = {}) {
  absl::StatusOr<TaggedNote> tagged = TagNote(note, options);
  EXPECT_TRUE(tagged.ok()) << tagged.status();
  return tagged.ok() ? *tagged : TaggedNote();
}

TEST(NoteTaggerTest, BuiltinTablesCompileEveryRow) {
  for (const auto* rows : {&EnglishPhraseRows(), &FrenchPhraseRows()}) {
    for (const PhraseRow& row : *rows) {
      const absl::StatusOr<LexiconEntry> entry =
          CompilePhrase(row.force, row.pattern, row.weight);
      EXPECT_TRUE(entry.ok()) << row.pattern << ": " << entry.status();
      EXPECT_GT(row.weight, 0.0);
      EXPECT_LT(row.weight, 1.0);
    }
  }
  EXPECT_EQ(BuiltinLexicon(NoteLanguage::kEnglish).size(),
            EnglishPhraseRows().size());
  EXPECT_EQ(BuiltinLexicon(NoteLanguage::kFrench).size(),
            FrenchPhraseRows().size());
}

TEST(NoteTaggerTest, OffsetsAreBytesOfTheUtf8Note) {
  // "é" is two bytes: "Le DAF est inquiet" -> "inquiet" at bytes 11..18 in
  // "Très inquiet": T r è(2) s space = 6 bytes before "inquiet".
  const TaggedNote tagged = Tag("Très inquiet.");
  ASSERT_EQ(tagged.suggestions.size(), 1u);
  const ForceSuggestion& s = tagged.suggestions[0];
  EXPECT_EQ(s.force, v1::FORCE_ANXIETY);
  EXPECT_EQ(s.start, 6u);
  EXPECT_EQ(s.end, 13u);
  EXPECT_EQ(s.phrase, "inquiet");
  EXPECT_EQ(tagged.language, NoteLanguage::kFrench);
  // The intensifier "très" raises 0.85 to 0.95.
  EXPECT_DOUBLE_EQ(s.confidence, 0.95);
}

TEST(NoteTaggerTest, MultiWordPhraseSpansItsWords) {
  const TaggedNote tagged = Tag("The CFO is fed up with exports.");
  ASSERT_EQ(tagged.suggestions.size(), 1u);
  EXPECT_EQ(tagged.suggestions[0].force, v1::FORCE_PUSH);
  EXPECT_EQ(tagged.suggestions[0].phrase, "fed up");
  EXPECT_EQ(tagged.suggestions[0].start, 11u);
  EXPECT_EQ(tagged.suggestions[0].end, 17u);
  EXPECT_DOUBLE_EQ(tagged.suggestions[0].confidence, 0.85);
}

TEST(NoteTaggerTest, NegationRemovesTheSuggestion) {
  EXPECT_TRUE(Tag("Not worried about the price.").suggestions.empty());
  EXPECT_TRUE(Tag("They aren't worried at all.").suggestions.empty());
  EXPECT_TRUE(Tag("No concerns raised.").suggestions.empty());
  EXPECT_TRUE(
      Tag("Pas inquiet du prix, le budget est validé.").suggestions.empty());
  EXPECT_TRUE(Tag("Aucune inquiétude sur la sécurité.").suggestions.empty());
  // Negation stops at the clause: the worry after the comma stands.
  const TaggedNote tagged = Tag("Not in a hurry, but worried about data.");
  ASSERT_EQ(tagged.suggestions.size(), 1u);
  EXPECT_EQ(tagged.suggestions[0].force, v1::FORCE_ANXIETY);
}

TEST(NoteTaggerTest, FrenchElisionsAndAccents) {
  NoteTagOptions french;
  french.language = NoteLanguage::kFrench;
  // "à l'aise" is written "a le aise" in the lexicon; accents ignored.
  const TaggedNote tagged =
      Tag("Ils sont A L\xE2\x80\x99"
          "AISE avec Excel.",
          french);
  ASSERT_EQ(tagged.suggestions.size(), 1u);
  EXPECT_EQ(tagged.suggestions[0].force, v1::FORCE_HABIT);
  EXPECT_EQ(tagged.suggestions[0].phrase,
            "A L\xE2\x80\x99"
            "AISE");
  // "l'habitude": the elided article is not part of the match.
  const TaggedNote habit = Tag("C'est l'habitude.", french);
  ASSERT_EQ(habit.suggestions.size(), 1u);
  EXPECT_EQ(habit.suggestions[0].phrase, "habitude");
  EXPECT_EQ(habit.suggestions[0].start, 8u);
  // "ne veut pas" negates the verb between.
  EXPECT_TRUE(Tag("Il ne veut pas la démo.", french).suggestions.empty());
}

TEST(NoteTaggerTest, TokensResolveContractions) {
  const std::vector<NoteToken> tokens = TokenizeNote("Don't, qu'il");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].text, "do");
  EXPECT_EQ(tokens[1].text, "not");
  EXPECT_EQ(tokens[1].start, 2u);
  EXPECT_EQ(tokens[1].end, 5u);
  EXPECT_EQ(tokens[2].text, "que");
  EXPECT_TRUE(tokens[2].clause_start);
  EXPECT_EQ(tokens[3].text, "il");
}

TEST(NoteTaggerTest, UserPhrasesAddAndWin) {
  absl::StatusOr<std::vector<LexiconEntry>> phrases = ParseUserPhrases(
      "# ours\npull,single sign-on\r\nhabitude, sur papier\n", "mine.txt");
  ASSERT_TRUE(phrases.ok()) << phrases.status();
  ASSERT_EQ(phrases->size(), 2u);
  NoteTagOptions options;
  options.user_phrases = *phrases;
  const TaggedNote tagged = Tag("Wants single sign-on.", options);
  // "Wants" (built-in pull, 0.5) does not overlap the user's phrase.
  ASSERT_EQ(tagged.suggestions.size(), 2u);
  EXPECT_EQ(tagged.suggestions[0].phrase, "Wants");
  EXPECT_FALSE(tagged.suggestions[0].user_phrase);
  EXPECT_EQ(tagged.suggestions[1].force, v1::FORCE_PULL);
  EXPECT_EQ(tagged.suggestions[1].phrase, "single sign-on");
  EXPECT_TRUE(tagged.suggestions[1].user_phrase);
  EXPECT_DOUBLE_EQ(tagged.suggestions[1].confidence, kUserPhraseWeight);
  const TaggedNote french = Tag("Tout est encore sur papier.", options);
  ASSERT_EQ(french.suggestions.size(), 1u);
  EXPECT_EQ(french.suggestions[0].force, v1::FORCE_HABIT);
}

TEST(NoteTaggerTest, UserPhraseErrorsNameLineAndColumn) {
  EXPECT_EQ(
      ParseUserPhrases("push,slow\nbogus,x\n", "p.txt").status().message(),
      "p.txt:2:1: unknown force \"bogus\" (push, pull, anxiety, habit; "
      "poussée, attraction, anxiété, habitude)");
  EXPECT_EQ(ParseUserPhrases("push slow\n", "p.txt").status().message(),
            "p.txt:1:10: expected \"force,phrase\" (push, pull, anxiety or "
            "habit, a comma, the phrase)");
  EXPECT_EQ(ParseUserPhrases("pull, _ x\n", "p.txt").status().message(),
            "p.txt:1:7: phrase \"_ x\": \"_\" only between words");
  EXPECT_EQ(
      ParseUserPhrases("pull,ok\npull,caf\xC3\n", "p.txt").status().message(),
      "p.txt:2:9: invalid UTF-8");
  EXPECT_EQ(ParseUserPhrases("pull,\n", "p.txt").status().message(),
            "p.txt:1:6: an empty phrase");
}

TEST(NoteTaggerTest, EmptyAndForceLessNotes) {
  EXPECT_TRUE(Tag("").suggestions.empty());
  EXPECT_EQ(Tag("").language, NoteLanguage::kEnglish);
  EXPECT_TRUE(Tag("   ...  ").suggestions.empty());
  EXPECT_TRUE(Tag("Left a voicemail.").suggestions.empty());
}

TEST(NoteTaggerTest, InvalidUtf8IsRefusedWithItsOffset) {
  const absl::StatusOr<TaggedNote> tagged =
      TagNote("worried \xFF", NoteTagOptions());
  ASSERT_FALSE(tagged.ok());
  EXPECT_EQ(tagged.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(tagged.status().message(),
            "byte 8: invalid UTF-8 (a note must be UTF-8 text)");
}

TEST(NoteTaggerTest, HedgeLowersConfidenceAndProtoCarriesIt) {
  const TaggedNote tagged = Tag("Maybe worried about data.");
  ASSERT_EQ(tagged.suggestions.size(), 1u);
  EXPECT_DOUBLE_EQ(tagged.suggestions[0].confidence, 0.7);
  const v1::TaggedNote proto = TaggedNoteToProto(tagged, 4);
  EXPECT_EQ(proto.note_index(), 4u);
  EXPECT_EQ(proto.language(), v1::NOTE_LANGUAGE_ENGLISH);
  ASSERT_EQ(proto.suggestions_size(), 1);
  EXPECT_EQ(proto.suggestions(0).status(), v1::TAG_STATUS_SUGGESTED);
  EXPECT_EQ(proto.suggestions(0).start(), 6u);
  EXPECT_EQ(proto.suggestions(0).end(), 13u);
}

}  // namespace
}  // namespace forces
}  // namespace jtbd
