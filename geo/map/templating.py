"""The Jinja environment for ``geo/map/templates``: HTML autoescaped, scripts through ``tojson``.

Element templates (``*.js``) hold Jinja macros (``header``, ``html``, ``script``) as folium's plugins do;
page and popup templates (``*.html``) are escaped automatically, so article text and manifest fields
can only ever appear as text.
"""
from __future__ import annotations

from functools import lru_cache

import jinja2
from folium.template import Environment


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = Environment(
        loader=jinja2.PackageLoader("geo.map", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env


def template(name: str) -> jinja2.Template:
    """A template of ``geo/map/templates``, e.g. ``template("popup.html")``."""
    return environment().get_template(name)


def static_text(name: str) -> str:
    """A template file's raw text (stylesheets and scripts with no Jinja in them)."""
    source, _, _ = environment().loader.get_source(environment(), name)
    return source
