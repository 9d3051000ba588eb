"""Synthetic briefs of any size, for the load benchmarks and the loader's tests.

`make_brief(folder, n)` writes a valid brief with `n` excerpts and its source files, in
realistic shapes: about n/20 sources of twenty-odd paragraphs, n/10 events, twelve topics
in a tree, entities, figures and disputes. Every quote is cut from its source's text (some
with a ` … ` elision), so the brief passes `briefing check`. The output is deterministic.
"""

from __future__ import annotations

import random
from pathlib import Path

VOCABULARY = (
    "the port authority signed cargo agreement alliance ministry said officials on tuesday "
    "deliveries were delayed by sanctions remaining aircraft expected late analyst order "
    "hedge commitment summit ended without joint statement capacity container triple "
    "double rupee rouble oil trade deficit payment settlement defence reactor nuclear "
    "fertiliser shipments corridor northern sea route arctic labour mobility workers visa "
    "pharmaceutical exports imports billion million percent annual bilateral strategic "
    "partnership talks resume format meetings minister president prime delegation"
)
WORDS = tuple(VOCABULARY.split())
PARAGRAPHS_PER_SOURCE = 24
TOPICS = 12
KINDS = ("person", "organisation", "place", "system", "other")


def _q(text: str) -> str:
    """A single-quoted YAML scalar: every value is read as written."""
    return "'" + text.replace("'", "''") + "'"


def _sentence(rng: random.Random, serial: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 22))
    words[0] = words[0].capitalize()
    middle = rng.randint(3, len(words) - 4)
    words[middle] += ","
    if rng.random() < 0.3:
        words[middle + 1] = "“" + words[middle + 1]
        words[-1] += "”"
    # A serial number makes every sentence, and so every quote, unique in its source.
    return " ".join(words) + f" in case {serial}’s record."


def _source_text(rng: random.Random, index: int) -> list[str]:
    paragraphs = []
    for p in range(PARAGRAPHS_PER_SOURCE):
        serial = index * 1000 + p
        paragraphs.append(" ".join(_sentence(rng, serial * 10 + s) for s in range(3)))
    return paragraphs


def _quote(rng: random.Random, paragraph: str) -> str:
    """A verbatim cut of one sentence of the paragraph, sometimes with an elision."""
    sentences = paragraph.split(" record. ")
    k = rng.randrange(len(sentences))
    sentence = sentences[k] + ("" if sentences[k].endswith("record.") else " record.")
    words = sentence.split(" ")
    if rng.random() < 0.1 and len(words) > 10:
        return " ".join(words[:4]) + " … " + " ".join(words[-4:])
    return sentence


def _date(rng: random.Random) -> str:
    year = rng.randint(1990, 2025)
    shape = rng.random()
    if shape < 0.5:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if shape < 0.8:
        return f"{year}-{rng.randint(1, 12):02d}"
    if shape < 0.9:
        return f"~{year}"
    return f"{year}/{year + rng.randint(1, 3)}"


def _sources(folder: Path, rng: random.Random, n: int) -> tuple[list[str], list[list[str]]]:
    seeds = folder / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    lines = ["sources:"]
    texts = []
    for index in range(max(1, n // 20)):
        paragraphs = _source_text(rng, index)
        texts.append(paragraphs)
        (seeds / f"s{index}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        lines += [f"  - id: src-{index}", f"    title: {_q(f'Report number {index}')}"]
        if index % 3:
            lines += ["    outlet: Synthetic Wire", f"    published: '{_date(rng)}'"]
        lines.append(f"    file: ../seeds/s{index}.txt")
    return lines, texts


def _topics() -> list[str]:
    lines = ["topics:"]
    for t in range(TOPICS):
        lines += [f"  - id: t{t}", f"    title: Topic {t}"]
        if t >= 3:
            lines.append(f"    parent: t{(t - 3) // 3}")
        lines.append(f"    summary: {_q(f'What topic {t} covers, in a sentence.')}")
    return lines


def _excerpts(rng: random.Random, n: int, texts: list[list[str]], n_entities: int) -> list[str]:
    lines = ["excerpts:"]
    for x in range(n):
        source = x % len(texts)
        paragraph = texts[source][rng.randrange(PARAGRAPHS_PER_SOURCE)]
        lines += [
            f"  - id: x{x}",
            f"    source: src-{source}",
            f"    quote: {_q(_quote(rng, paragraph))}",
            f"    topics: [t{rng.randrange(TOPICS)}]",
        ]
        if x % 4 == 0:
            lines.append(f"    entities: [e{rng.randrange(n_entities)}]")
        if x % 7 == 0:
            lines.append("    note: The author's comment on this quote.")
    return lines


def _events(rng: random.Random, n: int, n_entities: int) -> list[str]:
    lines = ["events:"]
    for e in range(max(1, n // 10)):
        cited = sorted({f"x{rng.randrange(n)}" for _ in range(rng.randint(1, 3))})
        lines += [
            f"  - id: ev{e}",
            f"    date: '{_date(rng)}'",
            f"    title: {_q(f'Event {e}: the ministry said something happened')}",
            f"    topics: [t{rng.randrange(TOPICS)}]",
            f"    excerpts: [{', '.join(cited)}]",
            f"    entities: [e{rng.randrange(n_entities)}]",
        ]
    return lines


def _extras(rng: random.Random, n: int, n_entities: int) -> list[str]:
    lines = ["figures:"]
    for f in range(max(1, n // 50)):
        lines += [
            f"  - id: fig{f}",
            f"    label: Figure {f}",
            f"    value: {rng.randint(1, 10_000) / 10}",
            "    unit: USD bn",
            f"    excerpts: [x{rng.randrange(n)}]",
        ]
    lines.append("disputes:")
    for d in range(max(1, n // 200)):
        lines += [f"  - id: dispute{d}", f"    question: Question {d}?", "    positions:"]
        for side in ("It is so.", "It is not."):
            lines += [f"      - claim: {side}", f"        excerpts: [x{rng.randrange(n)}]"]
    lines.append("entities:")
    for e in range(n_entities):
        lines += [f"  - id: e{e}", f"    name: Entity {e}", f"    kind: {KINDS[e % 5]}"]
        if e % 2:
            lines.append(f"    aliases: [E{e}, the {e}th]")
    return lines


def make_brief(folder: Path, n_excerpts: int) -> Path:
    """Write a valid brief with n_excerpts excerpts (and its sources) under folder."""
    rng = random.Random(n_excerpts)
    n_entities = min(500, max(5, n_excerpts // 100))
    source_lines, texts = _sources(folder, rng, n_excerpts)
    lines = [
        "format: briefing/1",
        f"id: synthetic-{n_excerpts}",
        f"title: Synthetic brief of {n_excerpts} excerpts",
        "as_of: '2025-12-31'",
        *source_lines,
        *_topics(),
        *_events(rng, n_excerpts, n_entities),
        *_excerpts(rng, n_excerpts, texts, n_entities),
        *_extras(rng, n_excerpts, n_entities),
    ]
    briefs = folder / "briefs"
    briefs.mkdir(parents=True, exist_ok=True)
    path = briefs / f"synthetic-{n_excerpts}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
