#ifndef JTBD_IO_CONSUMED_PAGES_H_
#define JTBD_IO_CONSUMED_PAGES_H_

// The pages of a mapped survey file that a reader has read past, handed
// back to the kernel (madvise MADV_DONTNEED) as it goes, so that reading a
// file once keeps a bounded number of its pages resident however large it
// is: a mapped page, once touched, counts in the process's resident memory
// until it is unmapped. The pages stay in the page cache; should anything
// look back at them (a message quoting a cell, a second pass), they fault
// in again with the same bytes, since the mapping is private and never
// written. Text that is not a file mapping (a caller's bytes, converted
// UTF-16) is never released: MADV_DONTNEED would zero anonymous memory.

#include <cstddef>

#include "absl/strings/string_view.h"

namespace jtbd {

class ConsumedPages {
 public:
  // Released in steps of this many bytes: few system calls, few pages
  // resident per reader.
  static constexpr size_t kStep = size_t{512} << 10;

  // `text` lies within a read-only private file mapping when `mapped`;
  // reading starts at `begin`, and only the pages that lie wholly within
  // [begin, offset) of a later ReadUpTo(offset) are released, so that
  // readers of disjoint parts of one text never release each other's.
  ConsumedPages(absl::string_view text, bool mapped, size_t begin)
      : text_(text),
        released_(begin),
        next_(mapped ? begin + kStep : static_cast<size_t>(-1)) {}

  // Everything before `offset` has been read. Inline: called once a row.
  void ReadUpTo(size_t offset) {
    if (offset >= next_) Release(offset);
  }

 private:
  void Release(size_t offset);

  absl::string_view text_;
  size_t released_;  // the pages before this offset have been released
  size_t next_;      // release again once reading passes this offset
};

}  // namespace jtbd

#endif  // JTBD_IO_CONSUMED_PAGES_H_
