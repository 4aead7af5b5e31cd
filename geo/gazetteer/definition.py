"""The extract definition: which upstream files a gazetteer is built from and what it keeps.

It lives in ``gazetteer/extract.toml`` (committed); see that file for the meaning of each key.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import InputError


@dataclass(frozen=True)
class Source:
    """One upstream file: where a mirror holds it (``path``) and where it lives online (``url``)."""

    key: str
    path: str
    url: str
    kind: str
    member: str | None = None


@dataclass(frozen=True)
class Continent:
    geonameid: int
    name: str
    code: str
    lat: float
    lon: float
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractDefinition:
    path: Path
    digest: str
    sources: dict[str, Source]
    full_dumps: list[str]
    world: str
    feature_classes: frozenset[str]
    exclude_feature_codes: frozenset[str]
    scripts: list[str]
    division_suffixes: list[str]
    continents: list[Continent]
    everyday_country_names: dict[str, list[str]] = field(default_factory=dict)


def load_definition(path: Path) -> ExtractDefinition:
    """Read and check an extract definition (TOML)."""
    try:
        raw = path.read_bytes()
        doc = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: extract definition not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid TOML extract definition ({exc})") from None
    try:
        sources = {
            key: Source(key=key, path=s["path"], url=s["url"], kind=s["kind"], member=s.get("member"))
            for key, s in doc["sources"].items()
        }
        places, names = doc["places"], doc["names"]
        definition = ExtractDefinition(
            path=path,
            digest=hashlib.sha256(raw).hexdigest()[:16],
            sources=sources,
            full_dumps=list(places["full_dumps"]),
            world=places["world"],
            feature_classes=frozenset(places["feature_classes"]),
            exclude_feature_codes=frozenset(places.get("exclude_feature_codes", [])),
            scripts=list(names.get("scripts", ["Latin"])),
            division_suffixes=sorted(set(names.get("division_suffixes", [])), key=len, reverse=True),
            continents=[Continent(**{**c, "names": tuple(c.get("names", ())), "demonyms": tuple(c.get("demonyms", ()))})
                        for c in doc.get("continents", [])],
            everyday_country_names={k.upper(): list(v) for k, v in doc.get("everyday_country_names", {}).items()},
        )
    except (KeyError, TypeError) as exc:
        raise InputError(f"{path}: extract definition lacks or misuses key {exc}") from None
    for key in [*definition.full_dumps, definition.world]:
        if key not in sources:
            raise InputError(f"{path}: places refer to unknown source {key!r}")
    return definition
