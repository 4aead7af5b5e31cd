"""Corpus scale: the pipeline over many articles on Dask, written as partitioned GeoParquet.

    listing.py    a corpus (folder or manifest) as unread ArticleRefs, cut into partitions
    worker.py     on each worker: one pipeline (a worker plugin), and the task that does a partition
    tables.py     Documents -> GeoDataFrames of mentions and claims, written atomically
    store.py      the output folders, and which partitions are done (for resuming)
    progress.py   the progress bar
    run.py        the client: skip what is done, run the rest, report
    generate.py   synthetic corpora with known gold, for tests and benchmarks

>>> report = run_corpus(Path("news/"), Path("news.parquet"), workers=2)        # doctest: +SKIP
>>> report.partitions, report.skipped, report.mentions                         # doctest: +SKIP
(100, 0, 817864)
>>> geopandas.read_parquet("news.parquet")                                      # doctest: +SKIP
"""
from geo.corpus.run import DEFAULT_PARTITION_SIZE, CorpusReport, run_corpus

__all__ = ["DEFAULT_PARTITION_SIZE", "CorpusReport", "run_corpus"]
