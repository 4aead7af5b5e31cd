"""Map recipes: ``maps/NAME.toml`` names a map's title, its articles and its options.

    [map]
    title = "Kharkiv counter-offensive, September 2022"
    articles = ["samples/kharkiv-2022/manifest.jsonl"]   # files, folders or manifests, relative to the recipe
    output = "kharkiv-2022.html"                         # default: NAME.html beside the recipe
    offline = true                                       # no tiles; default false
    cluster = true                                       # default true
    layer_by = "article"                                 # article, source or auto (default)

A TOML file with no ``[map]`` table is not a recipe (it may be a manifest of articles).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from geo.errors import InputError
from geo.map.render import MapOptions

_OPTION_TYPES = {f.name: f.type for f in fields(MapOptions)}


@dataclass
class Recipe:
    """A parsed recipe: where the articles are, where the map goes, how it is drawn."""

    path: Path
    articles: list[Path]
    output: Path
    options: MapOptions


def is_recipe(path: Path) -> bool:
    """Whether ``path`` is a TOML file with a ``[map]`` table."""
    if path.suffix.lower() != ".toml" or not path.is_file():
        return False
    try:
        return isinstance(tomllib.loads(path.read_text(encoding="utf-8")).get("map"), dict)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_recipe(path: Path) -> Recipe:
    """Read a recipe; every problem is an :class:`InputError` naming the file and the key."""
    path = Path(path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such recipe") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read it ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    table = document.get("map")
    if not isinstance(table, dict):
        raise InputError(f"{path}: a recipe needs a [map] table")
    table = dict(table)
    articles = table.pop("articles", None)
    if isinstance(articles, str):
        articles = [articles]
    if not articles or not all(isinstance(a, str) and a.strip() for a in articles):
        raise InputError(f"{path}: [map] articles must name at least one file, folder or manifest")
    output = table.pop("output", f"{path.stem}.html")
    if not isinstance(output, str) or not output.endswith(".html"):
        raise InputError(f"{path}: [map] output must be a .html file name")
    options = {}
    for key, value in table.items():
        if key not in _OPTION_TYPES:
            raise InputError(f"{path}: [map] unknown key {key!r} (known: articles, output, {', '.join(_OPTION_TYPES)})")
        expected = bool if key in ("offline", "cluster") else str
        if not isinstance(value, expected):
            raise InputError(f"{path}: [map] {key} must be {'true or false' if expected is bool else 'a string'}")
        options[key] = value
    options.setdefault("title", path.stem)
    base = path.parent
    return Recipe(path, [base / a for a in articles], base / output, MapOptions(**options))
