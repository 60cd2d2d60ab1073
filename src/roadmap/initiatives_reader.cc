#include "roadmap/initiatives_reader.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "io/csv_reader.h"
#include "io/source_position.h"
#include "io/text_encoding.h"

namespace jtbd {
namespace roadmap {
namespace {

// A number with a decimal point or a French decimal comma.
bool ParseNumber(absl::string_view text, double* value) {
  std::string copy(text);
  if (copy.find('.') == std::string::npos &&
      std::count(copy.begin(), copy.end(), ',') == 1) {
    std::replace(copy.begin(), copy.end(), ',', '.');
  }
  return absl::SimpleAtod(copy, value) && std::isfinite(*value);
}

// Where a name was given, for the refusals that come once all rows are read.
struct Mention {
  std::string name;
  size_t line = 0;
  size_t column = 0;
};

struct Pending {
  v1::Initiative initiative;
  bool has_cost = false;
  size_t first_line = 0;
  size_t cost_line = 0;
  std::vector<Mention> needs;
  std::vector<Mention> excludes;
};

class InitiativesParser {
 public:
  InitiativesParser(absl::string_view text, absl::string_view source,
                    const SurveyScores& scores, const ResourceLimits& limits)
      : reader_(text, CsvReader::DetectSeparator(text), limits),
        source_(source) {
    for (const std::string& id : scores.outcome_ids) outcomes_.emplace(id, 0);
    for (const ScoreGroup& group : scores.groups) {
      if (!group.segment.empty()) segments_.emplace(group.segment, 0);
    }
  }

  absl::StatusOr<std::vector<v1::Initiative>> Parse();

 private:
  absl::Status Error(size_t line, size_t column, absl::string_view what) const {
    const absl::string_view name = column != 0 && column <= header_.size()
                                       ? absl::string_view(header_[column - 1])
                                       : absl::string_view();
    return SourcePositionError(source_, line, column, name, what);
  }
  absl::Status CsvError() const {
    const jtbd::CsvError& error = reader_.error();
    return error.WithCode(Error(error.line, error.field, error.what));
  }
  absl::Status ReadHeader();
  absl::Status ReadRow();
  absl::Status CheckNames();
  absl::Status CheckCycles();
  ptrdiff_t Column(absl::string_view name) const {
    for (size_t i = 0; i < normalized_.size(); ++i) {
      if (normalized_[i] == name) return static_cast<ptrdiff_t>(i);
    }
    return -1;
  }
  absl::string_view Cell(ptrdiff_t column) const {
    if (column < 0 || static_cast<size_t>(column) >= reader_.fields().size()) {
      return absl::string_view();
    }
    return TrimSpaces(reader_.fields()[static_cast<size_t>(column)]);
  }
  absl::Status ReadLevel(ptrdiff_t column, absl::string_view what,
                         double* value) const;
  void ReadNames(ptrdiff_t column, std::vector<Mention>* out) const;

  CsvReader reader_;
  absl::string_view source_;
  absl::flat_hash_map<std::string, int> outcomes_;
  absl::flat_hash_map<std::string, int> segments_;
  std::vector<std::string> header_;
  std::vector<std::string> normalized_;
  ptrdiff_t initiative_ = -1, cost_ = -1, outcome_ = -1, target_ = -1,
            uplift_ = -1, depends_ = -1, excludes_ = -1, segment_ = -1;
  std::vector<Pending> pending_;
  absl::flat_hash_map<std::string, size_t> index_;
};

absl::Status InitiativesParser::ReadHeader() {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return Error(1, 1, "the file is empty");
    case CsvReader::Result::kError:
      return CsvError();
    case CsvReader::Result::kRecord:
      break;
  }
  for (absl::string_view field : reader_.fields()) {
    header_.emplace_back(TrimSpaces(field));
    normalized_.push_back(NormalizedColumnName(header_.back()));
  }
  const size_t line = reader_.record_line();
  const char* const names[] = {
      "initiative", "cost",       "outcome",  "target_satisfaction",
      "uplift",     "depends_on", "excludes", "segment"};
  for (const char* name : names) {
    const ptrdiff_t first = Column(name);
    for (size_t i = static_cast<size_t>(std::max<ptrdiff_t>(first, 0)) + 1;
         first >= 0 && i < normalized_.size(); ++i) {
      if (normalized_[i] == name) {
        return Error(
            line, i + 1,
            absl::StrCat("the header name repeats column ", first + 1));
      }
    }
  }
  initiative_ = Column("initiative");
  cost_ = Column("cost");
  outcome_ = Column("outcome");
  target_ = Column("target_satisfaction");
  uplift_ = Column("uplift");
  depends_ = Column("depends_on");
  excludes_ = Column("excludes");
  segment_ = Column("segment");
  for (const auto& [column, name] :
       {std::make_pair(initiative_, "initiative"),
        std::make_pair(cost_, "cost"), std::make_pair(outcome_, "outcome")}) {
    if (column < 0) {
      return Error(line, 0, absl::StrCat("no \"", name, "\" column"));
    }
  }
  if (target_ < 0 && uplift_ < 0) {
    return Error(line, 0, "no \"target_satisfaction\" or \"uplift\" column");
  }
  return absl::OkStatus();
}

absl::Status InitiativesParser::ReadLevel(ptrdiff_t column,
                                          absl::string_view what,
                                          double* value) const {
  const absl::string_view text = Cell(column);
  if (!ParseNumber(text, value) || *value < 0 || *value > 10) {
    return Error(
        reader_.record_line(), static_cast<size_t>(column) + 1,
        absl::StrCat(what, " ", Quoted(text), " is not a number from 0 to 10"));
  }
  return absl::OkStatus();
}

void InitiativesParser::ReadNames(ptrdiff_t column,
                                  std::vector<Mention>* out) const {
  const absl::string_view cell = Cell(column);
  if (cell.empty()) return;
  for (absl::string_view part : absl::StrSplit(cell, absl::ByAnyChar("|;"))) {
    const absl::string_view name = TrimSpaces(part);
    if (name.empty()) continue;
    out->push_back({std::string(name), reader_.record_line(),
                    static_cast<size_t>(column) + 1});
  }
}

absl::Status InitiativesParser::ReadRow() {
  const size_t line = reader_.record_line();
  const absl::string_view name = Cell(initiative_);
  if (name.empty()) {
    return Error(line, initiative_ + 1, "the initiative name is blank");
  }
  auto [it, inserted] = index_.emplace(std::string(name), pending_.size());
  if (inserted) {
    pending_.emplace_back();
    pending_.back().initiative.set_name(std::string(name));
    pending_.back().first_line = line;
  }
  Pending& pending = pending_[it->second];
  const absl::string_view cost_text = Cell(cost_);
  if (!cost_text.empty()) {
    double cost = 0;
    if (!ParseNumber(cost_text, &cost) || !(cost > 0)) {
      return Error(line, cost_ + 1,
                   absl::StrCat("cost ", Quoted(cost_text),
                                " is not a number greater than 0"));
    }
    if (pending.has_cost && cost != pending.initiative.cost()) {
      return Error(line, cost_ + 1,
                   absl::StrCat("initiative ", Quoted(name), " costs ",
                                pending.initiative.cost(), " on line ",
                                pending.cost_line, ", not ", cost));
    }
    pending.initiative.set_cost(cost);
    pending.has_cost = true;
    pending.cost_line = line;
  }
  const absl::string_view outcome = Cell(outcome_);
  const absl::string_view target = Cell(target_);
  const absl::string_view uplift = Cell(uplift_);
  if (outcome.empty()) {
    if (!target.empty() || !uplift.empty()) {
      return Error(line, outcome_ + 1,
                   "the outcome is blank but a target or uplift is given");
    }
  } else {
    if (!outcomes_.contains(std::string(outcome))) {
      return Error(
          line, outcome_ + 1,
          absl::StrCat("outcome ", Quoted(outcome), " is not in the survey"));
    }
    v1::InitiativeEffect* effect = pending.initiative.add_effects();
    effect->set_outcome_id(std::string(outcome));
    if (!target.empty() && !uplift.empty()) {
      return Error(line, uplift_ + 1,
                   "give a target_satisfaction or an uplift, not both");
    }
    if (target.empty() && uplift.empty()) {
      return Error(line, (target_ >= 0 ? target_ : uplift_) + 1,
                   "no target_satisfaction or uplift for this outcome");
    }
    double level = 0;
    if (!target.empty()) {
      absl::Status status = ReadLevel(target_, "target satisfaction", &level);
      if (!status.ok()) return status;
      effect->set_target_satisfaction(level);
    } else {
      absl::Status status = ReadLevel(uplift_, "uplift", &level);
      if (!status.ok()) return status;
      effect->set_uplift(level);
    }
    const absl::string_view segment = Cell(segment_);
    if (!segment.empty()) {
      if (!segments_.contains(std::string(segment))) {
        return Error(
            line, segment_ + 1,
            segments_.empty()
                ? absl::StrCat("segment ", Quoted(segment),
                               " given, but the scores are not segmented "
                               "(segment by a respondent attribute)")
                : absl::StrCat("segment ", Quoted(segment),
                               " is not a segment of the survey"));
      }
      effect->set_segment(std::string(segment));
    }
  }
  ReadNames(depends_, &pending.needs);
  ReadNames(excludes_, &pending.excludes);
  return absl::OkStatus();
}

absl::Status InitiativesParser::CheckNames() {
  for (Pending& pending : pending_) {
    if (!pending.has_cost) {
      return Error(pending.first_line, cost_ + 1,
                   absl::StrCat("no cost for initiative ",
                                Quoted(pending.initiative.name())));
    }
    for (auto [list, field] : {std::make_pair(&pending.needs, "depends on"),
                               std::make_pair(&pending.excludes, "excludes")}) {
      for (const Mention& mention : *list) {
        if (!index_.contains(mention.name)) {
          return Error(mention.line, mention.column,
                       absl::StrCat(Quoted(pending.initiative.name()), " ",
                                    field, " ", Quoted(mention.name),
                                    ", which is not an initiative"));
        }
        if (mention.name == pending.initiative.name()) {
          return Error(mention.line, mention.column,
                       absl::StrCat(Quoted(pending.initiative.name()), " ",
                                    field, " itself"));
        }
      }
    }
    for (const Mention& mention : pending.needs) {
      pending.initiative.add_needs(mention.name);
    }
    for (const Mention& mention : pending.excludes) {
      pending.initiative.add_excludes(mention.name);
    }
  }
  return absl::OkStatus();
}

// Colours a depth-first search; the edge that closes a cycle is reported
// where it was written.
absl::Status InitiativesParser::CheckCycles() {
  const size_t n = pending_.size();
  std::vector<int> state(n, 0);
  for (size_t root = 0; root < n; ++root) {
    if (state[root] != 0) continue;
    std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
    state[root] = 1;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next < pending_[node].needs.size()) {
        const Mention& mention = pending_[node].needs[next++];
        const size_t child = index_.at(mention.name);
        if (state[child] == 1) {
          std::string path = pending_[child].initiative.name();
          bool on = false;
          for (const auto& frame : stack) {
            if (frame.first == child) on = true;
            if (on && frame.first != child) {
              absl::StrAppend(&path, " -> ",
                              pending_[frame.first].initiative.name());
            }
          }
          absl::StrAppend(&path, " -> ", pending_[child].initiative.name());
          return Error(mention.line, mention.column,
                       absl::StrCat("the dependencies form a cycle: ", path));
        }
        if (state[child] == 0) {
          state[child] = 1;
          stack.emplace_back(child, 0);
        }
        continue;
      }
      state[node] = 2;
      stack.pop_back();
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::Initiative>> InitiativesParser::Parse() {
  absl::Status status = ReadHeader();
  if (!status.ok()) return status;
  for (;;) {
    const CsvReader::Result result = reader_.Read();
    if (result == CsvReader::Result::kEnd) break;
    if (result == CsvReader::Result::kError) return CsvError();
    status = ReadRow();
    if (!status.ok()) return status;
  }
  status = CheckNames();
  if (!status.ok()) return status;
  status = CheckCycles();
  if (!status.ok()) return status;
  std::vector<v1::Initiative> initiatives;
  initiatives.reserve(pending_.size());
  for (Pending& pending : pending_) {
    initiatives.push_back(std::move(pending.initiative));
  }
  return initiatives;
}

}  // namespace

absl::StatusOr<std::vector<v1::Initiative>> ReadInitiativesCsv(
    absl::string_view raw, absl::string_view source, const SurveyScores& scores,
    const ResourceLimits& limits) {
  std::string storage;
  absl::StatusOr<DecodedText> decoded = DecodeSurveyText(raw, source, &storage);
  if (!decoded.ok()) return decoded.status();
  InitiativesParser parser(decoded->utf8, source, scores, limits);
  return parser.Parse();
}

absl::StatusOr<std::vector<v1::Initiative>> ReadInitiativesCsvFile(
    const std::string& path, const SurveyScores& scores,
    const ResourceLimits& limits) {
  absl::StatusOr<FileBytes> bytes = FileBytes::Open(path);
  if (!bytes.ok()) return bytes.status();
  return ReadInitiativesCsv(bytes->bytes(), path, scores, limits);
}

}  // namespace roadmap
}  // namespace jtbd
