"""One text restored, in the order its data flows: its lines laid out (`layout/`), parsed into
blocks (`blocks`), corrected by its editors (`corrections`), repaired (`repair/`) and given the
anchors its paragraphs are cited by (`anchors`). Every change is a `Repair`, shown to readers."""
