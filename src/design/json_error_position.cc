#include "design/json_error_position.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"

namespace jtbd {
namespace design {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// The field `key` names by its JSON name (lowerCamelCase) or its proto
// name, as the parser accepts both; null when neither.
const FieldDescriptor* FieldNamed(const Descriptor* type,
                                  const std::string& key) {
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->json_name() == key || field->name() == key) return field;
  }
  return nullptr;
}

// A recursive descent over the text, stopping at the first problem. The
// nesting depth was bounded before (CheckJsonDepth), so recursion is safe.
class Scanner {
 public:
  explicit Scanner(absl::string_view text) : text_(text) {}

  // Scans the whole text as one `type` message.
  bool Document(const Descriptor* type) {
    if (!Message(type, "")) return false;
    SkipSpace();
    if (at_ < text_.size()) {
      return Fail(at_, "", "unexpected text after the object");
    }
    return true;
  }

  size_t error_at() const { return error_at_; }
  const std::string& field() const { return field_; }
  const std::string& what() const { return what_; }

 private:
  bool Fail(size_t at, const std::string& field, std::string what) {
    error_at_ = at;
    field_ = field;
    what_ = std::move(what);
    return false;
  }

  void SkipSpace() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' ||
                                  text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }
  char Peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  bool Literal(absl::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  bool Message(const Descriptor* type, const std::string& path) {
    SkipSpace();
    if (Peek() != '{') {
      return Fail(at_, path,
                  absl::StrCat("expected an object (a ", type->name(), ")"));
    }
    ++at_;
    SkipSpace();
    if (Peek() == '}') {
      ++at_;
      return true;
    }
    while (true) {
      SkipSpace();
      std::string key;
      if (Peek() != '"') {
        return Fail(at_, path, "expected a field name in double quotes");
      }
      if (!String(path, &key)) return false;
      SkipSpace();
      if (Peek() != ':') {
        return Fail(at_, path, "expected \":\" after the field name");
      }
      ++at_;
      const std::string child =
          path.empty() ? key : absl::StrCat(path, ".", key);
      const FieldDescriptor* field = FieldNamed(type, key);
      if (field == nullptr) {
        if (!AnyValue(child)) return false;  // ignored, as the parser does
      } else if (!FieldValue(field, child)) {
        return false;
      }
      SkipSpace();
      if (Peek() == ',') {
        ++at_;
        continue;
      }
      if (Peek() == '}') {
        ++at_;
        return true;
      }
      return Fail(at_, path, "expected \",\" or \"}\"");
    }
  }

  bool FieldValue(const FieldDescriptor* field, const std::string& path) {
    SkipSpace();
    if (Literal("null")) return true;
    if (field->is_map()) return AnyValue(path);
    if (!field->is_repeated()) return Single(field, path);
    // protobuf 3.21 reads a lone value as a list of one.
    if (Peek() != '[') return Single(field, path);
    ++at_;
    SkipSpace();
    if (Peek() == ']') {
      ++at_;
      return true;
    }
    for (int index = 0;; ++index) {
      if (!Single(field, absl::StrCat(path, "[", index, "]"))) return false;
      SkipSpace();
      if (Peek() == ',') {
        ++at_;
        continue;
      }
      if (Peek() == ']') {
        ++at_;
        return true;
      }
      return Fail(at_, path, "expected \",\" or \"]\"");
    }
  }

  bool Single(const FieldDescriptor* field, const std::string& path) {
    SkipSpace();
    const size_t start = at_;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE:
        // Well-known types have JSON forms of their own.
        if (field->message_type()->file()->package() == "google.protobuf") {
          return AnyValue(path);
        }
        return Message(field->message_type(), path);
      case FieldDescriptor::CPPTYPE_STRING:
        if (Peek() != '"') return Fail(start, path, "expected a string");
        return String(path, nullptr);
      case FieldDescriptor::CPPTYPE_ENUM: {
        if (Peek() == '"') {
          std::string name;
          if (!String(path, &name)) return false;
          if (field->enum_type()->FindValueByName(name) == nullptr) {
            return Fail(start, path,
                        absl::StrCat("\"", name, "\" is not a value of ",
                                     field->enum_type()->name()));
          }
          return true;
        }
        if (Peek() == '-' || (Peek() >= '0' && Peek() <= '9')) {
          return Number(path);
        }
        return Fail(
            start, path,
            absl::StrCat("expected a name of ", field->enum_type()->name()));
      }
      case FieldDescriptor::CPPTYPE_BOOL:
        if (Literal("true") || Literal("false")) return true;
        return Fail(start, path, "expected true or false");
      default:  // numbers, also written as strings
        if (Peek() == '"') return String(path, nullptr);
        if (Peek() == '-' || (Peek() >= '0' && Peek() <= '9')) {
          return Number(path);
        }
        return Fail(start, path, "expected a number");
    }
  }

  // Any JSON value, checked for syntax only.
  bool AnyValue(const std::string& path) {
    SkipSpace();
    const char c = Peek();
    if (c == '"') return String(path, nullptr);
    if (c == '-' || (c >= '0' && c <= '9')) return Number(path);
    if (Literal("true") || Literal("false") || Literal("null")) return true;
    if (c == '[' || c == '{') {
      const char close = c == '[' ? ']' : '}';
      ++at_;
      SkipSpace();
      if (Peek() == close) {
        ++at_;
        return true;
      }
      while (true) {
        if (close == '}') {
          SkipSpace();
          if (Peek() != '"') {
            return Fail(at_, path, "expected a field name in double quotes");
          }
          if (!String(path, nullptr)) return false;
          SkipSpace();
          if (Peek() != ':') {
            return Fail(at_, path, "expected \":\" after the field name");
          }
          ++at_;
        }
        if (!AnyValue(path)) return false;
        SkipSpace();
        if (Peek() == ',') {
          ++at_;
          continue;
        }
        if (Peek() == close) {
          ++at_;
          return true;
        }
        return Fail(
            at_, path,
            absl::StrCat("expected \",\" or \"", std::string(1, close), "\""));
      }
    }
    if (at_ >= text_.size()) return Fail(at_, path, "the text ends early");
    return Fail(at_, path, "expected a JSON value");
  }

  bool String(const std::string& path, std::string* out) {
    ++at_;  // the opening quote
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '"') {
        ++at_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return Fail(at_, path, "a control character inside a string");
      }
      if (c == '\\') {
        const size_t escape = at_;
        if (at_ + 1 >= text_.size()) break;
        const char e = text_[at_ + 1];
        if (e == 'u') {
          for (size_t k = 2; k < 6; ++k) {
            const char h = at_ + k < text_.size() ? text_[at_ + k] : '\0';
            const bool hex = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') ||
                             (h >= 'A' && h <= 'F');
            if (!hex) return Fail(escape, path, "a bad \\u escape");
          }
          at_ += 6;
          continue;
        }
        if (std::string("\"\\/bfnrt").find(e) == std::string::npos) {
          return Fail(escape, path, "a bad escape");
        }
        if (out != nullptr) out->push_back(e);
        at_ += 2;
        continue;
      }
      if (out != nullptr) out->push_back(c);
      ++at_;
    }
    return Fail(at_, path, "the text ends inside a string");
  }

  bool Number(const std::string& path) {
    const size_t start = at_;
    if (Peek() == '-') ++at_;
    auto digits = [this]() {
      const size_t from = at_;
      while (Peek() >= '0' && Peek() <= '9') ++at_;
      return at_ > from;
    };
    if (!digits()) return Fail(start, path, "a malformed number");
    if (Peek() == '.') {
      ++at_;
      if (!digits()) return Fail(start, path, "a malformed number");
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++at_;
      if (Peek() == '+' || Peek() == '-') ++at_;
      if (!digits()) return Fail(start, path, "a malformed number");
    }
    return true;
  }

  absl::string_view text_;
  size_t at_ = 0;
  size_t error_at_ = 0;
  std::string field_;
  std::string what_;
};

}  // namespace

absl::optional<JsonErrorPosition> LocateJsonError(
    absl::string_view json, const google::protobuf::Descriptor* type) {
  Scanner scanner(json);
  if (scanner.Document(type)) return absl::nullopt;
  JsonErrorPosition position;
  position.line = 1;
  position.column = 1;
  const size_t end = std::min(scanner.error_at(), json.size());
  for (size_t i = 0; i < end; ++i) {
    const unsigned char c = static_cast<unsigned char>(json[i]);
    if (c == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++position.column;
    }
  }
  position.field = scanner.field();
  position.what = scanner.what();
  return position;
}

}  // namespace design
}  // namespace jtbd
