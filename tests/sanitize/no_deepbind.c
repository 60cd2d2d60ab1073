/* Preloaded into PHP for sanitizer runs only (tests/sanitize/CMakeLists.txt):
 * Debian's PHP 8.2 opens every extension, and FFI::cdef its library, with
 * dlopen(RTLD_DEEPBIND), which the sanitizer runtimes refuse ("incompatible
 * with sanitizer runtime", google/sanitizers#611): a library bound deeply
 * would call libc's malloc and free instead of the sanitizer's. This dlopen
 * drops the flag and hands the call on to the next one: the sanitizer's
 * interceptor, preloaded right after this library. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

typedef void* (*dlopen_function)(const char*, int);

/* Exported whatever the project's default visibility (hidden). */
__attribute__((visibility("default"))) void* dlopen(const char* file,
                                                    int mode) {
  static dlopen_function next_dlopen = NULL;
  if (next_dlopen == NULL) {
    /* ISO C has no cast from an object pointer to a function pointer. */
    void* symbol = dlsym(RTLD_NEXT, "dlopen");
    if (symbol == NULL) return NULL;
    memcpy(&next_dlopen, &symbol, sizeof next_dlopen);
  }
  return next_dlopen(file, mode & ~RTLD_DEEPBIND);
}
