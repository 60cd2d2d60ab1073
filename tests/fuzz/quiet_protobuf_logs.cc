// Linked into every fuzz target: protobuf logs every string field that is
// not UTF-8 while parsing hostile bytes; the refusal is what is checked,
// the log line only slows the fuzzer down.
#include "google/protobuf/stubs/logging.h"

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}
