"""Intake: the bytes of articles on disk to :class:`~geo.document.Article`s with repaired text.

    decoding.py   bytes -> str: byte-order marks, UTF-8, the likeliest legacy codec; binary files refused
    mojibake.py   UTF-8 once read with the wrong codec (GBK, cp1251, Windows-1252...) repaired
    html.py       a web page's main text, title, address, date and publisher
    articles.py   one file -> Article
    manifest.py   JSON Lines / CSV / TOML lists of articles with their metadata
    collect.py    files, manifests and folders -> every article once, with unique ids
    sentences.py  sentence boundaries
"""
from geo.text.articles import decode_text, http_url, read_article
from geo.text.collect import collect_articles
from geo.text.manifest import read_manifest
from geo.text.sentences import sentence_at, sentences

__all__ = ["collect_articles", "decode_text", "http_url", "read_article", "read_manifest", "sentence_at", "sentences"]
