"""The editors' files read and validated at the edge, each value with its file and line: a text's
bytes (`read`; a PDF through `pdf/`), the catalog (`catalog`), the topics (`topics`), and the YAML
they are written in (`yaml_nodes`)."""
