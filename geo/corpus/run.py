"""The client side of a corpus run: list and partition the corpus, skip what is done, run the rest
on a Dask cluster (a LocalCluster, or an existing one by its scheduler's address), count and report.
"""
from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from geo.corpus.listing import digest, list_corpus, partitions
from geo.corpus.progress import Progress
from geo.corpus.store import Store
from geo.corpus.worker import PartitionTask, PipelinePlugin, gazetteer_identity, run_partition
from geo.errors import GeoError, InputError

DEFAULT_PARTITION_SIZE = 200      # about 2 s of work a partition: fine-grained enough to balance and resume


@dataclass
class CorpusReport:
    """What a corpus run did."""

    out: Path
    claims_out: Path | None
    partitions: int
    skipped: int                       #: partitions already done by an earlier run
    articles: int                      #: in the whole corpus
    processed: int                     #: articles run through the pipeline by this run
    mentions: int                      #: in the whole output
    claims: int
    workers: int
    seconds: float                     #: the whole run, cluster start included
    startup_seconds: float = 0.0       #: until every worker had its pipeline
    cpu_seconds: float = 0.0           #: CPU time the workers spent on this run's partitions
    worker_peak_rss: dict[str, int] = field(default_factory=dict)   #: bytes, by worker address

    @property
    def rate(self) -> float:
        """Articles a second over the time spent processing (after the workers were set up)."""
        busy = self.seconds - self.startup_seconds
        return self.processed / busy if busy > 0 else 0.0


def run_corpus(corpus: Path, out: Path, *, workers: int | None = None, scheduler: str | None = None,
               partition_size: int = DEFAULT_PARTITION_SIZE, claims: bool = True, unresolved: bool = False,
               db_path: Path | None = None, progress: bool | None = None) -> CorpusReport:
    """Extract the mentions (and claims) of every article of ``corpus`` into GeoParquet under ``out``.

    Everything that can be wrong with the input is checked before a cluster starts; a rerun with
    the same settings skips the partitions already written.
    """
    from geo.gazetteer import Gazetteer

    started = time.perf_counter()
    if workers is not None and scheduler is not None:
        raise InputError("--workers sizes a local cluster: it cannot be given with --scheduler")
    if partition_size < 1:
        raise InputError("the partition size must be at least 1")
    corpus = Path(corpus).absolute()          # workers may not share the client's working folder
    refs = list_corpus(corpus)
    with Gazetteer.open(db_path) as gaz:
        identity = gazetteer_identity(gaz)
    parts = partitions(refs, partition_size)
    store = Store(out, claims=claims)
    settings = {"corpus": str(corpus), "partition_size": partition_size, "claims": claims,
                "unresolved": unresolved, "gazetteer": identity}
    store.check(settings)

    digests = [digest(part) for part in parts]
    done = {i: record for i in range(len(parts)) if (record := store.done(i, digests[i])) is not None}
    totals = {"mentions": sum(r.get("mentions", 0) for r in done.values()),
              "claims": sum(r.get("claims", 0) for r in done.values())}
    plugin = PipelinePlugin(str(Path(db_path).absolute()) if db_path is not None else None, claims, identity)
    tasks = [PartitionTask(i, tuple(part), digests[i], str(store.mentions_part(i)),
                           str(store.claims_part(i)) if claims else None, str(store.marker(i)), unresolved, plugin.name, identity)
             for i, part in enumerate(parts) if i not in done]
    report = CorpusReport(Path(out), store.claims_dir, len(parts), len(done), len(refs), 0, 0, 0, 0, 0.0)
    if tasks:
        _run_tasks(tasks, plugin, store, settings, report, totals, workers, scheduler, progress, started)
    else:
        store.tidy(len(parts))          # all done: only clear what an interrupted run may have left
    report.mentions, report.claims = totals["mentions"], totals["claims"]
    report.seconds = time.perf_counter() - started
    return report


def _run_tasks(tasks: list[PartitionTask], plugin: PipelinePlugin, store: Store, settings: dict, report: CorpusReport,
               totals: dict, workers: int | None, scheduler: str | None, progress: bool | None, started: float) -> None:
    from distributed import as_completed

    bar = Progress(sum(len(t.refs) for t in tasks), enabled=progress)
    with _client(workers, scheduler) as client:
        # The output folder is made once a cluster is there to fill it, and cleared of what an
        # interrupted run left behind (temporary files; partitions the corpus no longer has).
        store.open(settings)
        store.tidy(report.partitions)
        client.register_plugin(plugin, name=plugin.name)
        report.workers = len(client.scheduler_info(n_workers=-1)["workers"])
        report.startup_seconds = time.perf_counter() - started
        bar.started = time.perf_counter()
        run = uuid.uuid4().hex[:8]          # keys of this run's tasks: never those of another run on the cluster
        futures = [client.submit(run_partition, task, key=f"geo-{run}-partition-{task.index:05d}", pure=False) for task in tasks]
        try:
            for future in as_completed(futures):
                record = future.result()            # a worker's error is raised here, as itself
                report.processed += record["articles"]
                report.cpu_seconds += record["cpu_seconds"]
                totals["mentions"] += record["mentions"]
                totals["claims"] += record["claims"]
                bar.advance(record["articles"])
        finally:
            bar.close()
            client.cancel(futures)
        report.worker_peak_rss = client.run(_peak_rss)


class _client:
    """A Dask client of an existing scheduler, or of a LocalCluster started (and stopped) for the run."""

    def __init__(self, workers: int | None, scheduler: str | None):
        self.workers, self.scheduler = workers, scheduler
        self.cluster = self.client = None

    def __enter__(self):
        from distributed import Client, LocalCluster

        logging.getLogger("distributed").setLevel(logging.CRITICAL)
        if self.scheduler is not None:
            try:
                self.client = Client(self.scheduler, timeout="10s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise GeoError(f"cannot reach the Dask scheduler at {self.scheduler} ({exc})") from None
            try:
                self.client.wait_for_workers(1, timeout=60)
            except TimeoutError:
                raise GeoError(f"the Dask cluster at {self.scheduler} has no workers") from None
            return self.client
        n = self.workers or os.cpu_count() or 1
        # One thread a worker: the pipeline is pure Python, so processes, not threads, run it in parallel.
        # The workers are started ignoring Ctrl-C (they inherit that): the client alone handles it, by
        # stopping them, instead of every worker printing its own KeyboardInterrupt.
        with _ctrl_c_ignored():
            # The scheduler's HTTP server on a free local port: the usual 8787 may be another cluster's.
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                        dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL)
        self.client = Client(self.cluster)
        return self.client

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


@contextlib.contextmanager
def _ctrl_c_ignored():
    """Ignore SIGINT meanwhile (only the main thread may change signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _peak_rss() -> int:
    """The worker process's peak resident memory, in bytes (run on each worker).

    Linux's VmHWM, which starts afresh in a new program: getrusage's maxrss would carry over the
    peak of the process that started the worker (a big client would show in every worker).
    """
    import resource
    import sys

    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
