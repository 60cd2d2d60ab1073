"""POST /v1/score answering people (src/serve/visual_reply.h): with
`Accept: text/html` the HTML report, with `Accept: image/svg+xml` the
landscape, byte for byte what `jtbd report` and `jtbd landscape` write for
the same survey and segments; French with Accept-Language: fr; JSON
otherwise, and errors always JSON."""

import json
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import pytest

from test_serve_cli import CLI, SURVEY, TIMEOUT, read, serve  # noqa: F401


def post(server, accept=None, language=None, path="/v1/score?segment_by=segment",
         body=None):
    headers = {"Content-Type": "text/csv"}
    if accept:
        headers["Accept"] = accept
    if language:
        headers["Accept-Language"] = language
    request = urllib.request.Request(
        server.base + path, data=read(SURVEY) if body is None else body,
        headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return (response.status, response.headers.get("Content-Type"),
                    response.headers.get("Vary"), response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), None, error.read()


def cli(*args):
    return subprocess.run([CLI, *args, "--segment-by", "segment", SURVEY],
                          check=True, capture_output=True,
                          timeout=TIMEOUT).stdout


def test_accept_chooses_html_svg_or_json(serve):  # noqa: F811
    server = serve()
    status, kind, vary, body = post(server, "text/html")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert vary == "Accept, Accept-Language"
    assert body == cli("report")
    status, kind, _, body = post(server, "text/html", "fr-FR, en;q=0.5")
    assert body == cli("report", "--lang", "fr")
    status, kind, _, body = post(server, "image/svg+xml")
    assert (status, kind) == (200, "image/svg+xml; charset=utf-8")
    assert body == cli("landscape")
    ET.fromstring(body)
    # JSON unless HTML or SVG is preferred.
    for accept in (None, "*/*", "application/json",
                   "text/html;q=0.5, application/json",
                   "text/html;q=0, image/svg+xml;q=0"):
        status, kind, _, body = post(server, accept)
        assert (status, kind) == (200, "application/json"), accept
        json.loads(body)
    status, kind, _, body = post(server, "image/svg+xml, text/html;q=0.8")
    assert kind.startswith("image/svg+xml")
    assert server.stop() == 0


def test_errors_stay_json(serve):  # noqa: F811
    server = serve()
    status, kind, _, body = post(server, "text/html",
                                 path="/v1/score?segment_by=nope")
    assert status == 400 and kind == "application/json"
    assert json.loads(body)["error"]["code"] == "NOT_FOUND"  # no such column
    assert server.stop() == 0
