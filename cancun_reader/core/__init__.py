"""The vocabulary every stage shares, below all of them: the domain model (`model`: sources,
blocks, articles, the `Repair` record; `facts`: topics, mentions, events), the registry of change
kinds (`kinds`), a stage's steps and the loop that runs them (`steps`), the one error a user can
cause (`errors`), the words of sentences and lines (`prose/`), escaping source text (`escape`)
and the cache of converted texts (`cache`). It imports nothing of the stages."""
