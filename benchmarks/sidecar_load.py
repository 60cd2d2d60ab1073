#!/usr/bin/python3
"""Throughput, latency and peak memory of `jtbd serve` (issue 19, item 2).

Starts `jtbd serve --port 0`, then CLIENTS threads post the same survey
(RESPONDENTS respondents, OUTCOMES outcomes, four segments, scored by
segment) to /v1/score for SECONDS, each on its own kept-alive connection.
Every answer is compared with `jtbd score --format json` on the same file;
a wrong one stops the run. Prints requests per second, p50 and p99 latency
and the server's peak resident set (VmHWM).

  /usr/bin/python3 benchmarks/sidecar_load.py --cli build/jtbd
      [--seconds 20] [--clients 8] [--respondents 1000]

Standard library only. The figures depend on the machine and its load;
nothing here is asserted in CI (tests/serve/test_serve_load.py is).
"""

import argparse
import http.client
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "tests", "serve"))
from sidecar_process import OUTCOMES, Sidecar, wide_survey  # noqa: E402


def percentile(sorted_values, fraction):
    """The nearest-rank percentile."""
    rank = max(1, int(-(-fraction * len(sorted_values) // 1)))
    return sorted_values[rank - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default="build/jtbd")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--respondents", type=int, default=1000)
    args = parser.parse_args()

    body = wide_survey(args.respondents)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "survey.csv")
        with open(path, "wb") as f:
            f.write(body)
        expected = subprocess.run(
            [args.cli, "score", "--format", "json", "--segment-by", "segment",
             path], check=True, capture_output=True).stdout

    server = Sidecar(args.cli, timeout=60)
    try:
        port = server.port
        latencies, errors = [], []
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds

        def client():
            connection = http.client.HTTPConnection("127.0.0.1", port,
                                                    timeout=60)
            mine = []
            try:
                while time.monotonic() < stop_at:
                    start = time.perf_counter()
                    connection.request(
                        "POST", "/v1/score?segment_by=segment", body=body,
                        headers={"Content-Type": "text/csv"})
                    response = connection.getresponse()
                    answer = response.read()
                    mine.append(time.perf_counter() - start)
                    if response.status != 200 or answer != expected:
                        raise RuntimeError(
                            f"wrong answer: {response.status} {answer[:200]}")
            except Exception as error:  # reported below, stops the run
                with lock:
                    errors.append(repr(error))
            finally:
                connection.close()
                with lock:
                    latencies.extend(mine)

        started = time.monotonic()
        threads = [threading.Thread(target=client)
                   for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        peak = server.vm_hwm_bytes() >> 10
    finally:
        status = server.stop()

    if errors:
        print("errors:", errors[:3], file=sys.stderr)
        return 1
    latencies.sort()
    print(f"jtbd serve, POST /v1/score?segment_by=segment, "
          f"{args.respondents} respondents x {OUTCOMES} outcomes "
          f"({len(body)} bytes), {args.clients} clients, {elapsed:.1f} s")
    print(f"requests: {len(latencies)} (all answers equal to jtbd score's)")
    print(f"requests/s: {len(latencies) / elapsed:.1f}")
    print(f"latency p50: {percentile(latencies, 0.50) * 1000:.1f} ms")
    print(f"latency p99: {percentile(latencies, 0.99) * 1000:.1f} ms")
    print(f"peak RSS (VmHWM): {peak} KiB ({peak / 1024:.1f} MiB)")
    print(f"exit status after SIGTERM: {status}")
    return 0 if status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
