// Loading serialized FileDescriptorSets, building DescriptorPools from them
// and finding elements to modify: shared by the schema compatibility and
// style tests.
#ifndef JTBD_TESTS_PROTO_DESCRIPTOR_SETS_H_
#define JTBD_TESTS_PROTO_DESCRIPTOR_SETS_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "gtest/gtest.h"

#ifndef JTBD_PROTO_LIVE_DESCRIPTOR_SET
#error \
    "JTBD_PROTO_LIVE_DESCRIPTOR_SET must name the descriptor set that " \
    "cmake/JtbdProto.cmake writes with protoc --include_source_info"
#endif

namespace jtbd {
namespace proto_test {

// proto/jtbd/v1 as the build compiles and installs it (share/jtbd/
// jtbd_v1.binpb): every file with its imports and comments.
inline std::string LiveSetPath() { return JTBD_PROTO_LIVE_DESCRIPTOR_SET; }

// The committed compatibility baseline (tests/proto/update_baseline.sh).
inline std::string BaselinePath() {
  return std::string(JTBD_TEST_DATA_DIR) + "/proto/jtbd_v1_baseline.binpb";
}

inline absl::StatusOr<google::protobuf::FileDescriptorSet> ReadDescriptorSet(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  google::protobuf::FileDescriptorSet set;
  if (!set.ParseFromString(bytes.str())) {
    return absl::DataLossError(
        absl::StrCat(path, " is not a serialized FileDescriptorSet"));
  }
  return set;
}

inline std::vector<std::string> FileNames(
    const google::protobuf::FileDescriptorSet& set) {
  std::vector<std::string> names;
  for (const auto& file : set.file()) names.push_back(file.name());
  return names;
}

// Keeps every message protobuf has about a file that does not build, so a
// broken baseline or test mutation says why.
class CollectingErrorCollector
    : public google::protobuf::DescriptorPool::ErrorCollector {
 public:
  void AddError(const std::string& filename, const std::string& element_name,
                const google::protobuf::Message* /*descriptor*/,
                ErrorLocation /*location*/,
                const std::string& message) override {
    errors_.push_back(
        absl::StrCat(filename, ": ", element_name, ": ", message));
  }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::vector<std::string> errors_;
};

// Builds every file of `set` into `pool`, in set order (protoc writes
// dependencies before their dependents).
inline absl::Status BuildPool(const google::protobuf::FileDescriptorSet& set,
                              google::protobuf::DescriptorPool* pool) {
  for (const auto& file : set.file()) {
    CollectingErrorCollector errors;
    if (pool->BuildFileCollectingErrors(file, &errors) == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("cannot build ", file.name(), ": ",
                       absl::StrJoin(errors.errors(), "; ")));
    }
  }
  return absl::OkStatus();
}

// Test-fixture lookups in descriptor protos; a missing name is a test bug.
template <typename Proto>
Proto* FindNamed(google::protobuf::RepeatedPtrField<Proto>* list,
                 absl::string_view name) {
  for (Proto& element : *list) {
    if (element.name() == name) return &element;
  }
  ADD_FAILURE() << "test fixture has no element named " << name;
  return nullptr;
}

template <typename Proto>
int IndexOfNamed(const google::protobuf::RepeatedPtrField<Proto>& list,
                 absl::string_view name) {
  for (int i = 0; i < list.size(); ++i) {
    if (list.Get(i).name() == name) return i;
  }
  ADD_FAILURE() << "test fixture has no element named " << name;
  return -1;
}

template <typename Proto>
void RemoveNamed(google::protobuf::RepeatedPtrField<Proto>* list,
                 absl::string_view name) {
  const int index = IndexOfNamed(*list, name);
  if (index >= 0) list->DeleteSubrange(index, 1);
}

inline google::protobuf::FileDescriptorProto* FindFile(
    google::protobuf::FileDescriptorSet* set, absl::string_view name) {
  return FindNamed(set->mutable_file(), name);
}

}  // namespace proto_test
}  // namespace jtbd

#endif  // JTBD_TESTS_PROTO_DESCRIPTOR_SETS_H_
