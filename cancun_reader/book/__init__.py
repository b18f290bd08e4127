"""The collection taken away: EPUB 3 and PDF made from the pages of the built site.

The site's pages are what readers read, repairs and all; the book formats are made from them, not
from the sources again, so a reader finds the same text, paragraph numbers and notes everywhere.
`chapters` reads the built pages into chapters (ids made unique, links made to work outside the
site), `figures` turns the charts drawn as SVG into images with their text alternatives, and
`epub` (pandoc) and `pdf` (WeasyPrint) write the formats.
"""
