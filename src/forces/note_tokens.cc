#include "forces/note_tokens.h"

#include <cstdint>

#include "io/text_normalize.h"

namespace jtbd {
namespace forces {

namespace {

enum class CharKind { kWord, kApostrophe, kClauseBreak, kSpace };

uint32_t DecodeAt(const unsigned char* bytes, size_t size, size_t i,
                  size_t* length) {
  const unsigned char c = bytes[i];
  if (c < 0x80) {
    *length = 1;
    return c;
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (i + n > size) n = size - i;
  *length = n;
  uint32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (bytes[i + k] & 0x3F);
  return cp;
}

CharKind Classify(uint32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
        (cp >= '0' && cp <= '9')) {
      return CharKind::kWord;
    }
    if (cp == '\'') return CharKind::kApostrophe;
    switch (cp) {
      case '.':
      case ',':
      case ';':
      case ':':
      case '!':
      case '?':
      case '(':
      case ')':
      case '[':
      case ']':
      case '"':
      case '/':
        return CharKind::kClauseBreak;
      default:
        return CharKind::kSpace;  // hyphens join nothing: "e-mail" = e mail
    }
  }
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
    return CharKind::kApostrophe;
  }
  // Guillemets, dashes, ellipsis end a clause; other punctuation and
  // spaces separate words.
  if (cp == 0xAB || cp == 0xBB || cp == 0x2013 || cp == 0x2014 ||
      cp == 0x2026 || cp == 0x201C || cp == 0x201D) {
    return CharKind::kClauseBreak;
  }
  if (cp == 0xA0 || cp == 0xD7 || cp == 0xF7 ||
      (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 ||
      (cp >= 0xA1 && cp <= 0xBF)) {
    return CharKind::kSpace;
  }
  return CharKind::kWord;  // letters of any script, accented or not
}

// French elided articles and pronouns, and the full word each stands for.
const char* ElisionWord(absl::string_view prefix) {
  static const struct {
    const char* elided;
    const char* full;
  } kElisions[] = {
      {"l", "le"},          {"d", "de"},           {"qu", "que"},
      {"n", "ne"},          {"j", "je"},           {"s", "se"},
      {"c", "ce"},          {"m", "me"},           {"t", "te"},
      {"jusqu", "jusque"},  {"lorsqu", "lorsque"}, {"puisqu", "puisque"},
      {"quoiqu", "quoique"}};
  for (const auto& e : kElisions) {
    if (prefix == e.elided) return e.full;
  }
  return nullptr;
}

bool IsEnglishClitic(absl::string_view suffix) {
  return suffix == "s" || suffix == "re" || suffix == "ve" || suffix == "ll" ||
         suffix == "d" || suffix == "m";
}

}  // namespace

std::vector<NoteToken> TokenizeNote(absl::string_view note) {
  std::vector<NoteToken> tokens;
  const auto* bytes = reinterpret_cast<const unsigned char*>(note.data());
  const size_t size = note.size();
  bool clause_pending = true;
  // The current word, as pieces split at apostrophes.
  struct Piece {
    size_t start, end;
  };
  std::vector<Piece> pieces;
  size_t piece_start = 0;
  bool in_piece = false;
  std::vector<size_t> apostrophe_ends;  // byte after each apostrophe

  auto push = [&](std::string text, size_t start, size_t end) {
    if (text.empty()) return;
    NoteToken token;
    token.text = std::move(text);
    token.start = start;
    token.end = end;
    token.clause_start = clause_pending;
    clause_pending = false;
    tokens.push_back(std::move(token));
  };
  auto flush_word = [&]() {
    if (pieces.empty()) {
      apostrophe_ends.clear();
      return;
    }
    // pieces[k].end for all but the last is set at its apostrophe.
    for (size_t k = 0; k < pieces.size(); ++k) {
      const Piece& piece = pieces[k];
      const std::string text =
          NormalizeText(note.substr(piece.start, piece.end - piece.start));
      const bool has_next = k + 1 < pieces.size();
      if (has_next) {
        const Piece& next = pieces[k + 1];
        const std::string next_text =
            NormalizeText(note.substr(next.start, next.end - next.start));
        // The byte after this piece's apostrophe.
        const size_t after_apostrophe = apostrophe_ends[k];
        if (const char* full = ElisionWord(text)) {
          push(full, piece.start, after_apostrophe);
          continue;
        }
        if (next_text == "t" && text.size() > 1 && text.back() == 'n') {
          std::string base = text.substr(0, text.size() - 1);
          if (base == "ca") base = "can";
          if (base == "wo") base = "will";
          if (base == "sha") base = "shall";
          // "n't": from the n to the t.
          push(base, piece.start, piece.end - 1);
          push("not", piece.end - 1, next.end);
          ++k;  // the t is consumed
          continue;
        }
        if (IsEnglishClitic(next_text)) {
          push(text, piece.start, piece.end);
          ++k;
          continue;
        }
      }
      push(text, piece.start, piece.end);
    }
    pieces.clear();
    apostrophe_ends.clear();
  };

  size_t i = 0;
  while (i < size) {
    size_t length = 1;
    const uint32_t cp = DecodeAt(bytes, size, i, &length);
    const CharKind kind = Classify(cp);
    if (kind == CharKind::kWord) {
      if (!in_piece) {
        piece_start = i;
        in_piece = true;
      }
      i += length;
      continue;
    }
    if (kind == CharKind::kApostrophe && in_piece) {
      // An apostrophe inside a word splits it; one at a word's end ends it.
      size_t next_length = 1;
      const bool word_follows =
          i + length < size &&
          Classify(DecodeAt(bytes, size, i + length, &next_length)) ==
              CharKind::kWord;
      if (word_follows) {
        pieces.push_back({piece_start, i});
        apostrophe_ends.push_back(i + length);
        in_piece = false;
        i += length;
        continue;
      }
    }
    if (in_piece) {
      pieces.push_back({piece_start, i});
      in_piece = false;
    }
    flush_word();
    if (kind == CharKind::kClauseBreak) clause_pending = true;
    i += length;
  }
  if (in_piece) {
    pieces.push_back({piece_start, size});
    in_piece = false;
  }
  flush_word();
  return tokens;
}

}  // namespace forces
}  // namespace jtbd
