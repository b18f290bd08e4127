"""The one kind of error a user can cause: bad input, named by file and line.

Anything else that goes wrong is a bug and keeps its traceback.
"""

from __future__ import annotations


class InputError(Exception):
    """Bad input the user can fix: a source, the catalog, a topic file, or the docs folder."""

    def __init__(self, path: str, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __reduce__(self):  # raised in a process of the pool, it reaches the build whole
        return (InputError, (self.path, self.message, self.line))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
