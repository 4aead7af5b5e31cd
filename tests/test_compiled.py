"""The compiled build (mypyc, setup.py): it is what `make test` installs, it gives the source's
output, and it steps aside for the source when asked to or when the source has changed."""
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLES, run_geo
from geo import compiled

# Imports geo as a fresh process would, from the package directory given as argv[1], and prints
# where its compiled-when-built modules came from. setuptools' editable finder is taken out first:
# it would find the checkout's geo ahead of the copy on sys.path.
STATUS_SCRIPT = """
import json, sys
sys.meta_path[:] = [f for f in sys.meta_path if not type(f).__module__.startswith("__editable__")]
sys.path.insert(0, sys.argv[1])
import geo, geo.matching, geo.resolution
assert geo.__file__.startswith(sys.argv[1]), geo.__file__
print(json.dumps(geo.compiled.status()))
"""


def _status_of_copy(root: Path, env: dict | None = None) -> dict:
    result = subprocess.run([sys.executable, "-c", STATUS_SCRIPT, str(root)], capture_output=True, text=True,
                            env={**os.environ, "GEO_PURE_PYTHON": "", **(env or {})}, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _require_compiled_build():
    if not (compiled.PACKAGE_DIR / compiled.RECORD_NAME).is_file():
        pytest.fail("geo is installed without its compiled modules: `make test` installs them "
                    "(pip install -e . builds them unless GEO_PURE_PYTHON is set)")


@pytest.fixture
def package_copy(tmp_path) -> Path:
    """A copy of the installed geo package, compiled modules and mypyc's runtime module included."""
    _require_compiled_build()
    root = tmp_path / "site"
    shutil.copytree(compiled.PACKAGE_DIR, root / "geo", ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    for runtime in compiled.PACKAGE_DIR.parent.glob("*__mypyc*.so"):
        shutil.copy2(runtime, root / runtime.name)
    return root


def test_the_installed_build_runs_compiled():
    if compiled.pure_python_wanted():
        pytest.skip("GEO_PURE_PYTHON is set: this run checks the source")
    _require_compiled_build()
    assert compiled.stale() == []
    assert compiled.status() == {name: "compiled" for name in compiled.COMPILED}


def test_compiled_and_source_extract_the_same(gazetteer_path):
    _require_compiled_build()
    articles = sorted(str(p) for p in ARTICLES.glob("*.txt"))
    assert len(articles) == 5
    outputs = {}
    for pure in ("", "1"):
        result = run_geo("extract", "--format", "jsonl", "--unresolved", *articles,
                         env={"GEO_PURE_PYTHON": pure, "GEO_GAZETTEER": str(gazetteer_path)})
        assert result.returncode == 0, result.stderr.decode()
        outputs[pure] = result.stdout
    mentions = [json.loads(line) for line in outputs[""].splitlines()]
    assert len(mentions) > 100
    assert outputs[""] == outputs["1"]


def test_a_copy_of_the_build_imports_compiled(package_copy):
    assert _status_of_copy(package_copy) == {"matching": "compiled", "resolution": "compiled"}


def test_geo_pure_python_imports_the_source(package_copy):
    assert _status_of_copy(package_copy, {"GEO_PURE_PYTHON": "1"}) == {"matching": "source", "resolution": "source"}
    assert _status_of_copy(package_copy, {"GEO_PURE_PYTHON": "0"}) == {"matching": "compiled", "resolution": "compiled"}


def test_an_edited_module_runs_its_source_and_so_does_the_other(package_copy):
    # Compiled modules call each other's functions directly: one stale module takes both to the source.
    with open(package_copy / "geo" / "matching.py", "a") as source:
        source.write("\nEDITED_AFTER_THE_BUILD = True\n")
    assert _status_of_copy(package_copy) == {"matching": "source", "resolution": "source"}


def test_stale_names_the_modules_whose_source_changed(tmp_path):
    for name in compiled.COMPILED:
        shutil.copy2(compiled.PACKAGE_DIR / f"{name}.py", tmp_path / f"{name}.py")
    assert compiled.stale(tmp_path) == []                       # never compiled: nothing is stale
    compiled.record_build(source_dir=tmp_path, target_dir=tmp_path)
    assert compiled.stale(tmp_path) == []
    (tmp_path / "resolution.py").write_text((tmp_path / "resolution.py").read_text() + "# edited\n")
    assert compiled.stale(tmp_path) == ["resolution"]
    (tmp_path / compiled.RECORD_NAME).write_text("{not json")
    assert compiled.stale(tmp_path) == []                       # no extension module: the source runs anyway
    (tmp_path / f"matching{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    assert compiled.stale(tmp_path) == ["matching", "resolution"]   # compiled from what? unknown: all stale
    (tmp_path / compiled.RECORD_NAME).unlink()
    assert compiled.stale(tmp_path) == ["matching", "resolution"]
