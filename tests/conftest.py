"""Shared fixtures: the real mirror in ../shared and a real gazetteer built from it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEO_SHARED", ROOT.parent / "shared"))
GEODATA = SHARED / "geodata"
ARTICLES = SHARED / "articles"
GOLD = SHARED / "gold" / "seeds.json"


def run_geo(*args: str, env: dict | None = None, cwd: Path | None = None, input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run the real `geo` command in a fresh process."""
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, env={**os.environ, **(env or {})},
                          cwd=cwd, input=input, timeout=600)


def pytest_sessionstart(session):
    """No mirror, no run: without ../shared/geodata nearly every test would skip and the run pass green."""
    if not GEODATA.is_dir():
        pytest.exit(f"no GeoNames mirror at {GEODATA}: the tests run against real GeoNames rows; put the mirror there "
                    f"(or set GEO_SHARED) and build the gazetteer with `make gazetteer`", returncode=3)


@pytest.fixture(scope="session")
def geodata() -> Path:
    return GEODATA


@pytest.fixture(scope="session")
def gazetteer_path(geodata, tmp_path_factory) -> Path:
    """The project's built gazetteer (`make test` builds it), else one built here from the mirror."""
    from geo.gazetteer import default_db_path

    path = default_db_path()
    if not path.is_file():
        path = tmp_path_factory.mktemp("gazetteer") / "geo.sqlite"
        result = run_geo("gazetteer", "build", "--source", str(geodata), "--db", str(path), "--quiet")
        assert result.returncode == 0, result.stderr.decode()
    return path


@pytest.fixture(scope="session")
def gaz(gazetteer_path):
    from geo.gazetteer import Gazetteer

    with Gazetteer.open(gazetteer_path) as g:
        yield g


def corpus_article(corpus: str, article_id: str):
    """One article of a benchmark corpus of the mirror (``GeoVirus.xml``, ``lgl.xml``...), by its id:
    real text for the resolution tests that need a whole article's context."""
    from geo.evaluation import read_corpus

    return next(ga.article for ga in read_corpus(SHARED / "benchmarks" / corpus).articles if ga.article.id == article_id)

