#include "io/survey_reader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/aggregate.h"
#include "core/resource_limits.h"
#include "google/protobuf/util/json_util.h"
#include "io/csv_reader.h"
#include "io/source_position.h"
#include "io/survey_layout.h"
#include "io/survey_parser.h"
#include "io/survey_sinks.h"

namespace jtbd {

namespace {

// Progress is reported every this many rows (a power of two).
constexpr size_t kProgressEveryRows = 2048;

}  // namespace

SurveyParser::SurveyParser(absl::string_view text, absl::string_view source,
                           const ReadOptions& options,
                           const RatingLabels& labels,
                           SurveyInspection* inspection, bool mapped)
    : text_(text),
      mapped_(mapped),
      reader_(text, CsvReader::DetectSeparator(text), options.limits, mapped),
      source_(source),
      options_(options),
      study_(options.scale),
      ratings_(options.scale, &labels),
      inspection_(inspection) {
  inspection_->separator = reader_.separator();
  header_.source = source_;
}

absl::Status SurveyParser::ReadHeaderRow(absl::string_view expected) {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      if (header_.rows.empty()) return Error(1, 1, "the file is empty");
      return Error(
          header_.rows.back().line, 0,
          absl::StrCat("the file ends within the header: ", expected, " has ",
                       header_.rows.size() + 1, " header rows"));
    case CsvReader::Result::kError:
      return CsvError();
    case CsvReader::Result::kRecord:
      break;
  }
  SurveyHeader::Row row;
  row.line = reader_.record_line();
  row.cells.reserve(reader_.fields().size());
  for (absl::string_view field : reader_.fields()) {
    row.cells.emplace_back(TrimSpaces(field));
  }
  header_.rows.push_back(std::move(row));
  return absl::OkStatus();
}

// Qualtrics: the question texts follow; then, in current exports, the
// ImportId row. Without it (or in legacy exports) the third record is
// already an answer row and is read again as one.
absl::Status SurveyParser::ReadQualtricsHeaderRows(v1::SurveyFormat* format) {
  const bool legacy = *format == v1::SURVEY_FORMAT_QUALTRICS_LEGACY;
  absl::Status status = ReadHeaderRow(legacy ? "a legacy Qualtrics export"
                                             : "a Qualtrics export");
  if (!status.ok()) return status;
  if (legacy) return absl::OkStatus();
  const CsvReader::Position before = reader_.position();
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return absl::OkStatus();
    case CsvReader::Result::kError:
      return CsvError();
    case CsvReader::Result::kRecord:
      break;
  }
  bool import_row = false;
  for (absl::string_view field : reader_.fields()) {
    const absl::string_view cell = TrimSpaces(field);
    if (cell.empty()) continue;
    import_row = cell.front() == '{' &&
                 absl::StrContains(absl::AsciiStrToLower(cell), "importid");
    break;
  }
  reader_.Seek(before);
  if (!import_row) return absl::OkStatus();
  return ReadHeaderRow("a Qualtrics export");
}

absl::StatusOr<bool> SurveyParser::NextRow() {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return false;
    case CsvReader::Result::kError:
      return CsvError();
    case CsvReader::Result::kRecord:
      break;
  }
  const size_t fields = reader_.fields().size();
  if (fields == header_.raw_width) {
    if (header_.raw_width == header_.width) return true;
  } else if (fields < header_.width || fields > header_.raw_width) {
    // The column is the first missing field, or the first extra one.
    const std::string expected =
        header_.raw_width == header_.width
            ? absl::StrCat(header_.raw_width, " fields, as in the header,")
            : absl::StrCat(header_.width, " to ", header_.raw_width,
                           " fields, as in the header (whose last ",
                           header_.raw_width - header_.width, " are empty),");
    return Error(reader_.record_line(),
                 std::min(fields, fields < header_.width ? header_.width
                                                         : header_.raw_width) +
                     1,
                 absl::StrCat("expected ", expected, " but found ", fields));
  }
  for (size_t c = header_.width; c < fields; ++c) {
    const absl::string_view cell = TrimSpaces(reader_.fields()[c]);
    if (!cell.empty()) {
      return Error(reader_.record_line(), c + 1,
                   absl::StrCat(Quoted(cell),
                                " is in a column with no "
                                "header name"));
    }
  }
  return true;
}

// ------------------------------------------------------------ rows

void SurveyParser::ReportProgress(size_t rows, bool always) {
  inspection_->rows = rows;
  if (!options_.progress) return;
  if (!always && (rows & (kProgressEveryRows - 1)) != 0) return;
  options_.progress(ReadProgress{reader_.offset(), text_.size(), rows});
}

absl::StatusOr<Study> SurveyParser::Parse() {
  StudySink sink(&study_, source_);
  absl::Status status = Run(&sink);
  if (!status.ok()) return status;
  return std::move(study_);
}

absl::StatusOr<Aggregate> SurveyParser::ParseAggregate() {
  AggregateSink sink(source_);
  absl::Status status = Run(&sink);
  if (!status.ok()) return status;
  if (layout_.long_layout) return study_.ToAggregate();
  return sink.TakeAggregate();
}

absl::StatusOr<SegmentedAggregate> SurveyParser::ParseSegmentedAggregate(
    absl::string_view segment_by) {
  SegmentedAggregateSink sink(source_, segment_by, inspection_);
  absl::Status status = Run(&sink);
  if (!status.ok()) return status;
  if (layout_.long_layout) {
    inspection_->attributes_given = study_.attribute_names();
    return study_.ToSegmentedAggregate(segment_by);
  }
  return sink.TakeSegments();
}

absl::Status SurveyParser::Run(WideRowSink* sink) {
  absl::Status status = ReadHeaderRow("");
  if (!status.ok()) return status;
  status = FixHeaderWidth(&header_, &layout_);  // first row only, for detection
  if (!status.ok()) return status;

  const v1::SurveyMap* map =
      options_.survey_map.has_value() ? &*options_.survey_map : nullptr;
  v1::SurveyFormat format;
  if (map != nullptr) {
    format = map->format();
    const size_t rows = map->header_rows() != 0
                            ? map->header_rows()
                            : static_cast<size_t>(DefaultHeaderRows(format));
    while (header_.rows.size() < rows) {
      status = ReadHeaderRow(absl::StrCat("the survey map says the file"));
      if (!status.ok()) return status;
    }
  } else {
    absl::StatusOr<v1::SurveyFormat> found =
        SurveyFormatOf(header_, options_, layout_);
    if (!found.ok()) return found.status();
    format = *found;
    if (format == v1::SURVEY_FORMAT_QUALTRICS ||
        format == v1::SURVEY_FORMAT_QUALTRICS_LEGACY) {
      status = ReadQualtricsHeaderRows(&format);
    } else if (format == v1::SURVEY_FORMAT_SURVEYMONKEY) {
      status = ReadHeaderRow("a SurveyMonkey export");
    }
    if (!status.ok()) return status;
  }
  status = FixHeaderWidth(&header_, &layout_);
  if (!status.ok()) return status;
  layout_.format = format;
  layout_.header_rows = header_.rows.size();

  status = LayOutSurvey(header_, format, options_, &layout_);
  if (!status.ok()) return status;
  inspection_->layout_known = true;
  if (layout_.outcomes.size() > options_.limits.max_outcomes) {
    return ToResourceExhausted(Error(
        header_.Line(0), 0,
        ExceedsLimit(
            absl::StrCat("the header's ", layout_.outcomes.size(), " outcomes"),
            LimitKind::kOutcomes, options_.limits.max_outcomes)));
  }

  if (layout_.long_layout) return ReadLongRows(map);
  return ReadWideRows(sink);
}

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kLong:
      return "long";
    case InputFormat::kWide:
      return "wide";
    case InputFormat::kQualtrics:
      return "qualtrics";
    case InputFormat::kSurveyMonkey:
      return "surveymonkey";
    case InputFormat::kGoogleForms:
      return "google-forms";
    case InputFormat::kTypeform:
      return "typeform";
  }
  return "auto";
}

bool ParseInputFormat(absl::string_view name, InputFormat* format) {
  for (InputFormat candidate :
       {InputFormat::kAuto, InputFormat::kLong, InputFormat::kWide,
        InputFormat::kQualtrics, InputFormat::kSurveyMonkey,
        InputFormat::kGoogleForms, InputFormat::kTypeform}) {
    if (name == InputFormatName(candidate)) {
      *format = candidate;
      return true;
    }
  }
  return false;
}

const char* SurveyFormatName(v1::SurveyFormat format) {
  switch (format) {
    case v1::SURVEY_FORMAT_LONG:
      return "long";
    case v1::SURVEY_FORMAT_WIDE:
      return "wide";
    case v1::SURVEY_FORMAT_QUALTRICS:
      return "qualtrics";
    case v1::SURVEY_FORMAT_QUALTRICS_LEGACY:
      return "qualtrics-legacy";
    case v1::SURVEY_FORMAT_SURVEYMONKEY:
      return "surveymonkey";
    case v1::SURVEY_FORMAT_GOOGLE_FORMS:
      return "google-forms";
    case v1::SURVEY_FORMAT_TYPEFORM:
      return "typeform";
    default:
      return "unspecified";
  }
}

v1::SurveyMap SurveyLayoutToMap(const SurveyLayout& layout) {
  v1::SurveyMap map;
  map.set_format(layout.format);
  map.set_header_rows(static_cast<uint32_t>(layout.header_rows));
  auto reference = [&layout](size_t column) {
    return column < layout.references.size() ? layout.references[column]
                                             : absl::StrCat("#", column + 1);
  };
  if (layout.respondent_column >= 0) {
    map.set_respondent_id_column(reference(layout.respondent_column));
  }
  if (layout.long_layout) {
    v1::SurveyMapLongLayout* long_layout = map.mutable_long_layout();
    long_layout->set_outcome_column(reference(layout.outcome_column));
    long_layout->set_importance_column(reference(layout.importance_column));
    long_layout->set_satisfaction_column(reference(layout.satisfaction_column));
    if (layout.statement_column >= 0) {
      long_layout->set_statement_column(reference(layout.statement_column));
    }
    if (layout.job_step_column >= 0) {
      long_layout->set_job_step_column(reference(layout.job_step_column));
    }
    if (layout.solution_column >= 0) {
      long_layout->set_solution_column(reference(layout.solution_column));
    }
  } else {
    for (const SurveyLayout::OutcomeColumns& columns : layout.outcomes) {
      v1::SurveyMapOutcome* outcome = map.add_outcomes();
      outcome->set_id(columns.id);
      outcome->set_statement(columns.statement);
      outcome->set_importance_column(reference(columns.importance));
      outcome->set_satisfaction_column(reference(columns.satisfaction));
    }
    for (const SurveyLayout::SolutionColumn& column : layout.solution_columns) {
      v1::SurveyMapSolutionColumn* entry = map.add_solution_columns();
      entry->set_solution(column.solution);
      entry->set_outcome_id(layout.outcomes[column.outcome].id);
      entry->set_column(reference(column.column));
    }
  }
  for (const SurveyLayout::AttributeColumn& attribute : layout.attributes) {
    v1::SurveyMapAttribute* entry = map.add_attributes();
    entry->set_column(reference(attribute.column));
    entry->set_name(attribute.name);
  }
  if (layout.weight_column >= 0) {
    map.set_weight_column(reference(layout.weight_column));
  }
  if (layout.duration_column >= 0) {
    map.set_duration_column(reference(layout.duration_column));
  }
  return map;
}

namespace {

// Both reads: checks the options, merges the label maps, decodes the text,
// then runs the parser to a Study or an Aggregate.
template <typename Result>
absl::StatusOr<Result> ReadSurvey(absl::string_view data,
                                  absl::string_view source_name,
                                  const ReadOptions& options,
                                  SurveyInspection* inspection,
                                  absl::string_view segment_by = "",
                                  bool mapped = false) {
  SurveyInspection local_inspection;
  if (inspection == nullptr) inspection = &local_inspection;
  *inspection = SurveyInspection();
  absl::Status scale_status = options.scale.Validate();
  if (!scale_status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": ", scale_status.message()));
  }
  // Labels: the built-in ones, under the map's, under the options'.
  const RatingLabels* labels = &options.labels;
  RatingLabels merged;
  if (options.survey_map.has_value() && options.survey_map->labels_size() > 0) {
    const std::string map_name = options.survey_map_source.empty()
                                     ? std::string("survey map")
                                     : options.survey_map_source;
    for (int i = 0; i < options.survey_map->labels_size(); ++i) {
      const v1::SurveyMapLabel& label = options.survey_map->labels(i);
      std::vector<RatingKind> kinds;
      if (label.kind() == v1::RATING_KIND_IMPORTANCE) {
        kinds.push_back(RatingKind::kImportance);
      } else if (label.kind() == v1::RATING_KIND_SATISFACTION) {
        kinds.push_back(RatingKind::kSatisfaction);
      }
      if (TrimSpaces(label.label()).empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(map_name, ": labels[", i, "]: the label is blank"));
      }
      merged.Add(label.label(),
                 static_cast<int>(
                     std::min<uint32_t>(label.rating(), Scale::kMaxRating + 1)),
                 kinds, absl::StrCat(map_name, ": labels[", i, "]"));
    }
    merged.Merge(options.labels);
    labels = &merged;
  }
  absl::Status labels_status = labels->CheckScale(options.scale);
  if (!labels_status.ok()) return labels_status;

  std::string converted;
  absl::StatusOr<DecodedText> text =
      DecodeSurveyText(data, source_name, &converted);
  if (!text.ok()) return text.status();
  inspection->encoding = text->encoding;
  // Only the file's own bytes may be released, not a converted copy.
  SurveyParser parser(text->utf8, source_name, options, *labels, inspection,
                      mapped && text->utf8.data() == data.data());
  if constexpr (std::is_same_v<Result, Study>) {
    return parser.Parse();
  } else if constexpr (std::is_same_v<Result, SegmentedAggregate>) {
    return parser.ParseSegmentedAggregate(segment_by);
  } else {
    return parser.ParseAggregate();
  }
}

}  // namespace

absl::StatusOr<Study> ReadSurveyCsv(absl::string_view data,
                                    absl::string_view source_name,
                                    const ReadOptions& options,
                                    SurveyInspection* inspection) {
  return ReadSurvey<Study>(data, source_name, options, inspection);
}

absl::StatusOr<Aggregate> ReadSurveyCsvAggregate(absl::string_view data,
                                                 absl::string_view source_name,
                                                 const ReadOptions& options,
                                                 SurveyInspection* inspection) {
  return ReadSurvey<Aggregate>(data, source_name, options, inspection);
}

absl::StatusOr<Aggregate> ReadSurveyCsvFileAggregate(
    const std::string& path, const ReadOptions& options,
    SurveyInspection* inspection) {
  absl::StatusOr<FileBytes> file = FileBytes::Open(path);
  if (!file.ok()) return file.status();
  return ReadSurvey<Aggregate>(file->bytes(), path, options, inspection, "",
                               file->mapped());
}

absl::StatusOr<SegmentedAggregate> ReadSurveyCsvSegmentedAggregate(
    absl::string_view data, absl::string_view source_name,
    const ReadOptions& options, absl::string_view segment_by,
    SurveyInspection* inspection) {
  return ReadSurvey<SegmentedAggregate>(data, source_name, options, inspection,
                                        segment_by);
}

absl::StatusOr<SegmentedAggregate> ReadSurveyCsvFileSegmentedAggregate(
    const std::string& path, const ReadOptions& options,
    absl::string_view segment_by, SurveyInspection* inspection) {
  absl::StatusOr<FileBytes> file = FileBytes::Open(path);
  if (!file.ok()) return file.status();
  return ReadSurvey<SegmentedAggregate>(file->bytes(), path, options,
                                        inspection, segment_by,
                                        file->mapped());
}

absl::StatusOr<Study> ReadSurveyCsvFile(const std::string& path,
                                        const ReadOptions& options,
                                        SurveyInspection* inspection) {
  absl::StatusOr<FileBytes> file = FileBytes::Open(path);
  if (!file.ok()) return file.status();
  return ReadSurvey<Study>(file->bytes(), path, options, inspection, "",
                           file->mapped());
}

absl::StatusOr<v1::SurveyMap> ParseSurveyMapJson(absl::string_view json,
                                                 absl::string_view source_name,
                                                 const ResourceLimits& limits) {
  // protobuf parses deeply nested arrays in quadratic time.
  absl::Status checked = CheckMapLimits(json, limits, source_name);
  if (!checked.ok()) return checked;
  v1::SurveyMap map;
  google::protobuf::util::JsonParseOptions parse_options;
  parse_options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &map,
      parse_options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name,
                     ": not a survey map (jtbd.v1.SurveyMap as "
                     "JSON): ",
                     std::string(status.message())));
  }
  return map;
}

absl::StatusOr<v1::SurveyMap> ReadSurveyMapFile(const std::string& path,
                                                const ResourceLimits& limits) {
  absl::StatusOr<FileBytes> data = FileBytes::Open(path);
  if (!data.ok()) return data.status();
  return ParseSurveyMapJson(data->bytes(), path, limits);
}

std::string SurveyMapToJson(const v1::SurveyMap& map) {
  std::string json;
  google::protobuf::util::JsonPrintOptions print_options;
  print_options.add_whitespace = true;
  // A map written for editing shows its (rare) defaults as nothing: an
  // empty statement or column is simply absent.
  (void)google::protobuf::util::MessageToJsonString(map, &json, print_options);
  return json;
}

}  // namespace jtbd
