"""WARC and WET files for the tests, written with warcio from the shipped example article."""

from __future__ import annotations

import html
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "cna-belarus.txt"

WARC_URL = "https://example.com/world/belarus-frees-nobel-winner"
WARC_DATE = "2025-12-14T03:00:00Z"
WET_URL = "https://example.org/belarus"
WET_DATE = "2025-12-14T04:30:00Z"


def seed_html() -> str:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return (
        "<!DOCTYPE html><html><body>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + "</body></html>"
    )


def write_warc(path: Path) -> Path:
    """A gzipped WARC: a request, an HTML response, a redirect and an image (only the HTML counts)."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": WARC_DATE},
            )
            writer.write_record(record)

        request = writer.create_warc_record(
            WARC_URL,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True),
        )
        writer.write_record(request)
        response(WARC_URL, "200 OK", "text/html; charset=utf-8", seed_html().encode("utf-8"))
        response("https://example.com/old", "301 Moved Permanently", "text/html", b"<a href=/new>moved</a>")
        response("https://example.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00")
    return path


def write_wet(path: Path) -> Path:
    """A gzipped WET file: a warcinfo record and one conversion (text) record."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("x.warc.wet.gz", {"software": "test"}))
        record = writer.create_warc_record(
            WET_URL,
            "conversion",
            payload=io.BytesIO(SEED.read_bytes()),
            warc_content_type="text/plain",
            warc_headers_dict={"WARC-Date": WET_DATE},
        )
        writer.write_record(record)
    return path
