"""What the developers' tools and the tests share, never imported by the package: the repair
measured on a corpus of extractions and PDFs (`quality/`), synthetic collections of N texts
(`synthetic`), and Debian's Chromium as every tool starts it (`chromium`)."""
