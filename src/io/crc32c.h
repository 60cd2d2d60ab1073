#ifndef JTBD_IO_CRC32C_H_
#define JTBD_IO_CRC32C_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace jtbd {

// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, as in iSCSI, ext4,
// LevelDB and RFC 3720): the checksum saved files carry. Extend continues a
// checksum over more bytes: Crc32c(a + b) == ExtendCrc32c(Crc32c(a), b).
// Abseil 20220623 (Debian 12) predates absl/crc, hence our own.
uint32_t ExtendCrc32c(uint32_t crc, absl::string_view bytes);
inline uint32_t Crc32c(absl::string_view bytes) {
  return ExtendCrc32c(0, bytes);
}

}  // namespace jtbd

#endif  // JTBD_IO_CRC32C_H_
