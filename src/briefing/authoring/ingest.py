"""Turn a saved web page (or a loose text file) into the article format, with what the page
states about itself.

The article format is UTF-8 text, one paragraph per line, the headline on line 1 (so ¶
numbers are the same whether a file was imported or pasted by hand; see
`briefing.authoring.articles`). A page is read with trafilatura, an optional extra
(`pip install 'briefing-reader[ingest]'`): it is imported only here, only when a page is
imported, so nothing else in briefing needs it. What the page's markup states (title,
author, date, site name, address) goes into `NAME.meta.json` beside `NAME.txt`, where
`briefing new` and `add-source` find it; what was guessed is listed there as inferred.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.authoring.articles import clean_value, sidecar_path
from briefing.brief.sources import MAX_SOURCE_BYTES, SourceError, decode_text
from briefing.store.files import FileRefused, read_regular, write_new

EXTRA = "pip install 'briefing-reader[ingest]'"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_REFERENCE = re.compile(r"&#(x[0-9a-f]+|[0-9]+);", re.IGNORECASE)
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
_METADATA = (
    ("title", "title"),
    ("author", "author"),
    ("published", "date"),
    ("outlet", "sitename"),
    ("url", "url"),
)
"""Each source key and the extractor's name for it."""


class IngestError(Exception):
    """A page or text that cannot be imported; the message says why in one line."""


@dataclass
class Imported:
    """An article ready to write: its paragraphs (headline first) and its metadata."""

    paragraphs: list[str]
    metadata: dict[str, str] = field(default_factory=dict)
    inferred: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        """The article file's text: one paragraph per line."""
        return "".join(p + "\n" for p in self.paragraphs)

    def sidecar(self, source: Path) -> str:
        """The JSON that records what the page stated, and how it was read."""
        data: dict[str, Any] = dict(self.metadata)
        if self.inferred:
            data["inferred"] = self.inferred
        data["imported_from"] = source.name
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_input(path: Path) -> str:
    """The text of a page or text file, strictly UTF-8 (HTML declaring another charset is
    decoded by that charset)."""
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    try:
        data = read_regular(path, MAX_SOURCE_BYTES, what="a page")
    except FileRefused as refused:
        raise IngestError(f"{path}: {refused}") from None
    charset = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.IGNORECASE)
    if path.suffix.lower() in PAGE_SUFFIXES and charset and charset.group(1).lower() != b"utf-8":
        try:
            return data.decode(charset.group(1).decode("ascii"), errors="strict")
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode_text(data, str(path))
    except SourceError as error:
        raise IngestError(str(error)) from None


def from_page(html: str) -> Imported:
    """Extract a page's article text and metadata with trafilatura."""
    try:
        import trafilatura
    except ImportError:
        raise IngestError(f"importing web pages needs the ingest extra: {EXTRA}") from None
    html = _REFERENCE.sub(_unless_control, _CONTROLS.sub("", html.replace("\r\n", "\n")))
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(document, "text", None) if document is not None else None
    if not body:
        raise IngestError("no article text found in the page")
    imported = Imported(_paragraphs(body.split("\n")))
    for key, attribute in _METADATA:
        raw = getattr(document, attribute, None)
        value = clean_value(key, raw) if isinstance(raw, str) else None
        if value is not None:
            imported.metadata[key] = value
    _mark_guesses(imported, html, getattr(document, "hostname", None))
    _headline_first(imported)
    return imported


def _unless_control(reference: re.Match[str]) -> str:
    """A character reference as written, or nothing when it names a control character
    (`&#27;`): never text, and the HTML parser gives up on the whole page at one."""
    number = reference.group(1)
    code = int(number[1:], 16) if number[0] in "xX" else int(number)
    return "" if code < 0x110000 and _CONTROLS.match(chr(code)) else reference.group(0)


def _mark_guesses(imported: Imported, html: str, hostname: object) -> None:
    """Values the extractor found outside the page's own words are inferred, not stated."""
    published = imported.metadata.get("published")
    if published and published not in html:
        imported.inferred["published"] = "the extractor's reading of the page's date"
    outlet = imported.metadata.get("outlet")
    if outlet and isinstance(hostname, str) and outlet.casefold() in hostname.casefold():
        imported.inferred["outlet"] = "the web address's domain; name the publisher"


def _headline_first(imported: Imported) -> None:
    title = imported.metadata.get("title")
    if title and (not imported.paragraphs or imported.paragraphs[0] != title):
        imported.paragraphs.insert(0, title)


def from_text(text: str) -> Imported:
    """A loose text file as an article: blank-line-separated blocks of wrapped lines become
    one paragraph each; text that is already one paragraph per line stays as it is."""
    lines = text.split("\n")
    blocks = [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    wrapped = any(len([x for x in b.split("\n") if x.strip()]) > 1 for b in blocks)
    return Imported(_paragraphs(blocks if wrapped and len(blocks) > 1 else lines))


def _paragraphs(chunks: list[str]) -> list[str]:
    """Each chunk as one line: controls dropped, white space runs made one space."""
    paragraphs = []
    for chunk in chunks:
        line = " ".join(_CONTROLS.sub("", chunk).split())
        if line:
            paragraphs.append(line)
    return paragraphs


def import_article(source: Path, folder: Path) -> tuple[Path, Imported]:
    """Read source (a page or text file) and write `folder/NAME.txt` (and `NAME.meta.json`
    when the page stated anything); refuse to overwrite. Returns the article's path."""
    target = folder / (source.stem + ".txt")
    if target.resolve() == source.resolve():
        raise IngestError(f"{source}: would be overwritten by its own import; give -o FOLDER")
    for path in (target, sidecar_path(target)):
        if path.exists():
            raise IngestError(f"{path} exists; not overwritten")
    text = read_input(source)
    is_page = source.suffix.lower() in PAGE_SUFFIXES
    imported = from_page(text) if is_page else from_text(text)
    if not imported.paragraphs:
        raise IngestError(f"{source}: no text to import")
    _write_both(target, imported, source)
    return target, imported


def _write_both(target: Path, imported: Imported, source: Path) -> None:
    """The sidecar first, then the article, each created new: an article is never left
    without its metadata, and a failed import leaves nothing behind."""
    sidecar = sidecar_path(target) if imported.metadata else None
    try:
        if sidecar is not None:
            write_new(sidecar, imported.sidecar(source).encode("utf-8"))
        try:
            write_new(target, imported.text().encode("utf-8"))
        except BaseException:
            if sidecar is not None:
                sidecar.unlink(missing_ok=True)
            raise
    except FileExistsError as error:
        raise IngestError(f"{error.filename2 or target} exists; not overwritten") from None
    except OSError as error:
        raise IngestError(f"{target}: cannot be written: {error.strerror or error}") from None
