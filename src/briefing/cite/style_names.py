"""The citation styles' names, importable without loading the citation machinery.

Start-up needs only these (to read the configured style and check `--style`); the styles
themselves live in `citations` and load on the first copy.
"""

STYLES = ("plain", "markdown", "apa", "chicago", "mla", "bibtex", "csl-json")

STYLE_NAMES = {
    "plain": "plain text",
    "markdown": "Markdown",
    "apa": "APA",
    "chicago": "Chicago",
    "mla": "MLA",
    "bibtex": "BibTeX",
    "csl-json": "CSL-JSON",
}
