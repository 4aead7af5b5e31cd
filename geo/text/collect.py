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
        files = sorted(p for p in given.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        if not files:
            raise InputError(f"{given}: the folder holds no articles (.txt, .html or .htm files) and no manifest")
        return [read_article(p) for p in files]
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


def _unique_ids(articles: list[Article]) -> None:
    """Give articles that share a file name their relative paths as ids."""
    by_id: dict[str, list[Article]] = {}
    for article in articles:
        by_id.setdefault(article.id, []).append(article)
    clashes = [a for group in by_id.values() if len(group) > 1 for a in group]
    if not clashes:
        return
    paths = [os.path.abspath(a.path) for a in clashes]
    common = os.path.commonpath([os.path.dirname(p) for p in paths])
    for article, path in zip(clashes, paths):
        article.id = Path(os.path.relpath(path, common)).as_posix()
