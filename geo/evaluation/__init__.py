"""Evaluation on public geoparsing corpora (``geo eval``).

- :mod:`geo.evaluation.corpora` reads TR-News/LGL, GeoWebNews and GeoVirus into gold articles;
- :mod:`geo.evaluation.metrics` holds the metrics on plain numbers (span overlap, km errors, AUC);
- :mod:`geo.evaluation.run` runs the pipeline over a corpus and pairs predictions with the gold;
- :mod:`geo.evaluation.report` turns a run into a summary, a text table, or per-case records.
"""
from geo.evaluation.corpora import Corpus, GoldArticle, GoldToponym, read_corpus
from geo.evaluation.report import case_records, render_text, summarize
from geo.evaluation.run import Evaluation, evaluate

__all__ = ["Corpus", "Evaluation", "GoldArticle", "GoldToponym", "case_records", "evaluate", "read_corpus",
           "render_text", "summarize"]
