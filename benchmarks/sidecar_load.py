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
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

OUTCOMES = 60
SEGMENTS = ("field", "office", "remote", "partner")


def survey(respondents, seed=1):
    """A wide survey with respondent ids, four segments and a few blanks
    (as tests/serve/test_serve_memory.py's)."""
    rng = random.Random(seed)
    header = ["respondent_id", "segment"]
    for o in range(OUTCOMES):
        header += [f"imp_o{o}", f"sat_o{o}"]
    lines = [",".join(header)]
    for r in range(respondents):
        cells = [f"r{r:07d}", SEGMENTS[r % len(SEGMENTS)]]
        for _ in range(2 * OUTCOMES):
            cells.append("" if rng.random() < 0.02 else str(rng.randint(1, 5)))
        lines.append(",".join(cells))
    return ("\n".join(lines) + "\n").encode()


def vm_hwm_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM")


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

    body = survey(args.respondents)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "survey.csv")
        with open(path, "wb") as f:
            f.write(body)
        expected = subprocess.run(
            [args.cli, "score", "--format", "json", "--segment-by", "segment",
             path], check=True, capture_output=True).stdout

    server = subprocess.Popen([args.cli, "serve", "--port", "0"],
                              stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    try:
        line = server.stdout.readline().decode()
        if not line.startswith("listening on http://"):
            raise RuntimeError(f"jtbd serve did not start: {line!r}")
        port = int(line.rsplit(":", 1)[1])
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
        peak = vm_hwm_kib(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        status = server.wait(timeout=60)

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
