"""The Jinja environment for ``geo/map/templates``: HTML autoescaped, scripts through ``tojson``.

Element templates (``*.js``) hold Jinja macros (``header``, ``html``, ``script``) as folium's plugins do;
page and popup templates (``*.html``) are escaped automatically, so article text and manifest fields
can only ever appear as text. Both also encode braces (see geo.map.safety): folium renders the
elements' output a second time as a template, and input must not be read as Jinja code there.
"""
from __future__ import annotations

from functools import lru_cache

import jinja2
from folium.template import Environment
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from geo.map.safety import escape_html, json_braces_encoded


@jinja2.pass_eval_context
def _finalize(eval_ctx, value):
    """Every ``{{ value }}`` of an autoescaped template: escaped, braces included (Markup is ours: kept)."""
    if eval_ctx.autoescape and not isinstance(value, Markup):
        return escape_html(value)
    return value


@jinja2.pass_eval_context
def _tojson(eval_ctx, value, indent: int | None = None) -> Markup:
    """Jinja's ``tojson`` (HTML-safe JSON for a script, by the environment's policies), braces in strings encoded too."""
    policies = eval_ctx.environment.policies
    kwargs = dict(policies["json.dumps_kwargs"])
    if indent is not None:
        kwargs["indent"] = indent
    return Markup(json_braces_encoded(str(htmlsafe_json_dumps(value, dumps=policies["json.dumps_function"], **kwargs))))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = Environment(
        loader=jinja2.PackageLoader("geo.map", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters["tojson"] = _tojson
    return env


def template(name: str) -> jinja2.Template:
    """A template of ``geo/map/templates``, e.g. ``template("popup.html")``."""
    return environment().get_template(name)


def static_text(name: str) -> str:
    """A template file's raw text (stylesheets and scripts with no Jinja in them)."""
    source, _, _ = environment().loader.get_source(environment(), name)
    return source
