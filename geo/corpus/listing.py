"""A corpus as a list of unread articles: what the client sends to the workers, who read them.

The client only lists the corpus (a folder's files, or a manifest's entries) so that reading, the
slow part after the pipeline itself, happens on the workers in parallel. Each :class:`ArticleRef`
is read with the same functions ``geo extract FILES`` uses, so both paths see the same Article.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from geo.document import Article
from geo.errors import InputError
from geo.text import read_article
from geo.text.collect import folder_articles, folder_manifest, unique_ids
# The manifest's own rules for one entry (path inside the folder, known fields, ISO dates), so
# that an entry read on a worker becomes exactly the Article `read_manifest` would make.
from geo.text.manifest import entry_article as manifest_article
from geo.text.manifest import article_path as manifest_path
from geo.text.manifest import is_manifest, manifest_entries


@dataclass(frozen=True)
class ArticleRef:
    """One article of a corpus, not yet read: its id and file, and its manifest entry if any."""

    id: str
    path: str
    manifest: str | None = None                 #: the manifest that names it
    where: str = ""                             #: which line or table of the manifest
    entry: dict = field(default_factory=dict)   #: the manifest's fields for it

    def read(self) -> Article:
        """The Article, read and repaired as ``geo extract FILES`` reads it."""
        if self.manifest is None:
            article = read_article(Path(self.path))
        else:
            article = manifest_article(Path(self.manifest), self.where, self.entry)
        article.id = self.id
        return article

    def key(self) -> str:
        """What identifies this article's input, for telling whether a partition is unchanged."""
        return json.dumps([self.id, self.path, self.entry], sort_keys=True, ensure_ascii=False, default=str)


def list_corpus(corpus: Path) -> list[ArticleRef]:
    """The articles of a corpus, in order: a folder (its manifest if it has one, else its
    .txt/.html/.htm files in name order) or a manifest file. Nothing is read but the manifest."""
    corpus = Path(corpus)
    if corpus.is_dir():
        manifest = folder_manifest(corpus)
        if manifest is None:
            return [ArticleRef(p.name, str(p)) for p in folder_articles(corpus)]
        corpus = manifest
    elif not corpus.exists():
        raise InputError(f"{corpus}: no such folder or manifest")
    elif not is_manifest(corpus):
        raise InputError(f"{corpus}: a corpus is a folder or a manifest (.jsonl, .csv, .toml, manifest.json)")
    return _manifest_refs(corpus)


def _manifest_refs(manifest: Path) -> list[ArticleRef]:
    refs: list[ArticleRef] = []
    seen: set[Path] = set()
    for where, entry in manifest_entries(manifest):
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or not entry["path"].strip():
            raise InputError(f"{manifest}: {where}: no 'path' naming the article's file")
        path = manifest_path(manifest, where, entry["path"].strip())
        if not path.is_file():
            raise InputError(f"{manifest}: {where}: {path}: no such file")
        if path.resolve() in seen:      # named twice: read once, as collect_articles does
            continue
        seen.add(path.resolve())
        refs.append(ArticleRef(path.name, str(path), str(manifest), where, dict(entry)))
    if not refs:
        raise InputError(f"{manifest}: the manifest names no articles")
    return _unique_ids(refs)


def _unique_ids(refs: list[ArticleRef]) -> list[ArticleRef]:
    """Articles that share a file name, their paths as ids (geo.text.collect.unique_ids)."""
    ids = unique_ids([r.id for r in refs], [r.path for r in refs])
    return [ArticleRef(i, r.path, r.manifest, r.where, r.entry) for i, r in zip(ids, refs)]


def partitions(refs: list[ArticleRef], size: int) -> list[list[ArticleRef]]:
    """Consecutive runs of ``size`` articles (the last may be shorter)."""
    return [refs[i:i + size] for i in range(0, len(refs), size)]


def digest(refs: list[ArticleRef]) -> str:
    """A short digest of a partition's inputs: a rerun redoes a partition whose inputs changed."""
    h = hashlib.sha256()
    for ref in refs:
        h.update(ref.key().encode("utf-8") + b"\n")
    return h.hexdigest()[:16]
