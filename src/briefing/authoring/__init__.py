"""Writing briefs: new briefs, added sources and excerpts, found quotes, imported articles.

Everything here edits a brief as text, never by dumping parsed YAML, so that an author's
comments, key order and formatting survive byte for byte outside the inserted lines; every
edit is checked before it replaces the file. No Textual here: the reader's `A` calls
`briefing.authoring.edit.add_excerpt` like the command line does.
"""
