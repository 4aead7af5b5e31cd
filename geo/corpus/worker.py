"""What runs on a Dask worker: one pipeline per worker, and the task that does one partition.

:class:`PipelinePlugin` is registered with the cluster once per run; each worker (and any that joins
later) opens the gazetteer read-only and builds the pipeline once, when the plugin is set up, not per
task. :func:`run_partition` reads a partition's articles, runs the pipeline on them, writes their
mentions (and claims) as GeoParquet files and then the partition's "done" marker.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from distributed import WorkerPlugin

from geo.corpus.listing import ArticleRef
from geo.corpus.store import write_json_atomically
from geo.corpus.tables import claim_rows, claims_frame, mention_rows, mentions_frame, write_atomically
from geo.errors import GazetteerError, GeoError


def gazetteer_identity(gazetteer) -> str:
    """What tells one gazetteer build from another: workers must use the client's."""
    meta = gazetteer.meta
    return f"{meta.get('extract_digest', '?')} built {meta.get('built_at', '?')} ({meta.get('count:places', '?')} places)"


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin holding the worker's pipeline."""

    idempotent = True        # registering it again (a rerun on the same cluster) keeps the pipelines built

    def __init__(self, db_path: str | None, check_claims: bool, gazetteer: str):
        self.db_path = db_path
        self.check_claims = check_claims
        # The same settings and build give the same name, so a rerun on a long-lived cluster reuses the
        # pipelines; a rebuilt gazetteer gives a new one (the old plugin keeps the old file open).
        key = json.dumps([db_path, check_claims, gazetteer]).encode("utf-8")
        self.name = "geo-pipeline-" + hashlib.sha256(key).hexdigest()[:12]
        self._pipeline = None
        self._error: GeoError | None = None

    async def setup(self, worker) -> None:
        self.lock = threading.Lock()
        # Building takes seconds: off the event loop, so that the worker keeps answering the scheduler.
        await asyncio.get_running_loop().run_in_executor(None, self._build)

    def _build(self) -> None:
        from geo.gazetteer import Gazetteer
        from geo.pipeline import Pipeline

        try:
            # The indexes the stages build on first use, and the writer's imports, built here: tasks
            # run at full speed from the first.
            pipeline = Pipeline(Gazetteer.open(self.db_path), check_claims=self.check_claims).warm()
            import geopandas  # noqa: F401
        except GeoError as exc:                 # reported by the tasks, as the one-line error it is
            self._error = exc
        else:
            self._pipeline, self._error = pipeline, None

    def teardown(self, worker) -> None:
        if self._pipeline is not None:
            self._pipeline.gazetteer.close()

    def pipeline(self, expected_gazetteer: str):
        """The worker's pipeline (call with ``lock`` held), checked to use the client's gazetteer build."""
        if self._pipeline is None:
            self._build()       # set-up failed (no gazetteer on this worker?): it may be there by now
        if self._pipeline is None:
            raise self._error or GeoError("the worker's pipeline could not be set up")
        found = gazetteer_identity(self._pipeline.gazetteer)
        if found != expected_gazetteer:
            raise GazetteerError(f"a worker's gazetteer ({self._pipeline.gazetteer.path}: {found}) is not the client's "
                                 f"({expected_gazetteer}); give the workers the same build (--db, GEO_GAZETTEER)")
        return self._pipeline


@dataclass(frozen=True)
class PartitionTask:
    """One partition's work: its articles, and where its output goes."""

    index: int
    refs: tuple[ArticleRef, ...]
    digest: str
    mentions_path: str
    claims_path: str | None
    marker_path: str
    unresolved: bool
    plugin: str
    gazetteer: str


def run_partition(task: PartitionTask) -> dict:
    """Run on a worker: process one partition and write it. Returns its marker record."""
    from distributed import get_worker

    started, cpu = time.perf_counter(), time.process_time()
    plugin = get_worker().plugins[task.plugin]
    articles = [ref.read() for ref in task.refs]       # reading needs no lock: many threads may read
    # One pipeline per worker, its SQLite connection included: a worker with several threads runs
    # one partition through it at a time (pure Python: threads would not run it faster anyway).
    with plugin.lock:
        pipeline = plugin.pipeline(task.gazetteer)
        documents = [pipeline.process(article) for article in articles]
        mentions = mention_rows(documents, unresolved=task.unresolved)
        claims = claims_frame(claim_rows(documents), lambda gid: _lon_lat(pipeline.gazetteer, gid)) if task.claims_path else None
    write_atomically(mentions_frame(mentions), Path(task.mentions_path))
    if claims is not None:
        write_atomically(claims, Path(task.claims_path))
    record = {"partition": task.index, "digest": task.digest, "articles": len(articles), "mentions": len(mentions),
              "claims": 0 if claims is None else len(claims), "seconds": round(time.perf_counter() - started, 3),
              "cpu_seconds": round(time.process_time() - cpu, 3)}     # the worker process's: wall time counts the neighbours too
    write_json_atomically(Path(task.marker_path), record)       # last: the partition is done
    return record


def _lon_lat(gazetteer, geonameid: int) -> tuple[float, float] | None:
    place = gazetteer.place(geonameid)
    return (place.lon, place.lat) if place is not None else None
