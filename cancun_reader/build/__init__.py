"""A whole build: what it is told (`settings`), its inputs read once (`inputs`), each text
converted (`texts`, on every core: `parallel`), the collection's pages (`pipeline`), written
without losing a hand-written page (`write`), in turn with any other build of the folder
(`turns`), `make site`'s swap (`swap`) and the command line (`cli`)."""
