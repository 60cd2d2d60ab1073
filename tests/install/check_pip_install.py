"""The Python package installs with pip from bindings/python, offline, with
Debian's setuptools as the build backend, and finds the installed libjtbd.

    check_pip_install.py --source bindings/python --prefix P --libdir lib \
        --work W --survey examples/survey.csv --expected expected_top.txt \
        [--run-env NAME=VALUE ...]

Installs into W/site (pip --target: the directory the Odoo host test puts on
its path), then runs tests/install/top_outcomes.py from outside the source
tree, once finding the library through the loader path (LD_LIBRARY_PATH, as
for a library under /usr/local/lib) and once through $JTBD_LIBRARY; and
scores a message with the installed jtbd.v1 classes.
--run-env (repeated) adds to the environment of those two runs only, not
pip's: a sanitizer build's preloaded runtime (cmake/JtbdSanitize.cmake).
"""

import argparse
import glob
import os
import shutil
import sys

from install_driver import add_run_env_option, clean_env, fail, run, run_env

HERE = os.path.dirname(os.path.abspath(__file__))
PROTO_CHECK = """
import os
import jtbd
from jtbd.v1 import scoring_pb2
request = scoring_pb2.ScoreRequest()
request.study.outcomes.add(id="o1")
request.study.respondents.add(id="r1").answers.add(
    outcome_id="o1", importance=5, satisfaction=1)
report = jtbd.score_request_message(request)
print(os.path.dirname(jtbd.v1.__file__), report.respondent_count)
"""


def main():
    parser = argparse.ArgumentParser()
    for name in ("source", "prefix", "libdir", "work", "survey", "expected"):
        parser.add_argument("--" + name, required=True)
    add_run_env_option(parser)
    args = parser.parse_args()
    extra_env = run_env(args)

    # pip builds in place (setuptools writes build/ and *.egg-info next to
    # pyproject.toml): build from a copy so the source tree stays clean.
    source_copy = os.path.join(args.work, "source")
    site = os.path.join(args.work, "site")
    shutil.rmtree(args.work, ignore_errors=True)
    shutil.copytree(args.source, source_copy,
                    ignore=shutil.ignore_patterns(
                        "__pycache__", "*.pyc", "build", "*.egg-info"))
    run([sys.executable, "-m", "pip", "install", "--no-build-isolation",
         "--no-index", "--no-deps", "--no-cache-dir",
         "--disable-pip-version-check", "--root-user-action=ignore",
         "--target", site, source_copy], env=clean_env(), cwd=args.work)

    if not os.path.isfile(os.path.join(site, "jtbd", "__init__.py")):
        fail("no jtbd package in " + site)
    dist_info = glob.glob(os.path.join(site, "jtbd-*.dist-info"))
    if len(dist_info) != 1:
        fail("expected one jtbd-*.dist-info in %s, found %s"
             % (site, dist_info))
    if os.path.exists(os.path.join(site, "tests")):
        fail("the binding's tests were installed as a package")
    # jtbd.v1, the committed protobuf classes, comes with the package.
    wanted = sorted(name for name in os.listdir(
        os.path.join(args.source, "jtbd", "v1")) if name.endswith(".py"))
    installed = sorted(name for name in os.listdir(
        os.path.join(site, "jtbd", "v1")) if name.endswith(".py"))
    if not wanted or installed != wanted:
        fail("jtbd/v1 holds %s, expected %s" % (installed, wanted))

    with open(args.expected) as f:
        expected = f.read()
    lib_dir = os.path.realpath(os.path.join(args.prefix, args.libdir))
    soname = os.path.join(lib_dir, "libjtbd.so.1")
    for how, extra in (("loader path", {"LD_LIBRARY_PATH": lib_dir}),
                       ("$JTBD_LIBRARY", {"JTBD_LIBRARY": soname})):
        output = run([sys.executable, os.path.join(HERE, "top_outcomes.py"),
                      args.survey],
                     env=clean_env(**dict(extra_env, PYTHONPATH=site, **extra)),
                     cwd=args.work)
        lines = output.splitlines()
        version = lines[0]
        if not version.startswith("jtbd 1."):
            fail("%s: first line %r" % (how, version))
        wanted_dist = "jtbd-%s.dist-info" % version.split()[1]
        if os.path.basename(dist_info[0]) != wanted_dist:
            fail("installed %s for library %s"
                 % (os.path.basename(dist_info[0]), version))
        report = "\n".join(lines[1:-2]) + "\n"
        if report != expected:
            fail("%s: got\n%s\nexpected\n%s" % (how, report, expected))
        package = lines[-2].split(" ", 1)[1]
        if os.path.realpath(package) != os.path.realpath(
                os.path.join(site, "jtbd")):
            fail("%s: jtbd imported from %s, not the pip install"
                 % (how, package))
        library = lines[-1].split(" ", 1)[1]
        if os.path.dirname(os.path.realpath(library)) != lib_dir:
            fail("%s: loaded %s, not the library under %s"
                 % (how, library, lib_dir))
        print("%s: jtbd from %s, %s" % (how, package, library))

    # A ScoreRequest message scored through the installed library, with the
    # installed jtbd.v1 (Debian's python3-protobuf as the runtime).
    output = run([sys.executable, "-c", PROTO_CHECK],
                 env=clean_env(**dict(extra_env, PYTHONPATH=site,
                                      LD_LIBRARY_PATH=lib_dir)),
                 cwd=args.work)
    v1_dir, respondents = output.split()
    if os.path.realpath(v1_dir) != os.path.realpath(
            os.path.join(site, "jtbd", "v1")) or respondents != "1":
        fail("jtbd.v1: got %r" % output)
    print("jtbd.v1 from %s: a ScoreRequest message scores" % v1_dir)
    print("pip install --no-build-isolation --no-index: ok")


if __name__ == "__main__":
    main()
