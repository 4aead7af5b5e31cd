"""Every article the inputs name: files, manifests and folders, each article once, with unique ids."""
from __future__ import annotations

import os
from pathlib import Path

from geo.document import Article
from geo.errors import InputError
from geo.text.articles import HTML_SUFFIXES, TEXT_SUFFIXES, read_article
from geo.text.manifest import MANIFEST_SUFFIXES, is_manifest, read_manifest

ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


def collect_articles(inputs: list[Path]) -> list[Article]:
    """The articles named by ``inputs``, in order.

    Each input is an article file, a manifest (see geo.text.manifest), or a folder: its
    manifest if it has one (``manifest.jsonl``, ``.csv``, ``.toml`` or ``.json``), else its
    .txt/.html/.htm files in name order. The same file named twice is read once. Ids are
    the files' names; where two files share a name, their paths relative to the folder the
    inputs have in common.
    """
    if not inputs:
        raise InputError("no articles given")
    articles: list[Article] = []
    seen: set[Path] = set()
    for given in map(Path, inputs):
        for article in _articles_of(given):
            key = Path(article.path).resolve()
            if key not in seen:
                seen.add(key)
                articles.append(article)
    _unique_ids(articles)
    return articles


def _articles_of(given: Path) -> list[Article]:
    if given.is_dir():
        manifest = folder_manifest(given)
        if manifest is not None:
            return read_manifest(manifest)
        return [read_article(p) for p in folder_articles(given)]
    if not given.exists():
        raise InputError(f"{given}: no such file or folder")
    return read_manifest(given) if is_manifest(given) else [read_article(given)]


def folder_manifest(folder: Path) -> Path | None:
    """The folder's manifest file, if it has one."""
    for suffix in sorted(MANIFEST_SUFFIXES) + [".json"]:
        candidate = folder / f"manifest{suffix}"
        if candidate.is_file():
            return candidate
    return None


def folder_articles(folder: Path) -> list[Path]:
    """The article files (.txt, .html, .htm) of a folder without a manifest, in name order."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    if not files:
        raise InputError(f"{folder}: the folder holds no articles (.txt, .html or .htm files) and no manifest")
    return files


def unique_ids(ids: list[str], paths: list[str]) -> list[str]:
    """The articles' ids, made unique: those that share a file name get their paths relative to the
    folder those files have in common (the one rule for `geo extract FILES` and corpus runs).

    >>> unique_ids(["a.txt", "a.txt", "b.txt"], ["x/1/a.txt", "x/2/a.txt", "x/b.txt"])
    ['1/a.txt', '2/a.txt', 'b.txt']
    """
    counts: dict[str, int] = {}
    for i in ids:
        counts[i] = counts.get(i, 0) + 1
    clashing = [os.path.abspath(p) for i, p in zip(ids, paths) if counts[i] > 1]
    if not clashing:
        return list(ids)
    common = os.path.commonpath([os.path.dirname(p) for p in clashing])
    return [Path(os.path.relpath(os.path.abspath(p), common)).as_posix() if counts[i] > 1 else i for i, p in zip(ids, paths)]


def _unique_ids(articles: list[Article]) -> None:
    for article, new in zip(articles, unique_ids([a.id for a in articles], [a.path for a in articles])):
        article.id = new
