"""The MkDocs plugin (`cancun_reader` in `mkdocs.yml`'s plugins): before every build it runs the
conversion, lists the generated pages in the navigation, and puts the service worker into the
built site; under `mkdocs serve`, it shows a failed build's message in the browser and, with
`--dirty`, renders again only the pages an edit touched (`preview`). It speaks to MkDocs through
its events and configuration; what goes past them, where MkDocs offers no way, is `workarounds`'s
alone. The conversion knows nothing of MkDocs: this package only calls it."""
