"""geo: maps of the places the news mentions.

Read articles, find and resolve the places they name against a local GeoNames extract, check
what they claim about geography, and export the result as a Leaflet map.
"""
__version__ = "0.1.0"


def extract(text: str, article: str = "text") -> list:
    """The resolved place mentions in ``text`` (a list of :class:`geo.document.Mention`).

    Uses the default gazetteer (gazetteer/geo.sqlite or $GEO_GAZETTEER), opened once per process.

    >>> [(m.text, m.geonameid) for m in extract("Izium lies in Kharkiv province.")]
    [('Izium', 707292), ('Kharkiv province', 706482)]
    """
    from geo.document import Article

    return _default_pipeline().locate(Article(article, text)).mentions


def check(text: str, article: str = "text") -> list:
    """The spatial and numeric claims in ``text``, checked (a list of :class:`geo.document.Claim`)."""
    from geo.document import Article

    return _default_pipeline().process(Article(article, text)).claims


_PIPELINE = None


def _default_pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        from geo.pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE
