"""A memo as a Word document (.docx) with real footnotes, written with the standard library.

A .docx is a zip of a few XML parts. Only what a memo needs is written: a title, plain
paragraphs, indented quotes, footnotes (Word's own, so they renumber and move with the
text in Word, LibreOffice and Google Docs) and the closing list. No dependency pays for
itself at this size: the whole format is the six parts below.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from briefing.cite.memo import Cited, ClipNote, Line, Memo, SourceLine, quoted

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Characters XML 1.0 cannot hold at all (clips are cleaned already; this is the last guard).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_ML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = f"""{_HEAD}<Types xmlns="{_PKG}/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{_ML}.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{_ML}.footnotes+xml"/>
<Override PartName="/word/styles.xml" ContentType="{_ML}.styles+xml"/>
</Types>"""
PACKAGE_RELS = f"""{_HEAD}<Relationships xmlns="{_PKG}/relationships">
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOCUMENT_RELS = f"""{_HEAD}<Relationships xmlns="{_PKG}/relationships">
<Relationship Id="rId1" Type="{_REL}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>
</Relationships>"""
STYLES = f"""{_HEAD}<w:styles xmlns:w="{_W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>
<w:pPr><w:spacing w:after="160"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
<w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
<w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>
<w:pPr><w:ind w:left="720" w:right="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>
<w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr>
<w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"""


def _runs(text: str, style: str = "") -> str:
    """Text as Word runs: escaped, its line breaks kept."""
    properties = f"<w:rPr>{style}</w:rPr>" if style else ""
    pieces = [
        f'<w:t xml:space="preserve">{escape(_NOT_XML.sub("", line))}</w:t>'
        for line in text.split("\n")
    ]
    return f"<w:r>{properties}{'<w:br/>'.join(pieces)}</w:r>"


def _paragraph(content: str, style: str = "") -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}{content}</w:p>"


def _note_mark(number: int) -> str:
    return (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteReference w:id="{number}"/></w:r>'
    )


def _body(memo: Memo) -> list[str]:
    paragraphs = [_paragraph(_runs(memo.title), "Title")]
    for piece in memo.body:
        if isinstance(piece, Line | SourceLine):
            paragraphs.append(_paragraph(_runs(piece.text)))
        elif isinstance(piece, ClipNote):
            paragraphs.append(_paragraph(_runs("Note: ", "<w:i/>") + _runs(piece.text)))
        elif isinstance(piece, Cited) and piece.note is None:
            paragraphs.append(_paragraph(_runs(quoted(memo, piece))))
        else:
            mark = _note_mark(piece.note or 0)
            paragraphs.append(_paragraph(_runs(quoted(memo, piece)) + mark, "Quote"))
    if memo.references:
        paragraphs.append(_paragraph(_runs(memo.heading), "Heading1"))
        paragraphs += [_paragraph(_runs(entry)) for entry in memo.references]
    return paragraphs


def _footnotes(memo: Memo) -> str:
    notes = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for number, note in enumerate(memo.notes, 1):
        mark = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        text = _paragraph(mark + _runs(f" {note}"), "FootnoteText")
        notes.append(f'<w:footnote w:id="{number}">{text}</w:footnote>')
    return f'{_HEAD}<w:footnotes xmlns:w="{_W}">{"".join(notes)}</w:footnotes>'


def memo_docx(memo: Memo) -> bytes:
    """The memo as the bytes of a .docx file."""
    document = (
        f'{_HEAD}<w:document xmlns:w="{_W}"><w:body>{"".join(_body(memo))}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "word/footnotes.xml": _footnotes(memo),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), text.encode("utf-8"))
    return buffer.getvalue()
