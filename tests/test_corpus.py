"""Corpus scale: the generated corpus and its gold, `geo extract --corpus` on a real Dask cluster
against the single-process pipeline, resuming, and bad input."""
from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest
from conftest import ARTICLES, GOLD, SHARED, run_geo

from geo.document import Article

N_ARTICLES = 24
SEED = 11
SCORE = SHARED / "tools" / "score.py"


def _ok(result):
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def _one_line_error(result, status: int) -> str:
    err = result.stderr.decode()
    assert result.returncode == status, err
    assert err.startswith("geo: error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory, gazetteer_path) -> Path:
    """A small generated corpus, made by the real command."""
    out = tmp_path_factory.mktemp("corpus") / "generated"
    _ok(run_geo("corpus", "generate", str(out), "-n", str(N_ARTICLES), "--seed", str(SEED), "--db", str(gazetteer_path)))
    return out


@pytest.fixture(scope="module")
def single(generated, gaz):
    """The single-process path on the same articles: Documents with mentions and claims."""
    from geo.pipeline import Pipeline
    from geo.text import collect_articles

    pipeline = Pipeline(gaz)
    return [pipeline.process(article) for article in collect_articles([generated])]


@pytest.fixture(scope="module")
def scheduler():
    """A real Dask LocalCluster of two worker processes, reached by address like any existing cluster."""
    import logging

    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
                           silence_logs=logging.ERROR)
    with Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
    yield cluster.scheduler_address
    cluster.close()


def _read(path: Path):
    import geopandas as gpd

    return gpd.read_parquet(path)


def _records(frame) -> list[dict]:
    """Rows as plain dicts, missing values as None (as the pipeline's records have them)."""
    plain = frame.drop(columns="geometry").astype(object)
    return plain.where(plain.notna(), None).to_dict("records")


def _corpus(generated: Path, out: Path, *args: str, db: Path):
    return run_geo("extract", "--corpus", str(generated), "--out", str(out), "--db", str(db), *args)


# -- the generator ----------------------------------------------------------------------------


def test_generated_articles_carry_the_gold_and_the_manifest(generated):
    from geo.text import collect_articles

    gold = json.loads((generated / "gold.json").read_text(encoding="utf-8"))
    articles = {a.id: a for a in collect_articles([generated])}
    assert len(articles) == N_ARTICLES and len(gold["mentions"]) > 20 * N_ARTICLES
    for mention in gold["mentions"]:
        assert articles[mention["article"]].text[mention["start"]:mention["end"]] == mention["text"]
        assert all(str(g) in gold["places"] for g in mention["geonameids"])
    first = articles["000000.txt"]
    assert (first.title, first.date, first.url) == ("Generated article 0", "2022-01-01", f"https://example.org/geo-corpus/{SEED}/000000.txt")


def test_places_are_swapped_for_places_of_the_same_kinds(generated):
    from geo.corpus.generate import kind_of

    reference = json.loads(GOLD.read_text(encoding="utf-8"))
    gold = json.loads((generated / "gold.json").read_text(encoding="utf-8"))
    reference_kinds = {kind_of(p["feature_code"]) for p in reference["places"].values()}
    used = [gold["places"][str(m["geonameids"][0])] for m in gold["mentions"]]
    assert {kind_of(p["feature_code"]) for p in used} <= reference_kinds
    swapped = [m for m in gold["mentions"] if str(m["geonameids"][0]) not in reference["places"]]
    assert len(swapped) > 0.9 * len(gold["mentions"])
    # one reference place becomes one stand-in within an article, but others elsewhere
    assert len({m["geonameids"][0] for m in gold["mentions"]}) > 100


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another(generated, tmp_path, gazetteer_path):
    _ok(run_geo("corpus", "generate", str(tmp_path / "again"), "-n", "3", "--seed", str(SEED), "--db", str(gazetteer_path)))
    _ok(run_geo("corpus", "generate", str(tmp_path / "other"), "-n", "3", "--seed", str(SEED + 1), "--db", str(gazetteer_path)))
    for name in ("000000.txt", "000001.txt", "000002.txt"):
        assert (tmp_path / "again" / name).read_bytes() == (generated / name).read_bytes()
        assert (tmp_path / "other" / name).read_bytes() != (generated / name).read_bytes()
    lines = (generated / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert (tmp_path / "again" / "manifest.jsonl").read_text(encoding="utf-8").splitlines() == lines[:3]


def test_the_pipeline_resolves_the_stand_ins_as_the_gold_says(generated, tmp_path):
    """The shared scorer on `geo extract --format jsonl` over the generated corpus: stand-ins are
    unambiguous names, so what the pipeline finds it resolves right, and it finds nearly all."""
    if not SCORE.is_file():
        pytest.skip(f"no scorer at {SCORE}")
    pred = tmp_path / "pred.jsonl"
    _ok(run_geo("extract", str(generated), "--format", "jsonl", "-o", str(pred)))
    score = runpy.run_path(str(SCORE))
    result = score["mentions"](json.loads((generated / "gold.json").read_text(encoding="utf-8")), score["load"](pred))
    assert result["resolution_accuracy"] >= 0.98, result["wrong"][:10]
    assert result["recall"] >= 0.9 and result["precision"] >= 0.95, (result["missed"][:10], result["extra"][:10])


def test_generate_refuses_a_folder_that_is_not_empty(generated, gazetteer_path):
    before = sorted(p.name for p in generated.iterdir())
    _one_line_error(run_geo("corpus", "generate", str(generated), "-n", "2", "--db", str(gazetteer_path)), 2)
    assert sorted(p.name for p in generated.iterdir()) == before


# -- listing ------------------------------------------------------------------------------------


def test_the_workers_read_each_article_as_the_single_process_path_does(tmp_path):
    """A manifest naming two files of the same name (ids become relative paths), one twice."""
    from geo.corpus.listing import list_corpus
    from geo.text import collect_articles

    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(f"Fighting near Izium ({sub}).", encoding="utf-8")
    (tmp_path / "list.jsonl").write_text('{"path": "a/report.txt", "source": "Reuters", "date": "2022-09-10"}\n'
                                         '{"path": "b/report.txt", "url": "javascript:alert(1)"}\n'
                                         '{"path": "a/report.txt"}\n', encoding="utf-8")
    refs = list_corpus(tmp_path / "list.jsonl")
    assert [r.read().to_dict() for r in refs] == [a.to_dict() for a in collect_articles([tmp_path / "list.jsonl"])]
    assert [r.id for r in refs] == ["a/report.txt", "b/report.txt"]


# -- the distributed path ------------------------------------------------------------------------


def test_distributed_run_equals_the_single_process_pipeline(generated, single, scheduler, tmp_path, gazetteer_path):
    """Two workers, five partitions: the same mentions and claims, with the articles' metadata."""
    import pyarrow.parquet as pq

    from geo.corpus.tables import claim_rows, mention_rows

    out = tmp_path / "run.parquet"
    stdout = _ok(_corpus(generated, out, "--scheduler", scheduler, "--partition-size", "5", db=gazetteer_path))
    assert "of 24 articles in 5 partitions" in stdout
    assert sorted(p.name for p in out.glob("*.parquet")) == [f"part-0000{i}.parquet" for i in range(5)]

    mentions = _read(out)
    assert _records(mentions) == mention_rows(single)
    assert mentions.crs.to_epsg() == 4326
    assert list(mentions.geometry.x) == list(mentions["lon"]) and list(mentions.geometry.y) == list(mentions["lat"])
    geo_meta = json.loads(pq.read_schema(out / "part-00000.parquet").metadata[b"geo"])
    assert geo_meta["primary_column"] == "geometry" and geo_meta["columns"]["geometry"]["encoding"] == "WKB"

    claims = _read(tmp_path / "run.claims.parquet")
    assert len(claims) > 0 and _records(claims) == claim_rows(single)
    assert set(claims.geometry.geom_type.dropna()) <= {"LineString", "Point"}

    article = mentions[mentions["article"] == "000003.txt"].iloc[0]
    assert (article["title"], article["source"] is not None, article["date"]) == ("Generated article 3", True, "2022-01-04")
    assert Path(article["path"]) == generated / "000003.txt"


def test_a_local_cluster_gives_what_geo_extract_gives(generated, tmp_path, gazetteer_path):
    """`--workers 2` (a LocalCluster of its own) without claims against `geo extract --format jsonl`."""
    from geo.document import MENTION_FIELDS

    pred = tmp_path / "single.jsonl"
    _ok(run_geo("extract", str(generated), "--format", "jsonl", "-o", str(pred), "--db", str(gazetteer_path)))
    expected = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    out = tmp_path / "local.parquet"
    result = _corpus(generated, out, "--workers", "2", "--partition-size", "10", "--no-claims", db=gazetteer_path)
    assert "on 2 worker(s)" in _ok(result) and not (tmp_path / "local.claims.parquet").exists()
    assert result.stderr == b""             # no progress bar off a terminal, and no word from Dask
    got = [{k: r.get(k) for k in MENTION_FIELDS} for r in _records(_read(out))]
    assert got == [{k: r.get(k) for k in MENTION_FIELDS} for r in expected]


def test_a_rerun_skips_what_is_done_and_redoes_what_is_not(generated, scheduler, tmp_path, gazetteer_path):
    out = tmp_path / "resume.parquet"
    run = lambda: _corpus(generated, out, "--scheduler", scheduler, "--partition-size", "5", "--no-claims", db=gazetteer_path)  # noqa: E731
    _ok(run())
    first = _records(_read(out))
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.parquet")}

    stdout = _ok(run())                                     # everything is there: nothing runs
    assert "5 already done" in stdout and "processed" not in stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.parquet")} == stamps

    # partition 1: its file half-written and never marked done (a crash while writing it)
    part1 = out / "part-00001.parquet"
    part1.write_bytes(part1.read_bytes()[: part1.stat().st_size // 2])
    (out / "_geo" / "part-00001.json").unlink()
    # partition 2: only a hidden temporary file, cut short, is there
    part2 = out / "part-00002.parquet"
    (out / ".part-00002.parquet.1a2b3c4d.tmp").write_bytes(part2.read_bytes()[:100])
    part2.unlink()
    (out / "_geo" / "part-00002.json").unlink()
    # partition 3: done, with a stray temporary file beside it (does not make it undone)
    (out / ".part-00003.parquet.5e6f7a8b.tmp").write_bytes(b"PAR1")

    stdout = _ok(run())
    assert "3 already done" in stdout and "processed 10 articles" in stdout
    now = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.parquet")}
    assert {n for n in stamps if now[n] == stamps[n]} == {"part-00000.parquet", "part-00003.parquet", "part-00004.parquet"}
    assert not list(out.glob(".*.tmp"))
    assert _records(_read(out)) == first


def test_other_settings_on_the_same_output_are_refused(generated, scheduler, tmp_path, gazetteer_path):
    out = tmp_path / "settings.parquet"
    _ok(_corpus(generated, out, "--scheduler", scheduler, "--partition-size", "12", "--no-claims", db=gazetteer_path))
    before = sorted(p.name for p in out.rglob("*"))
    err = _one_line_error(_corpus(generated, out, "--scheduler", scheduler, "--partition-size", "6", "--no-claims",
                                  db=gazetteer_path), 2)
    assert "partition_size" in err
    assert sorted(p.name for p in out.rglob("*")) == before


def test_a_bad_article_stops_the_run_with_its_name_and_a_rerun_finishes(scheduler, tmp_path, gazetteer_path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for path in sorted(ARTICLES.glob("*.txt")):
        (corpus / path.name).write_bytes(path.read_bytes())
    bad = corpus / "005_bad.txt"
    bad.write_bytes(bytes(range(256)) * 4)                  # binary: not an article
    out = tmp_path / "bad.parquet"
    run = lambda: _corpus(corpus, out, "--scheduler", scheduler, "--partition-size", "2", "--no-claims", db=gazetteer_path)  # noqa: E731
    err = _one_line_error(run(), 2)
    assert "005_bad.txt" in err
    assert not (out / "part-00002.parquet").exists() and not (out / "_geo" / "part-00002.json").exists()

    bad.write_text("A short report from Kupiansk.", encoding="utf-8")
    stdout = _ok(run())
    assert "of 6 articles in 3 partitions" in stdout
    assert set(_read(out)["article"]) == {p.name for p in corpus.iterdir()}


@pytest.mark.parametrize("args, status, words", [
    (("--corpus", "{tmp}/nowhere", "--out", "{tmp}/o.parquet"), 2, "no such folder"),
    (("--corpus", "{generated}", "--out", "{tmp}/o.parquet", "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"), 2, "--workers"),
    (("--corpus", "{generated}"), 2, "--out"),
    (("--corpus", "{generated}", "--out", "{tmp}/o.parquet", "{generated}/000000.txt"), 2, "no FILES"),
    (("--corpus", "{generated}", "--out", "{tmp}/o.csv"), 2, "*.parquet"),
    (("--corpus", "{generated}", "--out", "{tmp}/o.parquet", "--scheduler", "nonsense://x"), 1, "Dask scheduler"),
    (("{generated}/000000.txt", "--workers", "2"), 2, "--corpus"),
])
def test_bad_corpus_options_are_one_line_errors(generated, tmp_path, args, status, words):
    args = [a.format(tmp=tmp_path, generated=generated) for a in args]
    err = _one_line_error(run_geo("extract", *args), status)
    assert words in err
    assert not (tmp_path / "o.parquet").exists()


def test_an_output_folder_of_something_else_is_left_alone(generated, tmp_path):
    out = tmp_path / "mine.parquet"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    _one_line_error(run_geo("extract", "--corpus", str(generated), "--out", str(out)), 2)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_warm_builds_the_lazy_indexes_and_assumes_no_region(gaz):
    """Pipeline.warm() builds what the stages build on first use (the claims' geometry trees; the
    variant-spelling index is the gazetteer's) without processing any text, so a worker's first
    article is not slower."""
    from geo.claims.regions import Regions
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz)
    assert pipeline.warm() is pipeline
    assert {"admin0", "admin1"} <= set(Regions.of(gaz)._trees)
    doc = pipeline.process(Article("a.txt", "Izium lies 120 km southeast of Kharkiv."))
    assert [m.geonameid for m in doc.mentions] == [707292, 706483] and doc.claims