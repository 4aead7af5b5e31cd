"""A corpus dataset (the GeoParquet of ``geo extract --corpus``) reduced to what a map shows of each place.

Per place: its mentions and articles, the top articles (those naming it most, then the most recent),
the spellings the articles use, and its mentions and articles per week or month when dates are known.

Only the columns a map needs are read, a few whole partition files at a time (about BATCH_ROWS
mentions), and each batch is reduced at once with pandas groupby; the partial figures are merged as
they come, so memory grows with the number of places (and the few top articles kept for each), not
with the number of mentions. Text columns stay Arrow strings (pandas' ``str`` dtype): no Python object
per mention. This relies on how ``geo extract --corpus`` writes a dataset: partitions cut the list of
articles, so all the mentions of an article are in one file and its counts are complete in a batch.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from geo.errors import InputError
from geo.text.articles import http_address

#: The columns read, and the Arrow types each may have (what `geo extract --corpus` writes).
TEXT_COLUMNS = ("article", "title", "source", "date", "url", "text", "name", "feature_code", "country_code", "admin1")
NUMBER_COLUMNS = ("geonameid", "lat", "lon")
COLUMNS = (*TEXT_COLUMNS, *NUMBER_COLUMNS)
#: Top articles kept per place (what its popup lists).
TOP_ARTICLES = 10
#: Spellings kept per place for the search box, the most used first.
MAX_SPELLINGS = 12
#: Dates spanning at most this many days are sliced by week, longer ones by month.
WEEKS_UP_TO_DAYS = 182
#: Files are read together until they hold this many mentions, then reduced at once.
BATCH_ROWS = 100_000
#: Partial tables are merged once they hold this many rows, or twice as many as the last merge left
#: (so that merging stays linear in the files read): a bound on memory, not on the result.
MERGE_ROWS = 100_000
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class TopArticle:
    """An article as a place's popup lists it: all of it untrusted text, escaped where it is shown."""

    id: str
    title: str
    source: str | None
    date: str | None
    url: str | None          #: the original address, only when it is http(s)
    mentions: int            #: of the place, in this article


@dataclass
class CorpusPlace:
    """A resolved place and what the corpus says of it."""

    geonameid: int
    name: str
    lat: float
    lon: float
    feature_code: str
    country_code: str
    admin1: str
    mentions: int
    articles: int
    top: list[TopArticle] = field(default_factory=list)
    spellings: list[str] = field(default_factory=list)
    #: (period index, mentions, articles) for each period with any, in order
    periods: list[tuple[int, int, int]] = field(default_factory=list)
    kind: str = "other"
    country: str = ""         #: the country's name (from the gazetteer, when it has the place)


@dataclass(frozen=True)
class Periods:
    """Consecutive weeks (starting on Mondays) or calendar months, from the first dated article to the last."""

    unit: str                         #: "week" or "month"
    starts: tuple[dt.date, ...]

    @classmethod
    def spanning(cls, first: dt.date, last: dt.date, unit: str = "auto") -> Periods:
        """The periods from ``first`` to ``last``; ``auto``: weeks up to half a year, else months.

        >>> Periods.spanning(dt.date(2022, 9, 7), dt.date(2022, 9, 20)).labels
        ['week of 5 Sep 2022', 'week of 12 Sep 2022', 'week of 19 Sep 2022']
        >>> Periods.spanning(dt.date(2022, 1, 1), dt.date(2022, 12, 31)).labels[::5]
        ['Jan 2022', 'Jun 2022', 'Nov 2022']
        """
        if unit == "auto":
            unit = "week" if (last - first).days <= WEEKS_UP_TO_DAYS else "month"
        if unit not in ("week", "month"):
            raise InputError(f"the period must be week, month or auto, not {unit!r}")
        starts, at = [], cls._start(first, unit)
        while at <= last:
            starts.append(at)
            at = at + dt.timedelta(days=7) if unit == "week" else dt.date(at.year + at.month // 12, at.month % 12 + 1, 1)
        return cls(unit, tuple(starts))

    @staticmethod
    def _start(day: dt.date, unit: str) -> dt.date:
        return day - dt.timedelta(days=day.weekday()) if unit == "week" else day.replace(day=1)

    def index(self, day: dt.date) -> int:
        """The period holding ``day`` (one of the span's)."""
        start = self._start(day, self.unit)
        if self.unit == "week":
            return (start - self.starts[0]).days // 7
        return (start.year - self.starts[0].year) * 12 + start.month - self.starts[0].month

    @property
    def labels(self) -> list[str]:
        if self.unit == "week":
            return [f"week of {d.day} {_MONTHS[d.month - 1]} {d.year}" for d in self.starts]
        return [f"{_MONTHS[d.month - 1]} {d.year}" for d in self.starts]


@dataclass
class CorpusSummary:
    """A dataset reduced for a map: its places (most articles first) and its time span."""

    source: Path
    files: int
    mentions: int                      #: resolved mentions (rows with a place)
    articles: int                      #: articles with at least one resolved mention
    undated_articles: int              #: of those, articles with no (readable) date
    places: list[CorpusPlace]
    periods: Periods | None            #: None when no article has a date


def parse_day(text: str | None) -> dt.date | None:
    """The calendar day of an ISO 8601 date or date-time as manifests give them, else None.

    >>> parse_day("2022-09-10"), parse_day("2022-09-10T23:30:00Z"), parse_day("10 Sept"), parse_day(None)
    (datetime.date(2022, 9, 10), datetime.date(2022, 9, 10), None, None)
    """
    if not text or not text.strip():
        return None
    try:
        return dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


# -- the dataset ------------------------------------------------------------------------------


def dataset_files(path: Path) -> list[Path]:
    """The Parquet files of a dataset: a folder's ``*.parquet`` files (not the hidden or ``_`` ones,
    as Parquet readers skip them), or one file. Every problem is a one-line :class:`InputError`."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.glob("*.parquet") if p.is_file() and not p.name.startswith((".", "_")))
        if not files:
            raise InputError(f"{path}: holds no Parquet files (give the output folder of `geo extract --corpus`)")
        return files
    if path.is_file():
        return [path]
    raise InputError(f"{path}: no such dataset")


def check_schema(files: Sequence[Path]) -> None:
    """Refuse a file that is not Parquet, or whose columns are not those of a mentions dataset."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for path in files:
        try:
            schema = pq.read_schema(path)
        except (pa.ArrowException, OSError) as exc:
            raise InputError(f"{path}: not a readable Parquet file ({_first_line(exc)})") from None
        missing = [c for c in COLUMNS if c not in schema.names]
        if missing:
            if "verdict" in schema.names:
                raise InputError(f"{path}: a dataset of claims; give the mentions (NAME.parquet, not NAME.claims.parquet)")
            raise InputError(f"{path}: not a dataset of `geo extract --corpus` (no column {', '.join(missing)})")
        for name in COLUMNS:
            kind = schema.field(name).type
            ok = (pa.types.is_integer(kind) if name == "geonameid" else
                  pa.types.is_floating(kind) or pa.types.is_integer(kind) if name in NUMBER_COLUMNS else
                  pa.types.is_string(kind) or pa.types.is_large_string(kind))
            if not (ok or pa.types.is_null(kind)):
                raise InputError(f"{path}: not a dataset of `geo extract --corpus` (column {name} is {kind})")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _schema_names(path: Path) -> list[str]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.read_schema(path).names
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{path}: cannot read it ({_first_line(exc)})") from None


def _read(path: Path, columns: Sequence[str]):
    """Some columns of one file, as an Arrow table (a damaged file is an InputError naming it)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.read_table(path, columns=list(columns))
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{path}: cannot read it ({_first_line(exc)})") from None


# -- reducing ---------------------------------------------------------------------------------


class _Merged:
    """Partial tables from the files, merged by ``reduce`` whenever they grow past a limit (MERGE_ROWS)."""

    def __init__(self, reduce: Callable[[pd.DataFrame], pd.DataFrame]):
        self.reduce, self.limit = reduce, MERGE_ROWS
        self.parts: list[pd.DataFrame] = []
        self.rows = 0

    def add(self, frame: pd.DataFrame) -> None:
        if len(frame):
            self.parts.append(frame)
            self.rows += len(frame)
            if self.rows > self.limit:
                self._merge()

    def _merge(self) -> None:
        merged = self.reduce(pd.concat(self.parts, ignore_index=True)) if self.parts else pd.DataFrame()
        self.parts, self.rows = ([merged] if len(merged) else []), len(merged)
        self.limit = max(MERGE_ROWS, 2 * self.rows)

    def result(self, columns: Sequence[str]) -> pd.DataFrame:
        self._merge()
        return self.parts[0] if self.parts else pd.DataFrame({c: [] for c in columns})


def _summed(keys: list[str]) -> Callable[[pd.DataFrame], pd.DataFrame]:
    return lambda frame: frame.groupby(keys, sort=True, as_index=False).sum()


def _top(frame: pd.DataFrame) -> pd.DataFrame:
    # The articles naming the place most, then the most recent (undated last), then by id: a fixed order.
    ranked = frame.sort_values(["gid", "n", "day", "article"], ascending=[True, False, False, True], kind="stable")
    return ranked.groupby("gid", sort=False).head(TOP_ARTICLES).reset_index(drop=True)


def _first_seen(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop_duplicates("gid", keep="first").reset_index(drop=True)


def summarize(path: Path, *, period: str = "auto") -> CorpusSummary:
    """Read the dataset at ``path`` (a folder of ``geo extract --corpus``, or one of its files) for a map."""
    import pyarrow as pa
    import pyarrow.compute as pc

    path = Path(path)
    files = dataset_files(path)
    check_schema(files)

    # First the distinct dates alone (a small column), to know the span and cut it into periods.
    dates: set[str] = set()
    for f in files:
        dates.update(d for d in pc.unique(_read(f, ["date"])["date"]).to_pylist() if d)
    days = {d: day for d in sorted(dates) if (day := parse_day(d)) is not None}
    periods = Periods.spanning(min(days.values()), max(days.values()), period) if days else None
    date_keys = pa.array(list(days), type=pa.large_string())
    day_of = np.array([d.toordinal() for d in days.values()] + [-1], dtype=np.int64)          # -1: undated
    period_of = np.array([periods.index(d) for d in days.values()] + [-1] if periods else [-1], dtype=np.int64)

    places = _Merged(_first_seen)
    totals = _Merged(_summed(["gid"]))
    by_period = _Merged(_summed(["gid", "period"]))
    spellings = _Merged(_summed(["gid", "text"]))
    top = _Merged(_top)
    mentions = articles = undated = 0
    for table in _batches(files):
        # Each row's date as an index into the distinct dates (one past the last for none): vectorised, no strings.
        slot = pc.fill_null(pc.index_in(table["date"], value_set=date_keys), len(days)).to_numpy().astype(np.int64)
        frame = pd.DataFrame({"gid": table["geonameid"].to_numpy(), "article": _text(table["article"]), "text": _text(table["text"]),
                              "day": day_of[slot], "period": period_of[slot] if periods else -1})
        pairs = frame.groupby(["gid", "article", "day", "period"], sort=False, as_index=False).size().rename(columns={"size": "n"})
        mentions += len(frame)
        batch_articles = frame.drop_duplicates("article")
        articles += len(batch_articles)
        undated += int((batch_articles["day"] < 0).sum())

        totals.add(pairs.groupby("gid", as_index=False).agg(mentions=("n", "sum"), articles=("n", "size")))
        dated = pairs[pairs["period"] >= 0]
        by_period.add(dated.groupby(["gid", "period"], as_index=False).agg(m=("n", "sum"), a=("n", "size")))
        spellings.add(frame.groupby(["gid", "text"], sort=False, as_index=False).size())
        # The batch's own top articles per place: no others of it can be among the corpus's top.
        best = _top(pairs)
        meta = pd.DataFrame({c: _text(table[c]) for c in ("article", "title", "source", "date", "url")}).drop_duplicates("article")
        top.add(best.merge(meta, on="article", how="left", sort=False))
        first = pd.DataFrame({"gid": frame["gid"], **{c: _text(table[c]) for c in ("name", "feature_code", "country_code", "admin1")},
                              "lat": table["lat"].to_numpy(), "lon": table["lon"].to_numpy()})
        places.add(_first_seen(first))

    return CorpusSummary(path, len(files), mentions, articles, undated,
                         _assemble(places.result(["gid"]), totals.result(["gid", "mentions", "articles"]),
                                   top.result(["gid"]), spellings.result(["gid", "text", "size"]),
                                   by_period.result(["gid", "period", "m", "a"])),
                         periods)


def _batches(files: Sequence[Path]):
    """The resolved mentions of the files, whole files at a time, in tables of about BATCH_ROWS rows
    (pandas' cost is mostly per call: one call for a few thousand rows would take most of the time)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    # One schema for every file: a column of nulls in one partition has the null type.
    schema = pa.schema([(c, pa.large_string()) for c in TEXT_COLUMNS] +
                       [("geonameid", pa.int64()), ("lat", pa.float64()), ("lon", pa.float64())])
    pending, rows = [], 0
    for f in files:
        # a name modifying an office or body ("role": "modifier") is no place on the map
        has_role = "role" in _schema_names(f)
        table = _read(f, [*COLUMNS, "role"] if has_role else COLUMNS)
        if has_role:
            table = table.filter(pc.is_null(table["role"]))
        table = table.select(schema.names).cast(schema)
        table = table.filter(pc.and_(pc.is_valid(table["geonameid"]), pc.and_(pc.is_valid(table["lat"]), pc.is_valid(table["lon"]))))
        if table.num_rows:
            pending.append(table)
            rows += table.num_rows
        if rows >= BATCH_ROWS:
            yield pa.concat_tables(pending).combine_chunks()
            pending, rows = [], 0
    if pending:
        yield pa.concat_tables(pending).combine_chunks()


def _text(column) -> pd.Series:
    """An Arrow text column as pandas ``str`` (Arrow-backed, not a Python object a row)."""
    return pd.Series(column.to_pandas(), dtype="str")


def _assemble(places: pd.DataFrame, totals: pd.DataFrame, top: pd.DataFrame, spellings: pd.DataFrame,
              by_period: pd.DataFrame) -> list[CorpusPlace]:
    """One CorpusPlace per place, most articles first (then by name, then id)."""
    out: dict[int, CorpusPlace] = {}
    counts = totals.set_index("gid")
    for row in places.itertuples(index=False):
        gid = int(row.gid)
        out[gid] = CorpusPlace(gid, _s(row.name) or str(gid), float(row.lat), float(row.lon), _s(row.feature_code),
                               _s(row.country_code), _s(row.admin1), int(counts.at[gid, "mentions"]), int(counts.at[gid, "articles"]))
    for row in top.itertuples(index=False):
        url = http_address(_s(row.url) or None)
        title = (_s(row.title)).strip() or row.article
        out[int(row.gid)].top.append(TopArticle(row.article, title, _s(row.source).strip() or None, _s(row.date).strip() or None,
                                                url, int(row.n)))
    if len(spellings):
        ranked = spellings.sort_values(["gid", "size", "text"], ascending=[True, False, True], kind="stable")
        for gid, texts in ranked.groupby("gid", sort=False)["text"]:
            place = out[int(gid)]
            seen = {place.name.casefold()}
            for text in texts:
                if text.casefold() not in seen and len(place.spellings) < MAX_SPELLINGS:
                    seen.add(text.casefold())
                    place.spellings.append(text)
    for row in by_period.sort_values(["gid", "period"]).itertuples(index=False):
        out[int(row.gid)].periods.append((int(row.period), int(row.m), int(row.a)))
    return sorted(out.values(), key=lambda p: (-p.articles, p.name, p.geonameid))


def _s(value) -> str:
    return value if isinstance(value, str) else ""
