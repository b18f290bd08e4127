"""The words every stage shares, below all of them: how a sentence ends and begins (`sentences`),
the shapes of lines and blocks (`shapes`: a byline, a line in capitals, a notes title), and the
words a text uses and breaks at a line end (`words`). It imports only the model, so that the
stages import it and one another in the order the data flows."""
