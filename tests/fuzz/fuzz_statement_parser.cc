// Fuzzes the statement parser and linter (statements/linter.h): any bytes
// are refused (not UTF-8) or parsed; every part and finding span lies
// inside the NFC text on UTF-8 boundaries, the text is valid UTF-8 and every
// suggestion too; the input's lines linted as a set give one result each.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "fuzz_check.h"
#include "io/utf8.h"
#include "statements/linter.h"

namespace {

using jtbd::statements::Span;

bool OnBoundary(const std::string& text, uint32_t offset) {
  return offset == text.size() ||
         (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

void CheckSpan(const std::string& text, Span span, const char* what) {
  JTBD_FUZZ_CHECK(span.begin <= span.end && span.end <= text.size(),
                  absl::StrCat(what, " [", span.begin, ", ", span.end,
                               ") outside ", text.size(), " bytes"));
  JTBD_FUZZ_CHECK(OnBoundary(text, span.begin) && OnBoundary(text, span.end),
                  absl::StrCat(what, " cuts a UTF-8 sequence"));
}

void CheckLinted(const jtbd::statements::LintedStatement& s) {
  const jtbd::statements::ParsedStatement& p = s.parsed;
  JTBD_FUZZ_CHECK(jtbd::IsValidUtf8(p.text), "NFC text is not UTF-8");
  for (const auto& token : p.tokens) CheckSpan(p.text, token.span, "token");
  for (const auto& range :
       {p.verb, p.direction, p.metric, p.object, p.clarifier, p.situation,
        p.persona, p.motivation, p.expected_outcome}) {
    CheckSpan(p.text, p.SpanOf(range), "part");
  }
  for (const auto& f : s.findings) {
    CheckSpan(p.text, f.span, jtbd::statements::InfoOf(f.rule).id);
    JTBD_FUZZ_CHECK(
        jtbd::IsValidUtf8(f.suggestion) && jtbd::IsValidUtf8(f.message),
        "suggestion or message is not UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  static const auto* const kLinters = new std::vector<jtbd::statements::Linter>{
      jtbd::statements::Linter(jtbd::statements::LintOptions{}),
      jtbd::statements::Linter(jtbd::statements::LintOptions{
          jtbd::statements::Language::kFrench, {"acme", "tableau de bord"}})};
  for (const jtbd::statements::Linter& linter : *kLinters) {
    auto one = linter.Lint(text);
    if (!one.ok()) {
      JTBD_FUZZ_CHECK(!jtbd::IsValidUtf8(text), "valid UTF-8 refused");
      jtbd::fuzz::CheckRefusal(one.status());
      continue;
    }
    CheckLinted(*one);
    const std::vector<std::string> lines = absl::StrSplit(text, '\n');
    auto all = linter.LintAll(lines);
    JTBD_FUZZ_CHECK(all.ok() && all->size() == lines.size(),
                    "the lines of valid UTF-8 are not one result each");
    for (const auto& s : *all) {
      CheckLinted(s);
      for (const auto& f : s.findings) {
        JTBD_FUZZ_CHECK(f.related < static_cast<int64_t>(lines.size()),
                        "related statement out of range");
      }
    }
  }
  return 0;
}
