"""Read: bytes → text."""

import pytest
from project import load_cases

from cancun_reader.core.errors import InputError
from cancun_reader.sources.read import decode_text


@pytest.mark.parametrize("case", load_cases("read"))
def test_decode(case: dict) -> None:
    data = case["bytes"].encode("latin-1")
    if "error" in case:
        with pytest.raises(InputError) as caught:
            decode_text(data, "sources/x.txt")
        assert case["error"] in caught.value.message
        assert caught.value.line == case["line"]
        assert str(caught.value).startswith(f"sources/x.txt:{case['line']}: ")
    else:
        assert decode_text(data, "sources/x.txt") == case["text"]
