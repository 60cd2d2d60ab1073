"""The environment for a program the tests start that is not ours (chromium,
Rscript). In the sanitizer builds every test gets the sanitizer runtime
through LD_PRELOAD, for the uninstrumented Python host that loads the
instrumented libjtbd.so (cmake/JtbdSanitize.cmake), and the sanitizers'
options. Another program must run without them: under ASan or TSan chromium
hangs until its timeout, and R's own allocations would be reported."""

import os

SANITIZER_VARIABLES = ("LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS",
                       "TSAN_OPTIONS", "LSAN_OPTIONS")


def external_program_env(environ=None):
    """`environ` (default os.environ) without the sanitizer runtime and
    options."""
    environ = os.environ if environ is None else environ
    return {name: value for name, value in environ.items()
            if name not in SANITIZER_VARIABLES}
