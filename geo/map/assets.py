"""Leaflet and its plugins, inlined into every exported map so that it opens with no network.

The files come from the npm registry at set-up time, never at view time: ``geo/map/vendor/package.json``
and its ``package-lock.json`` pin the versions (and their integrity hashes), and ``make assets`` runs
``npm ci`` there, into the git-ignored ``geo/map/vendor/node_modules``. ``GEO_MAP_ASSETS`` names another
``node_modules`` folder holding the same packages.

Inlining makes a map one self-contained file: the images a stylesheet refers to become ``data:``
addresses, and source-map comments are dropped (they would point at files that are not there).
"""
from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from branca.element import Element
from markupsafe import Markup

from geo.errors import GeoError

#: Environment variable naming a ``node_modules`` folder with the packages below.
ASSETS_ENV = "GEO_MAP_ASSETS"
VENDOR_DIR = Path(__file__).resolve().parent / "vendor"

#: (package, file inside the package), in the order the page must load them.
SCRIPTS = (
    ("leaflet", "dist/leaflet.js"),
    ("leaflet.markercluster", "dist/leaflet.markercluster.js"),
)
STYLESHEETS = (
    ("leaflet", "dist/leaflet.css"),
    ("leaflet.markercluster", "dist/MarkerCluster.css"),
    ("leaflet.markercluster", "dist/MarkerCluster.Default.css"),
)
#: Plugins only some maps use, inlined after the scripts above when asked for: name -> (package, file).
PLUGINS = {
    "heat": ("leaflet.heat", "dist/leaflet-heat.js"),     # the heat layer of corpus maps
}

_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=\S+\s*$", re.MULTILINE)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[A-Za-z0-9_.-]+\.png)\1\)")


class AssetsMissing(GeoError):
    """The Leaflet files are not installed (``make assets``)."""


@dataclass(frozen=True)
class Assets:
    """The text of the scripts and stylesheets a map inlines."""

    scripts: tuple[str, ...]
    stylesheets: tuple[str, ...]


def modules_dir() -> Path:
    """The ``node_modules`` folder the assets are read from."""
    env = os.environ.get(ASSETS_ENV)
    return Path(env) if env else VENDOR_DIR / "node_modules"


@lru_cache(maxsize=8)
def _load(root: Path, plugins: tuple[str, ...] = ()) -> Assets:
    def read(package: str, name: str) -> tuple[Path, str]:
        path = root / package / name
        try:
            return path, path.read_text(encoding="utf-8")
        except OSError:
            raise AssetsMissing(f"{path}: Leaflet asset missing; run `make assets` "
                                f"(npm ci in {VENDOR_DIR}) or set {ASSETS_ENV}") from None

    scripts = tuple(_SOURCE_MAP.sub("", read(p, n)[1]) for p, n in (*SCRIPTS, *(PLUGINS[name] for name in plugins)))
    stylesheets = []
    for package, name in STYLESHEETS:
        path, css = read(package, name)
        stylesheets.append(_CSS_URL.sub(lambda m, base=path.parent: f"url({_data_url(base / m.group(2))})", css))
    return Assets(scripts, tuple(stylesheets))


def load_assets(*plugins: str) -> Assets:
    """The inlined Leaflet files, with the named :data:`PLUGINS`; :class:`AssetsMissing` when they are not installed."""
    return _load(modules_dir().resolve(), tuple(plugins))


def _data_url(path: Path) -> str:
    try:
        return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError:
        raise AssetsMissing(f"{path}: Leaflet image missing; run `make assets`") from None


def _inline(tag: str, text: str) -> str:
    # A closing tag inside the text would end the element early; the vendored files hold none,
    # but a changed version must fail loudly rather than produce a broken page.
    if f"</{tag}" in text.lower():
        raise AssetsMissing(f"an asset contains </{tag}>: it cannot be inlined")
    return f"<{tag}>\n{text}\n</{tag}>"


class InlineAssets(Element):
    """The Leaflet stylesheets and scripts, inlined into the page's ``<head>``."""

    def __init__(self, assets: Assets):
        super().__init__()
        self._name = "InlineAssets"
        self.assets = assets

    def render(self, **kwargs) -> str:
        parts = [_inline("style", css) for css in self.assets.stylesheets]
        parts += [_inline("script", js) for js in self.assets.scripts]
        return Markup("\n".join(parts))
