"""Adversarial briefs at 1x and 10x: does checking grow about linearly in time and memory?

    python benchmarks/adversarial.py            # every shape, 1x and 10x
    python benchmarks/adversarial.py --quick    # smaller sizes, for the test suite

Each shape stresses one dimension a hostile or careless author controls: the number of
problems reported, references between items, the length of a paragraph (with no spaces),
the length of one value, the sentences of a summary, numbers of any size, date ranges of
any width, unknown keys, and text in many scripts. Each brief is checked in a fresh
interpreter (`briefing check`, then its summary's claims read as the reader shows them),
which reports its CPU time and peak memory; the ratios 10x/1x should stay near 10 (time)
and near the ratio of file sizes or below (memory). A ratio above 20 is flagged.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HEAD = "format: briefing/1\nid: adversarial\ntitle: Adversarial\nas_of: 2024-10-01\n"
SOURCE = "sources:\n  - id: src-a\n    title: A\n    file: ../seeds/a.txt\n"
TOPIC = "topics:\n  - id: t-a\n    title: A\n"
ARTICLE = "The port authority signed a cargo agreement on Tuesday.\n"
FLAG_RATIO = 20.0


def _excerpt(index: int, source: str = "src-a", quote: str = "signed a cargo agreement") -> str:
    return f"  - id: q-{index}\n    source: {source}\n    quote: {quote}\n    topics: [t-a]\n"


def problems(n: int) -> tuple[str, str]:
    """n excerpts citing a source that does not exist: n problems to place and report."""
    body = "".join(_excerpt(i, source="src-missing") for i in range(n))
    return HEAD + SOURCE + TOPIC + "events: []\nexcerpts:\n" + body, ARTICLE


def references(n: int) -> tuple[str, str]:
    """n excerpts, and n events each naming every one of ten excerpts: n*10 references."""
    excerpts = "".join(_excerpt(i) for i in range(n))
    ids = ", ".join(f"q-{i}" for i in range(10))
    events = "".join(
        f"  - id: ev-{i}\n    date: 2024-01-01\n    title: E{i}\n    topics: [t-a]\n"
        f"    excerpts: [{ids}]\n"
        for i in range(n)
    )
    return HEAD + SOURCE + TOPIC + "events:\n" + events + "excerpts:\n" + excerpts, ARTICLE


def long_paragraph(n: int) -> tuple[str, str]:
    """One paragraph of n*20,000 characters with no space, quoted at its end."""
    word = "x" * (n * 20_000) + "END"
    article = f"{word} signed a cargo agreement\n"
    return HEAD + SOURCE + TOPIC + "events: []\nexcerpts:\n" + _excerpt(0), article


def long_value(n: int) -> tuple[str, str]:
    """A title of n*20,000 characters in several scripts and no spaces."""
    title = ("Ωμέγα日本語العربيةदेवनागरी" * (n * 1_000))[: n * 20_000]
    text = HEAD.replace("title: Adversarial", f"title: {title}")
    return text + SOURCE + TOPIC + "events: []\nexcerpts:\n" + _excerpt(0), ARTICLE


def numbers(n: int) -> tuple[str, str]:
    """n figures whose values are numbers of every size, some far beyond a float."""
    values = ["1e308", "-1e309", ".inf", ".nan", "9" * 5_000, "0x" + "f" * 2_000, "1_000"]
    figures = "".join(
        f"  - id: fig-{i}\n    label: F{i}\n    value: {values[i % len(values)]}\n"
        f"    unit: u\n    period: '2024'\n    excerpts: [q-0]\n"
        for i in range(n)
    )
    body = "events: []\nexcerpts:\n" + _excerpt(0) + "figures:\n" + figures
    return HEAD + SOURCE + TOPIC + body, ARTICLE


def date_ranges(n: int) -> tuple[str, str]:
    """n events whose dates span up to the whole calendar (0001/9999)."""
    dates = ["0001/9999", "0001-01-01/9999-12-31", "~0001/~9999", "1000/9999-12"]
    events = "".join(
        f"  - id: ev-{i}\n    date: '{dates[i % len(dates)]}'\n    title: E{i}\n"
        f"    topics: [t-a]\n    excerpts: [q-0]\n"
        for i in range(n)
    )
    body = "events:\n" + events + "excerpts:\n" + _excerpt(0)
    return HEAD + SOURCE + TOPIC + body, ARTICLE


def sentences(n: int) -> tuple[str, str]:
    """A summary of n*4 sentences (up to about 170,000 characters: the cap is 200,000),
    each ending in an abbreviation or an initial and citing an excerpt: sentences to
    split and claims to find, as the reader does too."""
    summary = " ".join(f"Mr. Li {i} met J. Wu [@q-0]. Go e.g. on." for i in range(n * 2))
    text = HEAD + f"summary: '{summary}'\n"
    return text + SOURCE + TOPIC + "events: []\nexcerpts:\n" + _excerpt(0), ARTICLE


def unknown_keys(n: int) -> tuple[str, str]:
    """n unknown keys, each a problem with a closest-name suggestion to compute."""
    keys = "".join(f"titel{i}: x\n" for i in range(n))
    return HEAD + keys + SOURCE + TOPIC + "events: []\nexcerpts:\n" + _excerpt(0), ARTICLE


SHAPES: dict[str, Callable[[int], tuple[str, str]]] = {
    "problems": problems,
    "references": references,
    "long-paragraph": long_paragraph,
    "long-value": long_value,
    "numbers": numbers,
    "date-ranges": date_ranges,
    "unknown-keys": unknown_keys,
    "sentences": sentences,
}

_MEASURE = """
import resource, sys, time, json
from pathlib import Path
from briefing.brief.loader import check_brief
from briefing.brief.prose import read_prose
start = time.process_time()
result = check_brief(Path(sys.argv[1]))
if result.brief is not None:  # and read its summary's claims, as the reader shows them
    read_prose(result.brief, result.brief.summary)
seconds = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "peak": peak, "problems": len(result.problems)}))
"""


def measure(folder: Path, brief: str, article: str, timeout: float) -> dict[str, float]:
    """Write the brief and its article under folder; check it in a fresh interpreter."""
    (folder / "briefs").mkdir(parents=True, exist_ok=True)
    (folder / "seeds").mkdir(exist_ok=True)
    (folder / "seeds" / "a.txt").write_text(article, encoding="utf-8")
    path = folder / "briefs" / "brief.yaml"
    path.write_text(brief, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    found: dict[str, float] = json.loads(done.stdout)
    found["bytes"] = len(brief.encode()) + len(article.encode())
    return found


def run(base: int, timeout: float) -> list[dict[str, object]]:
    """Every shape at base and 10*base; one row of ratios per shape."""
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as temporary:
        for name, shape in SHAPES.items():
            small = measure(Path(temporary) / f"{name}-1", *shape(base), timeout)
            large = measure(Path(temporary) / f"{name}-10", *shape(base * 10), timeout)
            rows.append(
                {
                    "shape": name,
                    "seconds": (small["seconds"], large["seconds"]),
                    "time_ratio": large["seconds"] / max(small["seconds"], 1e-3),
                    "extra_memory_mb": (large["peak"] - small["peak"]) / 2**20,
                    "size_mb": large["bytes"] / 2**20,
                    "problems": (small["problems"], large["problems"]),
                }
            )
    return rows


def main() -> int:
    """Print one line per shape; exit 1 when a time ratio is far beyond linear."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (for tests)")
    args = parser.parse_args()
    rows = run(base=20 if args.quick else 200, timeout=120)
    flagged = False
    print(f"{'shape':<15} {'1x s':>7} {'10x s':>7} {'ratio':>6} {'+MB':>7} {'size MB':>8}")
    for row in rows:
        small, large = row["seconds"]  # type: ignore[misc]
        ratio = float(row["time_ratio"])  # type: ignore[arg-type]
        mark = "  <- superlinear" if ratio > FLAG_RATIO and large > 0.5 else ""
        flagged = flagged or bool(mark)
        print(
            f"{row['shape']:<15} {small:7.2f} {large:7.2f} {ratio:6.1f} "
            f"{row['extra_memory_mb']:7.1f} {row['size_mb']:8.2f}{mark}"
        )
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
