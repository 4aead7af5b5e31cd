"""A one-line progress bar on a terminal: articles done, their rate and the time left.

    extracting [###########---------]  11,200/20,000 articles  412/s  2:01 elapsed  0:21 left

Nothing is drawn when the stream is not a terminal (logs, CI): the run's summary line says it all.
"""
from __future__ import annotations

import sys
import time

WIDTH = 24


class Progress:
    """Counts articles as partitions finish; redraws at most a few times a second."""

    def __init__(self, total: int, *, label: str = "extracting", stream=None, enabled: bool | None = None):
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.done = 0
        self.started = time.perf_counter()
        self._drawn = 0.0

    def advance(self, articles: int) -> None:
        self.done += articles
        now = time.perf_counter()
        if now - self._drawn >= 0.2 or self.done >= self.total:
            self._drawn = now
            self.draw(now)

    @property
    def rate(self) -> float:
        """Articles a second since the run started."""
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self, now: float | None = None) -> str:
        elapsed = (now or time.perf_counter()) - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        filled = int(WIDTH * self.done / self.total) if self.total else WIDTH
        left = (self.total - self.done) / rate if rate > 0 else None
        return (f"{self.label} [{'#' * filled}{'-' * (WIDTH - filled)}]  {self.done:,}/{self.total:,} articles  "
                f"{rate:,.{0 if rate >= 10 else 1}f}/s  {_clock(elapsed)} elapsed" + (f"  {_clock(left)} left" if left is not None else ""))

    def draw(self, now: float | None = None) -> None:
        if self.enabled:
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.draw()
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
