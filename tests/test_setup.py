"""Set-up on a fresh machine: the lock installs with the pip a Python brings, whatever the index
holds tomorrow, and the project installs as a normal wheel that builds the site.

The pip of Python 3.11.7 (23.2.1) takes an extra that one locked package asks of another
(`fonttools[woff]`, asked by WeasyPrint) as a requirement of its own, and picks the newest
release for it; in hash-checking mode that release is refused, unpinned. A lock that pins the extra
(`fonttools[woff]==…`) is installed as written. These tests lock tiny wheels the way `make lock`
does and install them offline, from a folder that also holds a newer release.
"""

from __future__ import annotations

import base64
import ensurepip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from project import ROOT, build_site, copy_project

pytestmark = pytest.mark.install

BIN = Path(sys.executable).parent
LOCKED = re.compile(r"^([A-Za-z0-9._-]+)(?:\[([^\]]+)\])?==(\S+)", re.MULTILINE)
"""A pin of the lock: its name, the extras asked of it, its version."""


def pins(lock: Path) -> dict[str, tuple[set[str], str]]:
    """The lock's pins: each package's normalised name, with the extras pinned and the version."""
    return {
        canonicalize_name(name): ({e.strip() for e in extras.split(",")} if extras else set(), version)
        for name, extras, version in LOCKED.findall(lock.read_text(encoding="utf-8"))
    }


def extras_asked(name: str, extras: set[str]) -> dict[str, set[str]]:
    """The extras an installed package asks of the others, with its own `extras` asked of it."""
    asked: dict[str, set[str]] = {}
    for line in metadata.distribution(name).requires or []:
        requirement = Requirement(line)
        applies = any(
            requirement.marker is None or requirement.marker.evaluate({"extra": extra})
            for extra in {"", *extras}
        )
        if applies and requirement.extras:
            asked.setdefault(canonicalize_name(requirement.name), set()).update(requirement.extras)
    return asked


def test_the_lock_pins_every_extra_a_locked_package_asks_for() -> None:
    locked = pins(ROOT / "requirements.lock")
    missing = [
        f"{wanted}[{','.join(sorted(extras - locked[wanted][0]))}] (asked by {name})"
        for name, (extras, _) in locked.items()
        for wanted, extras in extras_asked(name, extras).items()
        if wanted in locked and not extras <= locked[wanted][0]
    ]
    assert not missing, f"not pinned with their extras: {missing}; run `make lock`"
    assert locked["fonttools"][0] == {"woff"}  # the extra WeasyPrint asks for, which once broke set-up


def test_the_pip_installed_first_is_the_one_the_lock_pins() -> None:
    assert pins(ROOT / "requirements-pip.lock") == {
        "pip": (set(), pins(ROOT / "requirements.lock")["pip"][1])
    }
    assert "--hash=sha256:" in (ROOT / "requirements-pip.lock").read_text(encoding="utf-8")


# Tiny wheels, written by hand: what makes a wheel is a zip with its metadata and a record.
def write_wheel(folder: Path, name: str, version: str, requires: tuple[str, ...] = (), extras=()) -> Path:
    info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": f"VERSION = {version!r}\n",
        f"{info}/METADATA": "\n".join(
            [
                "Metadata-Version: 2.1",
                f"Name: {name}",
                f"Version: {version}",
                *(f"Provides-Extra: {extra}" for extra in extras),
                *(f"Requires-Dist: {requirement}" for requirement in requires),
            ]
        )
        + "\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = [f"{path},sha256={_digest(text)},{len(text.encode())}" for path, text in files.items()]
    files[f"{info}/RECORD"] = "\n".join([*record, f"{info}/RECORD,,"]) + "\n"
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return wheel


def _digest(text: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()


def offline() -> dict[str, str]:
    """An environment in which pip reads no configuration of this machine's (its index, its
    folder of wheels): only the folder a test names."""
    kept = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    return {**kept, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, env=offline(), check=False
    )


OWN_PIP = next((Path(ensurepip.__file__).parent / "_bundled").glob("pip-*.whl")) / "pip"
"""The pip this Python brings (`ensurepip`'s, which `python -m venv` puts in a new venv), run
straight from its wheel."""


@pytest.fixture
def pythons_own_pip(tmp_path: Path) -> list[str | Path]:
    """A fresh venv and the pip this Python brings, as `make setup` starts from: the command that
    runs that pip for that venv."""
    venv = tmp_path / "venv"
    made = run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    return [venv / "bin" / "python", OWN_PIP]


def lock_and_install(
    tmp_path: Path, pip: list[str | Path], *lock_options: str
) -> subprocess.CompletedProcess:
    """Lock a package that asks for another's extra, as `make lock` does, while the folder holds
    one release of it; then add a newer release and install the lock from the folder."""
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    write_wheel(wheels, "alpha", "1.0", requires=("beta[fast]>=1.0",))
    write_wheel(wheels, "beta", "1.0", requires=('gamma; extra == "fast"',), extras=("fast",))
    write_wheel(wheels, "gamma", "1.0")
    (tmp_path / "requirements.in").write_text("alpha\n", encoding="utf-8")
    locked = run(
        BIN / "pip-compile",
        "--quiet",
        "--config",
        ROOT / "pyproject.toml",
        *lock_options,
        "--no-index",
        "--find-links",
        wheels,
        "--cache-dir",
        tmp_path / "cache",
        "--output-file",
        "requirements.lock",
        "requirements.in",
        cwd=tmp_path,
    )
    assert locked.returncode == 0, locked.stderr
    write_wheel(wheels, "beta", "1.1", requires=('gamma; extra == "fast"',), extras=("fast",))
    return run(
        *pip,
        "install",
        "--no-index",
        "--find-links",
        wheels,
        "--require-hashes",
        "-r",
        "requirements.lock",
        cwd=tmp_path,
    )


def test_a_lock_made_as_make_lock_makes_it_installs_with_the_pythons_own_pip(
    tmp_path: Path, pythons_own_pip: list[str | Path]
) -> None:
    installed = lock_and_install(tmp_path, pythons_own_pip)
    assert installed.returncode == 0, installed.stderr
    assert "beta[fast]==1.0" in (tmp_path / "requirements.lock").read_text(encoding="utf-8")
    version = run(pythons_own_pip[0], "-c", "import beta, gamma; print(beta.VERSION)", cwd=tmp_path)
    assert version.stdout.strip() == "1.0"  # the locked release, not the newer one beside it


def test_a_lock_with_its_extras_stripped_fails_with_that_pip(
    tmp_path: Path, pythons_own_pip: list[str | Path]
) -> None:
    """What the lock used to be: the failure the set-up met, so the test above can fail."""
    pip_version = run(*pythons_own_pip, "--version", cwd=tmp_path).stdout.split()[1]
    if int(pip_version.split(".")[0]) >= 24:
        pytest.xfail(f"this Python brings pip {pip_version}: from 24.0 on, pip installs such a lock")
    installed = lock_and_install(tmp_path, pythons_own_pip, "--strip-extras")
    assert installed.returncode != 0
    assert "must have their versions pinned with ==" in installed.stderr


def test_a_wheel_installed_normally_builds_the_site(tmp_path: Path) -> None:
    """The project as a wheel (not editable) in a fresh venv: every file of the package in it, and
    the site built with it alone (its dependencies read from this venv's)."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        (source / name).write_bytes((ROOT / name).read_bytes())
    shutil.copytree(
        ROOT / "cancun_reader", source / "cancun_reader", ignore=shutil.ignore_patterns("__pycache__")
    )
    built = run(
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--no-isolation",
        "--outdir",
        tmp_path / "dist",
        source,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    package = {
        str(p.relative_to(ROOT))
        for p in (ROOT / "cancun_reader").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert package <= set(zipfile.ZipFile(wheel).namelist())

    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path).returncode == 0
    python = venv / "bin" / "python"
    installed = run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", wheel, cwd=tmp_path
    )
    assert installed.returncode == 0, installed.stderr
    (site_packages,) = (venv / "lib").glob("python*/site-packages")
    # the dependencies: this venv's packages, after the wheel's (a path in a .pth file comes last)
    (site_packages / "dependencies.pth").write_text(f"{sysconfig.get_path('purelib')}\n", encoding="utf-8")
    where = run(python, "-c", "import cancun_reader.mkdocs.plugin as p; print(p.__file__)", cwd=tmp_path)
    assert where.stdout.startswith(str(site_packages)), where.stderr

    project = copy_project(tmp_path / "project")
    site = build_site(project, project / "site", python=python)
    assert site.returncode == 0, site.stderr
    assert (project / "site" / "articles" / "cancun-walkout-pww.html").is_file()
    assert (project / "site" / "sw.js").is_file()  # the offline copy's worker, from the package's data
