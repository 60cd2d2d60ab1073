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


def section(page, name):
    """The <section id="name"> element's text, whole."""
    text = page.decode("utf-8")
    start = text.index('<section id="%s">' % name)
    return text[start:text.index("</section>", start) + len("</section>")]


def test_forces_compare_and_prioritize_answer_html(serve):  # noqa: F811
    """Each answers Accept: text/html with its section of `jtbd report` as
    a page of its own, the same bytes as the CLI's section; JSON
    otherwise."""
    import os
    examples = os.path.dirname(SURVEY)
    second = os.path.join(examples, "survey_wave2.csv")
    interviews = os.path.join(examples, "interviews.csv")
    initiatives = os.path.join(examples, "initiatives.csv")

    def text(path):
        return read(path).decode("utf-8")

    server = serve()
    requests = {
        "forces": ("/v1/forces", read(interviews), "text/csv"),
        "waves": ("/v1/compare", json.dumps(
            {"first": text(SURVEY), "second": text(second)}).encode(),
            "application/json"),
        "roadmap": ("/v1/prioritize?budget=100", json.dumps(
            {"survey": text(second), "initiatives": text(initiatives)}
        ).encode(), "application/json"),
    }
    for lang in ("en", "fr"):
        full = subprocess.run(
            [CLI, "report", "--lang", lang, "--interviews", interviews,
             "--previous", SURVEY, "--initiatives", initiatives, "--budget",
             "100", second], check=True, capture_output=True,
            timeout=TIMEOUT).stdout
        for name, (path, body, kind) in requests.items():
            request = urllib.request.Request(
                server.base + path, data=body,
                headers={"Content-Type": kind, "Accept": "text/html",
                         "Accept-Language": lang})
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                assert response.status == 200
                assert response.headers.get("Content-Type") == \
                    "text/html; charset=utf-8"
                assert response.headers.get("Vary") == \
                    "Accept, Accept-Language"
                page = response.read()
            assert page.startswith(b"<!DOCTYPE html>")
            assert ('<html lang="%s">' % lang).encode() in page
            # Without --outcomes the report has no statements to add.
            assert section(page, name) == section(full, name), name
            assert b"<script" not in page
    for name, (path, body, kind) in requests.items():
        request = urllib.request.Request(
            server.base + path, data=body, headers={"Content-Type": kind})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            assert response.headers.get("Content-Type") == "application/json"
            json.loads(response.read())
    assert server.stop() == 0
