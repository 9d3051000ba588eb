"""BibTeX and CSL-JSON: citations for reference managers and LaTeX, not for reading.

BibTeX entries are `@misc` (understood by BibTeX and biblatex alike) keyed by the source's
id, which is unique within a brief. Neither format brackets inferred values; instead a
`note` says which values were inferred. CSL-JSON items are typed `article-newspaper` when
the outlet is known, `article` otherwise. The access date (`urldate`, `accessed`) is the
source's own `accessed`, given only with a URL; the brief's `as_of` is not an access date.
"""

from __future__ import annotations

from typing import Any

from briefing.cite.references import Name, Reference

BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_LATEX = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\textbraceleft{}",  # not \{: BibTeX counts braces, escaped or not
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def latex_escape(text: str) -> str:
    """Escape LaTeX's special characters so text prints as written."""
    return "".join(_LATEX.get(c, c) for c in text)


def inferred_note(ref: Reference) -> str | None:
    """`Inferred, not stated in the article: outlet, date`, or None."""
    keys = [
        name
        for name, flag in (
            ("title", ref.title_inferred),
            ("outlet", ref.outlet_inferred),
            ("date", ref.published_inferred),
        )
        if flag
    ]
    return f"Inferred, not stated in the article: {', '.join(keys)}" if keys else None


def _bibtex_author(name: Name) -> str:
    return latex_escape(name.inverted) if name.given else "{" + latex_escape(name.family) + "}"


def bibtex_entry(ref: Reference) -> str:
    """A `@misc` entry; the title is double-braced so BibTeX keeps its capitals."""
    fields: list[tuple[str, str]] = []
    if ref.authors:
        fields.append(("author", "{" + " and ".join(map(_bibtex_author, ref.authors)) + "}"))
    fields.append(("title", "{{" + latex_escape(ref.title) + "}}"))
    if ref.short_title:
        fields.append(("shorttitle", "{{" + latex_escape(ref.short_title) + "}}"))
    if ref.outlet:
        fields.append(("howpublished", "{" + latex_escape(ref.outlet) + "}"))
    if ref.published is not None:
        fields += _bibtex_date(ref)
    if ref.url:
        fields.append(("url", "{" + ref.url.replace("{", "%7B").replace("}", "%7D") + "}"))
        if ref.accessed is not None:
            fields.append(("urldate", "{" + _iso(ref.accessed.iso_parts()) + "}"))
    note = inferred_note(ref)
    if note:
        fields.append(("note", "{" + note + "}"))
    body = "".join(f"  {name} = {value},\n" for name, value in fields)
    return f"@misc{{{ref.key},\n{body}}}"


def _bibtex_date(ref: Reference) -> list[tuple[str, str]]:
    published = ref.published
    assert published is not None
    fields = [("year", "{" + published.year.replace("–", "--") + "}")]
    if published.month is not None:
        fields.append(("month", BIBTEX_MONTHS[published.month - 1]))
        fields.append(("date", "{" + _iso(published.iso_parts()) + "}"))
    return fields


def _iso(parts: list[int]) -> str:
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


def bibtex_cite(ref: Reference, paragraph: int) -> str:
    r"""`\cite[\P~3]{src-harbour}`: the citation command with the paragraph as locator."""
    return f"\\cite[\\P~{paragraph}]{{{ref.key}}}"


def csl_item(ref: Reference) -> dict[str, Any]:
    """A CSL-JSON item, as Zotero, Pandoc and citeproc read it."""
    item: dict[str, Any] = {
        "id": ref.key,
        "type": "article-newspaper" if ref.outlet else "article",
        "title": ref.title,
    }
    if ref.short_title:
        item["title-short"] = ref.short_title
    if ref.authors:
        item["author"] = [
            {"family": n.family, "given": n.given} if n.given else {"literal": n.family}
            for n in ref.authors
        ]
    if ref.outlet:
        item["container-title"] = ref.outlet
    if ref.published is not None:
        item["issued"] = _csl_date(ref)
    if ref.url:
        item["URL"] = ref.url
        if ref.accessed is not None:
            item["accessed"] = {"date-parts": [ref.accessed.iso_parts()]}
    note = inferred_note(ref)
    if note:
        item["note"] = note
    return item


def _csl_date(ref: Reference) -> dict[str, Any]:
    published = ref.published
    assert published is not None
    if "–" in published.year:
        first, last = published.year.split("–")
        date: dict[str, Any] = {"date-parts": [[int(first)], [int(last)]]}
    else:
        date = {"date-parts": [published.iso_parts()]}
    if published.approximate:
        date["circa"] = True
    return date
