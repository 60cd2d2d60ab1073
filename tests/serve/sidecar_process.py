"""`jtbd serve` as a child process, and the survey the sidecar is loaded with:
shared by the sidecar's process tests and benchmarks/sidecar_load.py.
Standard library only (the benchmark runs without pytest).
"""

import random
import signal
import subprocess
import threading

READY = "listening on http://127.0.0.1:"
OUTCOMES = 60  # a wide export of ODI size
SEGMENTS = ("field", "office", "remote", "partner")


def wide_survey(respondents, seed=1):
    """A wide survey with respondent ids, four segments and 2% blanks."""
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


def vm_hwm_bytes(pid):
    """The peak resident set of process `pid` (VmHWM), in bytes."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmHWM in /proc/{pid}/status")


class Sidecar:
    """`cli serve --port 0 *args`, started and ready: `port` and `base` say
    where it listens. Its standard error goes to `log_path` (discarded when
    None). Waits are bounded by `timeout` seconds, so that a hung server
    fails the caller instead of hanging it."""

    def __init__(self, cli, *args, log_path=None, timeout=30):
        self.timeout = timeout
        self.log_path = log_path
        self.log = open(log_path, "wb") if log_path else None
        self.process = subprocess.Popen(
            [cli, "serve", "--port", "0", *args], stdout=subprocess.PIPE,
            stderr=self.log or subprocess.DEVNULL)
        timer = threading.Timer(timeout, self.process.kill)
        timer.start()
        try:
            self.ready_line = self.process.stdout.readline().decode()
        finally:
            timer.cancel()
        if not self.ready_line.startswith(READY):
            log = self.log_path.read_text() if self.log_path else ""
            self.process.kill()
            self.process.wait(timeout=timeout)
            raise AssertionError(
                f"jtbd serve did not start: {self.ready_line!r} {log}")
        self.base = self.ready_line.split()[-1]
        self.port = int(self.ready_line.rsplit(":", 1)[1])

    def vm_hwm_bytes(self):
        return vm_hwm_bytes(self.process.pid)

    def stop(self):
        """SIGTERM, then the exit status."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=self.timeout)
        finally:
            self.process.stdout.close()
            if self.log:
                self.log.close()


class Started:
    """Starts sidecars with `factory(*args)` and, at the end of a test, kills
    whichever is still running (a pytest fixture yields one)."""

    def __init__(self, factory):
        self.factory = factory
        self.servers = []

    def __call__(self, *args):
        server = self.factory(*args)
        self.servers.append(server)
        return server

    def kill_running(self):
        for server in self.servers:
            if server.process.poll() is None:
                server.process.kill()
                server.process.wait(timeout=server.timeout)
