"""Each kind of page, as Markdown: an article's blocks rendered (`render`, `chart`) with its
changes marked (`marks`, `edition`), the article, index, glossary and home pages (`pages`,
`indexes`), a topic's (`topic_pages`, `worldmap`), the timeline's (`timeline_page`), the
collection's (`collection_pages`), the editors' page of repairs (`repairs_page`), and how to cite
(`references`, `reference_files`)."""
