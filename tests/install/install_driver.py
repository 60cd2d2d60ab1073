"""What the Python install drivers (check_pip_install.py,
check_proto_consumer.py) share: failing with the script's name, running a
command that must succeed, an environment without this build's settings,
and the --run-env option (a sanitizer build's runtime, for the programs that
load libjtbd.so only)."""

import os
import subprocess
import sys

TIMEOUT = 300


def fail(message):
    sys.exit("%s: %s" % (os.path.splitext(os.path.basename(sys.argv[0]))[0],
                         message))


def run(command, **kwargs):
    """The command's standard output; fails unless it exits 0."""
    result = subprocess.run(command, capture_output=True, text=True,
                            timeout=TIMEOUT, **kwargs)
    if result.returncode != 0:
        fail("%s exited %d\n%s%s" % (" ".join(command), result.returncode,
                                     result.stdout, result.stderr))
    return result.stdout


def clean_env(**extra):
    """os.environ without what would find this build instead of the install
    (JTBD_*, PYTHON*, PIP_*, PKG_CONFIG*, LD_LIBRARY_PATH,
    CMAKE_PREFIX_PATH), plus `extra`."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("JTBD_", "PYTHON", "PIP_", "PKG_CONFIG"))
           and key not in ("LD_LIBRARY_PATH", "CMAKE_PREFIX_PATH")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def add_run_env_option(parser):
    parser.add_argument("--run-env", action="append", default=[],
                        metavar="NAME=VALUE")


def run_env(args):
    """--run-env NAME=VALUE (repeated) as a dict."""
    settings = {}
    for setting in args.run_env:
        name, equals, value = setting.partition("=")
        if not name or not equals:
            fail("--run-env %r: expected NAME=VALUE" % setting)
        settings[name] = value
    return settings
