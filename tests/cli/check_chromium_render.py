#!/usr/bin/env python3
"""Renders the example's HTML report in headless Chromium, English and French.

For each language: `jtbd report` writes the report of examples/survey.csv
(with its outcome statements and segments), and the full report of
examples/survey_wave2.csv with every section (the switching forces of
examples/interviews.csv, the changes since examples/survey.csv, the roadmap
of examples/initiatives.csv); Debian's `chromium` renders it
to a PNG (--headless --no-sandbox --disable-gpu
--disable-background-networking, a fresh --user-data-dir, every host name
mapped to nowhere) while writing a net log. The check fails when the PNG is
blank (decoded here with zlib and struct only: it must hold many colours and
ink on a good share of its pixels) or when the net log shows a request the
page started (Chromium's own update, time and account fetches are told
apart by their initiator; a control page with an outside image and
stylesheet proves the check catches a page's requests). The HTML itself is
also read for src=, href= and url() references.

Exits 77 (ctest's SKIP_RETURN_CODE) when chromium is not installed; .ci/setup
installs it, so CI always runs the check. --keep DIR copies the English PNGs
(report_en.png for docs/images/, and report_full_en.png).
"""
import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "sanitize"))
from external_program_env import external_program_env  # noqa: E402

SKIP = 77


def decode_png(data):
    """(width, height, channels, rows of bytes) of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else up_left)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def check_not_blank(path):
    with open(path, "rb") as f:
        width, height, channels, rows = decode_png(f.read())
    colours, inked, total = set(), 0, 0
    for y in range(0, height, 3):
        row = rows[y]
        for x in range(0, width, 3):
            pixel = row[x * channels:x * channels + 3]
            colours.add(pixel)
            total += 1
            if min(pixel) < 200:
                inked += 1
    share = inked / total
    if len(colours) < 50 or share < 0.01:
        sys.exit("%s looks blank: %d colours, %.2f%% inked" %
                 (path, len(colours), 100 * share))
    return width, height, len(colours), share


def load_net_log(path):
    """The net log's JSON; Chromium may leave its closing "]}" off."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        return json.loads(text)
    except ValueError:
        return json.loads(text.rstrip().rstrip(",") + "]}")


def page_requests(net_log):
    """URLs the page asked for. Chromium's own background fetches (update
    checks, time, accounts: initiator "not an origin") are not the page's;
    a request a document starts carries the document's origin as its
    initiator ("null" for file:) and a file:// network isolation key."""
    log = load_net_log(net_log)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for event in log["events"]:
        if names.get(event["type"]) != "URL_REQUEST_START_JOB":
            continue
        params = event.get("params", {})
        if "url" not in params:
            continue
        initiator = params.get("initiator", "not an origin")
        key = params.get("network_isolation_key", "")
        if initiator != "not an origin" or "file://" in key:
            urls.append(params["url"])
    return urls


def check_html(html):
    assert "<script" not in html.lower(), "the report has a script"
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]+)""", html, re.I)
    refs += re.findall(r"url\(\s*['\"]?([^)'\"]*)", html, re.I)
    for ref in refs:
        if not ref.startswith(("#", "data:")):
            sys.exit("the report references %r" % ref)
    for url in re.findall(r"(?:https?|ftp|wss?)://[^\s\"'<>)]*", html):
        sys.exit("the report names the URL %r" % url)


def render(chromium, html_path, png_path, net_log, work):
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--no-default-browser-check",
        "--disable-default-apps", "--disable-extensions",
        "--user-data-dir=" + tempfile.mkdtemp(dir=work),
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--log-net-log=" + net_log, "--net-log-capture-mode=Everything",
        "--hide-scrollbars", "--screenshot=" + png_path,
        "--window-size=1280,2000", "file://" + html_path]
    # Without the sanitizer runtime the tests preload: under ASan or TSan
    # chromium hangs until the timeout.
    env = external_program_env()
    done = subprocess.run(command, capture_output=True, timeout=180,
                          stdin=subprocess.DEVNULL, env=env)
    if done.returncode != 0 or not os.path.exists(png_path):
        sys.exit("chromium failed (%d):\n%s" %
                 (done.returncode, done.stderr.decode("utf-8", "replace")))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", default=os.environ.get("JTBD_CLI"))
    parser.add_argument("--source-dir", default=os.environ.get("JTBD_SOURCE_DIR"))
    parser.add_argument("--chromium", default=None)
    parser.add_argument("--keep", default=None)
    options = parser.parse_args()
    chromium = options.chromium or shutil.which("chromium") or \
        shutil.which("chromium-browser")
    if not chromium:
        print("chromium is not installed (.ci/setup installs it): skipped")
        return SKIP
    examples = os.path.join(options.source_dir, "examples")
    work = tempfile.mkdtemp(prefix="jtbd-chromium-")
    try:
        # The check must be able to fail: a page with an outside image and
        # stylesheet is caught.
        control = os.path.join(work, "control.html")
        with open(control, "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html><title>c</title><h1>c</h1>"
                    "<img src=\"https://example.org/a.png\">"
                    "<link rel=stylesheet href=\"http://example.com/x.css\">")
        render(chromium, control, os.path.join(work, "control.png"),
               os.path.join(work, "control.json"), work)
        caught = page_requests(os.path.join(work, "control.json"))
        if not any("example.org" in u for u in caught) or \
                not any("example.com" in u for u in caught):
            sys.exit("self-test: the net log check missed the control page's "
                     "requests (%s)" % caught)
        # The example report, then the full one: with the forces, wave
        # changes and roadmap sections (report --interviews --previous
        # --initiatives).
        full_args = [
            "--interviews", os.path.join(examples, "interviews.csv"),
            "--previous", os.path.join(examples, "survey.csv"),
            "--initiatives", os.path.join(examples, "initiatives.csv"),
            "--budget", "100", os.path.join(examples, "survey_wave2.csv")]
        for full in (False, True):
            for lang in ("en", "fr"):
                name = "%s%s" % ("full_" if full else "", lang)
                html_path = os.path.join(work, "report_%s.html" % name)
                subprocess.run(
                    [options.cli, "report", "--lang", lang, "--segment-by",
                     "segment", "--outcomes",
                     os.path.join(examples, "outcomes.csv"), "-o", html_path] +
                    (full_args if full else
                     [os.path.join(examples, "survey.csv")]),
                    check=True, timeout=300)
                with open(html_path, encoding="utf-8") as f:
                    text = f.read()
                check_html(text)
                if full:
                    for section in ("forces", "waves", "roadmap"):
                        if '<section id="%s">' % section not in text:
                            sys.exit("the full %s report has no %s section" %
                                     (lang, section))
                png = os.path.join(work, "report_%s.png" % name)
                net_log = os.path.join(work, "net_%s.json" % name)
                if full:
                    # The window (2000 px) would show only the report's
                    # top: the copy drawn hides what comes before the new
                    # sections, so the PNG shows them.
                    html_path = html_path[:-len(".html")] + "_sections.html"
                    with open(html_path, "w", encoding="utf-8") as f:
                        f.write(text.replace(
                            "</head>", "<style>#summary,#landscape,#ranking,"
                            "#segments{display:none}</style></head>", 1))
                render(chromium, html_path, png, net_log, work)
                width, height, colours, share = check_not_blank(png)
                requests = page_requests(net_log)
                if requests:
                    sys.exit("the %s report made network requests: %s" %
                             (name, ", ".join(requests[:10])))
                print("%s: %dx%d PNG, %d colours, %.1f%% inked, no network "
                      "request" % (name, width, height, colours, 100 * share))
                if options.keep and name in ("en", "full_en"):
                    shutil.copy(png, os.path.join(options.keep,
                                                  "report_%s.png" % name))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
