// Force tags suggested for a note through the C ABI (jtbd_tag_note): the
// suggestions with their byte offsets, the language, the caller's phrase
// list, and the refusals (convention 2, 6, 8, 11).
#include <cstring>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

struct TaggedNoteDestroy {
  void operator()(jtbd_tagged_note* n) const { jtbd_tagged_note_destroy(n); }
};
using TaggedNote = std::unique_ptr<jtbd_tagged_note, TaggedNoteDestroy>;

jtbd_force_suggestion EmptySuggestion() {
  jtbd_force_suggestion s;
  std::memset(&s, 0, sizeof(s));
  s.struct_size = sizeof(s);
  return s;
}

TaggedNote Tag(const std::string& text, int32_t language = 0,
               const std::string& phrases = "") {
  jtbd_tagged_note* raw = nullptr;
  EXPECT_THAT(Result(jtbd_tag_note(language, phrases.data(), phrases.size(),
                                   text.data(), text.size(), &raw)),
              IsOk());
  return TaggedNote(raw);
}

TEST(TaggerTest, SuggestionsWithByteOffsets) {
  // "Très " is 6 bytes; "inquiète" 9 (two accents); 0.85 + 0.1 (très).
  const TaggedNote note = Tag("Très inquiète.");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(jtbd_tagged_note_language(note.get()), JTBD_NOTE_LANGUAGE_FRENCH);
  ASSERT_EQ(jtbd_tagged_note_suggestion_count(note.get()), 1u);
  jtbd_force_suggestion s = EmptySuggestion();
  ASSERT_THAT(Result(jtbd_tagged_note_suggestion(note.get(), 0, &s)), IsOk());
  EXPECT_EQ(s.force, 3);  // jtbd.v1.FORCE_ANXIETY
  EXPECT_EQ(s.status, JTBD_TAG_STATUS_SUGGESTED);
  EXPECT_EQ(std::string(s.phrase, s.phrase_len), "inquiète");
  EXPECT_EQ(s.phrase[s.phrase_len], '\0');
  EXPECT_EQ(s.start, 6u);
  EXPECT_EQ(s.end, 15u);
  EXPECT_DOUBLE_EQ(s.confidence, 0.95);
  EXPECT_EQ(s.user_phrase, 0u);
}

TEST(TaggerTest, LanguageGivenAndUserPhrases) {
  const TaggedNote note =
      Tag("Wants SSO badly.", JTBD_NOTE_LANGUAGE_ENGLISH, "pull,sso\n");
  ASSERT_EQ(jtbd_tagged_note_suggestion_count(note.get()), 2u);
  jtbd_force_suggestion s = EmptySuggestion();
  ASSERT_THAT(Result(jtbd_tagged_note_suggestion(note.get(), 1, &s)), IsOk());
  EXPECT_EQ(std::string(s.phrase, s.phrase_len), "SSO");
  EXPECT_EQ(s.user_phrase, 1u);
  EXPECT_EQ(s.force, 2);
  EXPECT_DOUBLE_EQ(s.confidence, 0.8);
}

TEST(TaggerTest, EmptyNoteHasNoSuggestion) {
  jtbd_tagged_note* raw = nullptr;
  ASSERT_THAT(Result(jtbd_tag_note(0, nullptr, 0, nullptr, 0, &raw)), IsOk());
  TaggedNote note(raw);
  EXPECT_EQ(jtbd_tagged_note_suggestion_count(raw), 0u);
  EXPECT_EQ(jtbd_tagged_note_language(raw), JTBD_NOTE_LANGUAGE_ENGLISH);
  EXPECT_EQ(jtbd_tagged_note_suggestion_count(nullptr), 0u);
  EXPECT_EQ(jtbd_tagged_note_language(nullptr), 0);
}

TEST(TaggerTest, Refusals) {
  jtbd_tagged_note* raw = nullptr;
  const std::string bad = "worried \xFF";
  EXPECT_THAT(
      Result(jtbd_tag_note(0, nullptr, 0, bad.data(), bad.size(), &raw)),
      FailsWith(JTBD_INVALID_ARGUMENT, "byte 8: invalid UTF-8"));
  EXPECT_EQ(raw, nullptr);
  const std::string phrases = "push,ok\nworry,x\n";
  EXPECT_THAT(
      Result(jtbd_tag_note(0, phrases.data(), phrases.size(), "a", 1, &raw)),
      FailsWith(JTBD_INVALID_ARGUMENT,
                "<phrases>:2:1: unknown force \"worry\""));
  EXPECT_THAT(Result(jtbd_tag_note(7, nullptr, 0, "a", 1, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "language 7"));
  EXPECT_THAT(Result(jtbd_tag_note(0, nullptr, 0, "a", 1, nullptr)),
              FailsWith(JTBD_INVALID_ARGUMENT, "out is NULL"));
  EXPECT_THAT(Result(jtbd_tag_note(0, nullptr, 0, nullptr, 3, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "text is NULL"));
  EXPECT_EQ(raw, nullptr);

  const TaggedNote note = Tag("worried");
  jtbd_force_suggestion s = EmptySuggestion();
  EXPECT_THAT(Result(jtbd_tagged_note_suggestion(note.get(), 1, &s)),
              FailsWith(JTBD_OUT_OF_RANGE, "index 1"));
  s.struct_size = 8;
  EXPECT_THAT(Result(jtbd_tagged_note_suggestion(note.get(), 0, &s)),
              FailsWith(JTBD_INVALID_ARGUMENT, "struct_size"));
}

TEST(TaggerTest, SerializeGivesTheTaggedNoteMessage) {
  const TaggedNote note = Tag("worried");
  jtbd_buffer* raw = nullptr;
  ASSERT_THAT(Result(jtbd_tagged_note_serialize(note.get(), &raw)), IsOk());
  Buffer buffer(raw);
  // field 2 (language) = 1; field 3 (suggestions), length-delimited.
  const std::string bytes(reinterpret_cast<const char*>(jtbd_buffer_data(raw)),
                          jtbd_buffer_size(raw));
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes[0], 0x10);
  EXPECT_EQ(bytes[1], 0x01);
  EXPECT_EQ(bytes[2], 0x1A);
}

}  // namespace
}  // namespace jtbd_test
