#ifndef JTBD_SERVE_TAG_NOTES_ENDPOINT_H_
#define JTBD_SERVE_TAG_NOTES_ENDPOINT_H_

#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "serve/query_params.h"
#include "serve/score_endpoint.h"  // JsonReply, ErrorReply

namespace jtbd {
namespace serve {

// POST /v1/tag-notes, independent of any socket: force tags suggested for
// CRM notes (docs/FORCES.md, "Force tags from notes"), in one
// application/json body:
//   {"notes": ["<note>", ...], "phrases": "<force,phrase lines>"}
// "phrases" optional (the `jtbd tag-notes --phrases` format); any other
// field refused. Query parameter lang: en, fr or auto (the default).
// 200 with the JSON of `jtbd tag-notes --format json` (one item per note,
// in order); 400 for a body that is not that object, a note that is not a
// string ("notes[2]: ..."), a bad phrase list ("phrases:3:1: ..."); 413
// over `limits` (the body's size); 415 for another media type.
JsonReply TagNotes(absl::string_view content_type, absl::string_view body,
                   const QueryParams& params,
                   const ResourceLimits& limits = ResourceLimits());

// Whether TagNotes() reads this Content-Type (application/json,
// parameters such as charset ignored).
bool IsTagNotesMediaType(absl::string_view content_type);

// The 415 reply for any other Content-Type.
JsonReply UnsupportedTagNotesMediaType(absl::string_view content_type);

}  // namespace serve
}  // namespace jtbd

#endif  // JTBD_SERVE_TAG_NOTES_ENDPOINT_H_
