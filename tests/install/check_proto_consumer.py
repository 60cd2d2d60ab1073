"""The installed jtbd.v1 schemas serve an app as they would outside this
repository: found through the CMake package (C++) and pkg-config (Python),
compiled with protoc, used to build a ScoreRequest from examples/survey.csv
and to read the binary Report back, which must hold the hand-counted top
outcomes of expected_top.txt.

    check_proto_consumer.py --prefix P --libdir lib --work W
        --survey examples/survey.csv --expected expected_top.txt
        --cmake cmake --cxx c++ --protoc protoc --pkg-config pkg-config
        [--run-env NAME=VALUE ...]

  C++: proto_consumer/ (CMake: find_package(jtbd), jtbd_PROTO_DIR) builds
    the classes into a program that links jtbd::jtbd and scores through the
    C ABI, in the same process as libjtbd's own copy of the schemas.
  Python: protoc --python_out from `pkg-config --variable=protodir jtbd`;
    proto_consumer/score_request_sidecar.py POSTs application/x-protobuf to
    the installed `jtbd serve` on a loopback port the kernel picks.
  The descriptor set (`--variable=descriptor_set`, jtbd_DESCRIPTOR_SET)
  holds every schema file with its comments.
--run-env (repeated) adds to the environment of the C++ program only, the
one that loads libjtbd.so: a sanitizer build's preloaded runtime
(cmake/JtbdSanitize.cmake).
"""

import argparse
import glob
import os
import shutil
import signal
import subprocess
import sys
import threading

from google.protobuf import descriptor_pb2
from install_driver import (TIMEOUT, add_run_env_option, clean_env, fail,
                            run, run_env)

HERE = os.path.dirname(os.path.abspath(__file__))
CONSUMER = os.path.join(HERE, "proto_consumer")


def expect_top(label, output, expected):
    first, _, rest = output.partition("\n")
    if not first.startswith("jtbd 1."):
        fail("%s: no version line first:\n%s" % (label, output))
    if rest != expected:
        fail("%s: got\n%s\nexpected\n%s" % (label, rest, expected))
    print("%s: ok" % label)


def inside(path, prefix, what):
    if not os.path.exists(path):
        fail("%s %s does not exist" % (what, path))
    real, root = os.path.realpath(path), os.path.realpath(prefix)
    if os.path.commonpath([real, root]) != root:
        fail("%s %s is not under the prefix %s" % (what, path, prefix))
    return real


def check_descriptor_set(path, proto_dir):
    descriptors = descriptor_pb2.FileDescriptorSet()
    with open(path, "rb") as f:
        descriptors.ParseFromString(f.read())
    names = sorted(file.name for file in descriptors.file)
    installed = sorted(
        os.path.relpath(p, proto_dir)
        for p in glob.glob(os.path.join(proto_dir, "jtbd", "v1", "*.proto")))
    if names != installed or "jtbd/v1/report.proto" not in names:
        fail("descriptor set %s holds %s, the proto dir %s" % (
            path, names, installed))
    for file in descriptors.file:
        if file.package != "jtbd.v1" or not file.source_code_info.location:
            fail("%s in %s: package %r, comments %d" % (
                file.name, path, file.package,
                len(file.source_code_info.location)))


def cmake_consumer(args, expected):
    build = os.path.join(args.work, "cpp")
    output = run([args.cmake, "-S", CONSUMER, "-B", build,
                  "-DCMAKE_PREFIX_PATH=" + args.prefix,
                  "-DCMAKE_CXX_COMPILER=" + args.cxx,
                  "-DProtobuf_PROTOC_EXECUTABLE=" + args.protoc,
                  "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF",
                  "-DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF"],
                 env=clean_env())
    proto_dir = descriptor_set = None
    for line in output.splitlines():
        if line.startswith("-- jtbd schemas in "):
            proto_dir = line[len("-- jtbd schemas in "):]
        elif line.startswith("-- jtbd descriptor set "):
            descriptor_set = line[len("-- jtbd descriptor set "):]
    proto_dir = inside(proto_dir or "", args.prefix, "jtbd_PROTO_DIR")
    check_descriptor_set(
        inside(descriptor_set or "", args.prefix, "jtbd_DESCRIPTOR_SET"),
        proto_dir)
    run([args.cmake, "--build", build], env=clean_env())
    # The build tree's RPATH points at the installed library.
    output = run([os.path.join(build, "score_request"), args.survey],
                 env=clean_env(**args.run_env))
    expect_top("C++ consumer through the C ABI", output, expected)


def pkg_config_variable(args, name):
    env = clean_env(PKG_CONFIG_LIBDIR=os.path.join(args.prefix, args.libdir,
                                                   "pkgconfig"))
    return run([args.pkg_config, "--variable=" + name, "jtbd"],
               env=env).strip()


class Sidecar:
    """The installed `jtbd serve --port 0`, until stop()."""

    def __init__(self, cli, log_path):
        self.log = open(log_path, "wb")
        self.log_path = log_path
        self.process = subprocess.Popen(
            [cli, "serve", "--port", "0"], stdout=subprocess.PIPE,
            stderr=self.log)
        timer = threading.Timer(TIMEOUT, self.process.kill)
        timer.start()
        try:
            ready = self.process.stdout.readline().decode()
        finally:
            timer.cancel()
        if not ready.startswith("listening on http://127.0.0.1:"):
            self.stop()
            fail("jtbd serve: %r\n%s" % (ready, self.read_log()))
        self.url = ready.split()[-1]

    def read_log(self):
        with open(self.log_path) as f:
            return f.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=TIMEOUT)
        finally:
            self.process.stdout.close()
            self.log.close()


def python_consumer(args, expected):
    proto_dir = inside(pkg_config_variable(args, "protodir"), args.prefix,
                       "pkg-config protodir")
    check_descriptor_set(
        inside(pkg_config_variable(args, "descriptor_set"), args.prefix,
               "pkg-config descriptor_set"), proto_dir)
    generated = os.path.join(args.work, "python")
    os.makedirs(generated)
    protos = sorted(glob.glob(os.path.join(proto_dir, "jtbd", "v1",
                                           "*.proto")))
    run([args.protoc, "--proto_path=" + proto_dir,
         "--python_out=" + generated] + protos)
    sidecar = Sidecar(os.path.join(args.prefix, "bin", "jtbd"),
                      os.path.join(args.work, "serve.log"))
    try:
        output = run([sys.executable,
                      os.path.join(CONSUMER, "score_request_sidecar.py"),
                      "--url", sidecar.url, args.survey],
                     env=clean_env(PYTHONPATH=generated), cwd=args.work)
    finally:
        status = sidecar.stop()
    if status != 0:
        fail("jtbd serve exited %d\n%s" % (status, sidecar.read_log()))
    expect_top("Python consumer through the sidecar", output, expected)


def main():
    parser = argparse.ArgumentParser()
    for name in ("prefix", "libdir", "work", "survey", "expected", "cmake",
                 "cxx", "protoc", "pkg-config"):
        parser.add_argument("--" + name, required=True)
    add_run_env_option(parser)
    args = parser.parse_args()
    args.run_env = run_env(args)
    for name in ("prefix", "work", "survey", "expected"):
        setattr(args, name, os.path.abspath(getattr(args, name)))
    for name in ("cmake", "cxx", "protoc", "pkg_config"):
        found = shutil.which(getattr(args, name))
        if not found:
            fail("no %s: %s" % (name, getattr(args, name)))
        setattr(args, name, found)
    with open(args.expected) as f:
        expected = f.read()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    cmake_consumer(args, expected)
    python_consumer(args, expected)


if __name__ == "__main__":
    main()
