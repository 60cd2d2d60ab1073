/* Preloaded into the CLI by the ASan builds' leak self-test only
 * (tests/sanitize/CMakeLists.txt): allocates 4242 bytes at load time and
 * keeps the pointer only masked, so that LeakSanitizer sees the block as
 * unreachable. The test passes when the CLI, started the way the Python
 * tests start it (JTBD_CLI), reports that leak: leak detection is on for
 * the CLI's own processes although python3 runs with it off. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Masked, so no word in memory points at the block. */
uintptr_t jtbd_leak_selftest_masked;

__attribute__((constructor)) static void LeakOnPurpose(void) {
  volatile char* block = malloc(4242);
  if (block == NULL) return;
  memset((char*)block, 1, 4242);
  jtbd_leak_selftest_masked = (uintptr_t)block ^ (uintptr_t)0x5A5A5A5A5A5A5A5AULL;
  block = NULL;
}
