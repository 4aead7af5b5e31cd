"""What may come from untrusted input (article text, manifests) into an exported page, and how.

Text is escaped by the templates (Jinja autoescape for HTML, ``tojson`` inside scripts; see
geo.map.templating); what is left is which addresses may become links and which names may
become file names.

Braces too are encoded wherever input reaches the map page (``&#123;`` in HTML, ``\u007b`` in
JSON): folium (branca) renders what each element's template produced *again* as a Jinja template,
so an article titled ``{{ ... }}`` would otherwise be run as Jinja code, with Python's reach, while
the map is made (and ``{#`` would break the page). Both encodings read back as the same text.
"""
from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

_UNSAFE_FILE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_JSON_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def escape_html(text) -> Markup:
    """``text`` escaped for HTML, braces included.

    >>> escape_html("<b>{{ 7*7 }}</b>")
    Markup('&lt;b&gt;&#123;&#123; 7*7 &#125;&#125;&lt;/b&gt;')
    """
    if isinstance(text, Markup):
        return text
    return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;"))


def json_braces_encoded(json_text: str) -> str:
    r"""JSON with the braces inside its strings written ``\u007b`` and ``\u007d`` (the same strings to a parser).

    >>> json_braces_encoded('{"title": "{{ 7*7 }}"}')
    '{"title": "\\u007b\\u007b 7*7 \\u007d\\u007d"}'
    """
    return _JSON_STRING.sub(lambda m: m.group().replace("{", "\\u007b").replace("}", "\\u007d"), json_text)


def file_slug(name: str, default: str = "article") -> str:
    """A file-name-safe form of ``name``: ASCII letters, digits, ``.``, ``_`` and ``-`` only.

    >>> file_slug("000_9cc1.txt"), file_slug("../../etc/passwd"), file_slug("Київ 2022")
    ('000_9cc1', 'passwd', '2022')
    """
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    if "." in stem.strip("."):
        stem = stem.rsplit(".", 1)[0]
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = _UNSAFE_FILE_CHARS.sub("_", ascii_stem).strip("._-")[:80]
    return slug or default
