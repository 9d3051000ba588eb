"""`briefing import PAGE.html|TEXT.txt… [-o FOLDER]`: make article files from saved pages.

Each input becomes `FOLDER/NAME.txt` in the article format (one paragraph per line, the
headline on line 1) and, for a page, `NAME.meta.json` with what the page states about
itself, which `briefing new` and `add-source` then use. Pages need the optional extra
(`pip install 'briefing-reader[ingest]'`); plain text files do not. Nothing is overwritten.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.authoring.articles import sidecar_path
from briefing.authoring.ingest import IngestError, import_article
from briefing.cli.common import say
from briefing.cli.output import out
from briefing.sanitize import one_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument("inputs", nargs="+", type=Path, help="saved web pages or text files")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FOLDER",
        help="where to write the articles (default: beside each input)",
    )


def run(args: argparse.Namespace) -> int:
    """Import each input; exit 1 if any could not be."""
    folder: Path | None = args.output
    if folder is not None and not folder.is_dir():
        say(f"briefing import: {folder} is not a folder")
        return 1
    status = 0
    for source in args.inputs:
        try:
            target, imported = import_article(source, folder or source.parent)
        except IngestError as error:
            say(f"briefing import: {error}")
            status = 1
            continue
        count = len(imported.paragraphs)
        out(
            one_line(
                f"wrote {target}: {count} paragraph{'s' if count != 1 else ''}; "
                f"¶1: “{imported.paragraphs[0][:80]}”"
            )
        )
        if imported.metadata:
            stated = [k for k in imported.metadata if k not in imported.inferred]
            guessed = f"; guessed: {', '.join(imported.inferred)}" if imported.inferred else ""
            out(one_line(f"wrote {sidecar_path(target)}: states {', '.join(stated)}{guessed}"))
    return status
