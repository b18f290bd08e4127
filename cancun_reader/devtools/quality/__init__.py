"""How well the repair restores real PDF extractions: a corpus of them, measured (`corpus`), and
what each is compared on (`measures`)."""
