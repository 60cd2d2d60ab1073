#ifndef JTBD_RENDER_TAGGED_NOTES_RENDER_H_
#define JTBD_RENDER_TAGGED_NOTES_RENDER_H_

#include <string>

#include "jtbd/v1/forces.pb.h"

namespace jtbd {

// Force tags suggested for notes (`jtbd tag-notes`, POST /v1/tag-notes) as
// JSON: {"notes": [...]}, one item per note in order, each
// {"index", "language" ("en"|"fr"), "suggestions": [{"force" (push, pull,
// anxiety, habit), "phrase", "start", "end" (byte offsets in the note's
// UTF-8), "confidence", "suggestion": true}]}. One note per line,
// newline-terminated.
std::string RenderTaggedNotesJson(const v1::TaggedNotes& notes);

// The same as a table for people: one row per suggestion (line, language,
// force, confidence, offsets, phrase), "-" for a note without any.
std::string RenderTaggedNotesTable(const v1::TaggedNotes& notes);

}  // namespace jtbd

#endif  // JTBD_RENDER_TAGGED_NOTES_RENDER_H_
