"""Which of geo's modules run compiled (mypyc, see setup.py), and the source in their place when
they should not: with ``GEO_PURE_PYTHON=1`` set, or when a module's source has changed since it
was compiled (an edited checkout never runs stale code; it runs the edit, slower, until rebuilt).

The build records a digest of each compiled module's source in geo/compiled.json; at import,
:func:`install` compares the source with it and, where they differ, puts a finder ahead of the
compiled extension modules that loads the ``.py`` files instead.

>>> sorted(status())   # doctest: +SKIP
['matching', 'resolution']
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

#: The modules of geo that setup.py compiles (the pipeline's hot stages).
COMPILED = ("matching", "resolution")
PACKAGE_DIR = Path(__file__).resolve().parent
RECORD_NAME = "compiled.json"   #: beside the modules: what they were compiled from


def pure_python_wanted() -> bool:
    """Whether GEO_PURE_PYTHON asks for the source (at install: compile nothing; at run time: import the source)."""
    return os.environ.get("GEO_PURE_PYTHON", "") not in ("", "0")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_build(source_dir: Path = PACKAGE_DIR, target_dir: Path = PACKAGE_DIR) -> None:
    """Write into ``target_dir`` what the compiled modules were built from (setup.py calls it once
    they are built)."""
    record = {name: digest(source_dir / f"{name}.py") for name in COMPILED}
    (target_dir / RECORD_NAME).write_text(json.dumps(record, indent=1) + "\n")


def extension_modules(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The compiled modules' extension files in ``package_dir`` (``matching.cpython-311-x86_64-linux-gnu.so``)."""
    return [package_dir / f"{name}{suffix}" for name in COMPILED for suffix in importlib.machinery.EXTENSION_SUFFIXES
            if (package_dir / f"{name}{suffix}").is_file()]


def stale(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """The compiled modules whose source differs from what they were compiled from ([] when none
    is compiled or all are current). Without a readable record, any compiled module is stale: what
    it was built from is unknown."""
    try:
        record = json.loads((package_dir / RECORD_NAME).read_text())
    except (OSError, ValueError):
        record = None
    if not isinstance(record, dict):
        if not extension_modules(package_dir):
            return []   # (not compiled: the source is what runs)
        record = {}
    return [name for name in COMPILED if record.get(name) != digest(package_dir / f"{name}.py")]


def status() -> dict[str, str]:
    """Each compiled-when-built module -> "compiled" or "source", as imported in this process."""
    out = {}
    for name in COMPILED:
        module = sys.modules.get(f"geo.{name}")
        if module is None:
            spec = importlib.util.find_spec(f"geo.{name}")
            origin = spec.origin if spec is not None else ""
        else:
            origin = getattr(module, "__file__", "")
        out[name] = "source" if str(origin).endswith(".py") else "compiled"
    return out


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds geo's compiled modules as their ``.py`` source (ahead of the extension modules)."""

    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != "geo" or name not in COMPILED:
            return None
        source = PACKAGE_DIR / f"{name}.py"
        return importlib.util.spec_from_file_location(fullname, source,
                                                      loader=importlib.machinery.SourceFileLoader(fullname, str(source)))


def install() -> None:
    """Import the source of the compiled modules when GEO_PURE_PYTHON is set or any is stale (all
    of them then: compiled modules call each other directly)."""
    if any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        return
    if pure_python_wanted() or stale():
        sys.meta_path.insert(0, _SourceFinder())

