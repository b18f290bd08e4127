"""Cancún 2003 Reader: the converter from source texts to Markdown pages, and what a site and its
books are made with.

Each folder is a stage, in the order the data flows: `core` (the vocabulary every stage shares),
`pdf` (a PDF's page as data), `sources` (the editors' files read), `text` (one text restored),
`collection` (what the texts say together), `site` (each kind of page), `book`, `offline`,
`build` (a whole build and the command line), `mkdocs` (the plugin), `devtools` (the developers'
tools). A folder imports only those before it. The map, with a drawing, is the Editors' guide's
*Repository layout* (`docs/guide.md`). Nothing outside `mkdocs/` imports MkDocs.
"""

__version__ = "0.1.0"
