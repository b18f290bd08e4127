"""On CI (`CI` set, as `.ci/run` sets it), a skipped test fails and says why: a green run there
means every test ran. An expected failure (`xfail`) is not a skip and stays as it is.

Loaded by `conftest.py`; `test_ci.py` runs pytest on a few tests with it."""

from __future__ import annotations

import os

import pytest


def on_ci() -> bool:
    return bool(os.environ.get("CI"))


def failed_for_skipping(report: pytest.TestReport | pytest.CollectReport) -> None:
    """A skip turned into a failure that gives the skip's reason."""
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    reason = reason.removeprefix("Skipped: ")
    report.outcome = "failed"
    report.longrepr = f"skipped on CI, where every test must run: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    report = yield
    if on_ci() and report.skipped and not hasattr(report, "wasxfail"):
        failed_for_skipping(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> pytest.CollectReport:
    report = yield
    if on_ci() and report.skipped:  # a whole module skipped (`importorskip` at its top)
        failed_for_skipping(report)
    return report
