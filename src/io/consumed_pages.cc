#include "io/consumed_pages.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

namespace jtbd {

void ConsumedPages::Release(size_t offset) {
  offset = std::min(offset, text_.size());
  static const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t base = reinterpret_cast<uintptr_t>(text_.data());
  // Whole pages only: the first partial page may hold bytes of another
  // reader's part (or of memory outside the text), the last one bytes not
  // read yet.
  const uintptr_t from = (base + released_ + page - 1) / page * page;
  const uintptr_t to = (base + offset) / page * page;
  if (to > from) {
    // A hint: should it fail, the pages merely stay resident.
    (void)madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
    // The page holding `offset` is released next time.
    released_ = static_cast<size_t>(to - base);
  }
  next_ = offset + kStep;
}

}  // namespace jtbd
