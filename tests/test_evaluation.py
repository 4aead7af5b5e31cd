"""`geo eval`: the corpus readers on the real benchmark files, the metrics on hand-made numbers,
and runs of the real pipeline over small slices of the corpora."""
from __future__ import annotations

import json
import math

import pytest

from conftest import SHARED, run_geo
from geo.errors import InputError
from geo.evaluation import evaluate, read_corpus, summarize
from geo.evaluation.metrics import (ACC_RADIUS_KM, EARTH_RADIUS_KM, MAX_ERROR_KM, DetectionScore, accuracy_at,
                                    error_auc, haversine_km, match_spans, resolution_scores)

BENCHMARKS = SHARED / "benchmarks"


@pytest.fixture(scope="module")
def benchmarks():
    if not (BENCHMARKS / "TR-News.xml").is_file():
        pytest.skip(f"no benchmark corpora at {BENCHMARKS}")
    return BENCHMARKS


def every_toponym(corpus):
    return [(a, g) for a in corpus.articles for g in a.toponyms]


# -- readers ------------------------------------------------------------------------------------


def test_tr_news_first_articles(benchmarks):
    corpus = read_corpus(benchmarks / "TR-News.xml", limit=3)
    assert corpus.format == "trnews" and [a.article.id for a in corpus.articles] == ["1040001", "1030001", "1030002"]
    first = corpus.articles[0]
    assert first.article.date == "2016-12-19" and first.article.title.startswith("Policeman shot dead")
    turkish = first.toponyms[0]
    assert (turkish.phrase, turkish.geonameid, turkish.lat, turkish.lon) == ("Turkish", 298795, 39.0, 35.0)
    assert all(a.article.text[g.start:g.end] == g.phrase for a, g in every_toponym(corpus))


@pytest.mark.parametrize("name, articles, toponyms, with_id", [
    ("TR-News.xml", 118, 1319, 1275),     # the README's counts
    ("lgl.xml", 588, 5088, 4462),
])
def test_tr_news_format_counts_and_offsets(benchmarks, name, articles, toponyms, with_id):
    corpus = read_corpus(benchmarks / name)
    assert (len(corpus.articles), corpus.toponym_count) == (articles, toponyms) and not corpus.skipped
    assert sum(g.geonameid is not None for _, g in every_toponym(corpus)) == with_id
    assert all(a.article.text[g.start:g.end] == g.phrase for a, g in every_toponym(corpus))


def test_drifting_tr_news_offsets_are_realigned(benchmarks):
    corpus = read_corpus(benchmarks / "TR-News.xml")
    article = next(a for a in corpus.articles if a.article.id == "1010013")
    # the file says 3208-3214 and 5203-5209: two characters late by then
    assert {(g.start, g.end) for g in article.toponyms if g.phrase == "Ottawa"} >= {(3206, 3212), (5201, 5207)}
    assert 100 < corpus.realigned < 200      # the README's "about 9%" of 1,319


def test_gwn_keeps_toponyms_and_leaves_out_what_is_not_a_place(benchmarks):
    corpus = read_corpus(benchmarks / "GWN.xml")
    assert corpus.format == "gwn" and len(corpus.articles) == 200
    types = {g.type for _, g in every_toponym(corpus)}
    assert {"Literal", "Metonymic", "Demonym", "Non_Literal_Modifier"} <= types
    assert not types & {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"}
    assert corpus.skipped["GWN type Non_Toponym (not a place)"] == 432
    # two annotations of article 123 have negative offsets: left out, and said so
    assert corpus.skipped["phrase not found near its offset"] == 2
    with_id = sum(g.geonameid is not None for _, g in every_toponym(corpus))
    assert with_id == 2401 - 2                # the README's count, less those two
    assert all(a.article.text[g.start:g.end] == g.phrase for a, g in every_toponym(corpus))
    beirut = corpus.articles[1].toponyms[0]
    assert (beirut.phrase, beirut.type, beirut.geonameid) == ("BEIRUT", "Mixed", 276781)


def test_geovirus_spans_are_shifted_back_by_one(benchmarks):
    corpus = read_corpus(benchmarks / "GeoVirus.xml", limit=1)
    assert corpus.format == "geovirus" and corpus.articles[0].article.id == "1"
    pandi = corpus.articles[0].toponyms[0]
    assert (pandi.phrase, pandi.start, pandi.end, pandi.geonameid) == ("Pandi", 169, 174, None)   # file: 170-175
    everything = read_corpus(benchmarks / "GeoVirus.xml")
    assert everything.realigned == everything.toponym_count >= 2167
    assert all(g.has_coordinates and g.geonameid is None for _, g in every_toponym(everything))


@pytest.mark.parametrize("content, message", [
    (b"<articles><article><text>x</text>", "not well-formed XML"),
    (b"", "not well-formed XML"),
    (b"\x00\x01\x02binary", "not well-formed XML"),
    (b"<rss><channel/></rss>", "not a TR-News/LGL, GeoWebNews or GeoVirus corpus"),
    (b"<articles><article><title>no text</title></article></articles>", "not a TR-News"),
    (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "lol">]><articles>&e;&e;</articles>', "refused unsafe XML"),
    (b"<articles><article><text>Kyiv</text><toponyms><toponym><phrase>Kyiv</phrase><start>zero</start>"
     b"<end>4</end></toponym></toponyms></article></articles>", "article 1: bad annotation"),
])
def test_bad_corpus_files_are_input_errors(tmp_path, content, message):
    path = tmp_path / "corpus.xml"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_corpus(path)


def test_bad_corpus_on_the_command_line_is_one_line_and_status_2(tmp_path):
    path = tmp_path / "corpus.xml"
    path.write_text("<articles><article>", encoding="utf-8")
    result = run_geo("eval", str(path))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.startswith("geo: error: ") and "not well-formed XML" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    missing = run_geo("eval", str(tmp_path / "missing.xml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr.decode()


# -- metrics ------------------------------------------------------------------------------------


def test_haversine():
    assert haversine_km(48.0, 37.0, 48.0, 37.0) == 0.0
    assert haversine_km(0, 0, 0, 90) == pytest.approx(math.pi / 2 * EARTH_RADIUS_KM)
    pole_to_pole = haversine_km(90, 0, -90, 0)
    assert pole_to_pole == pytest.approx(math.pi * EARTH_RADIUS_KM) and pole_to_pole < MAX_ERROR_KM
    assert haversine_km(10, 179.5, 10, -179.5) == pytest.approx(haversine_km(10, 0, 10, 1))  # across the date line


def test_auc_bounds_and_order():
    assert error_auc([0.0] * 5) == 0.0
    assert error_auc([MAX_ERROR_KM] * 5) == pytest.approx(1.0)
    assert error_auc([]) is None
    assert error_auc([1000.0]) == pytest.approx(math.log(1001) / math.log(MAX_ERROR_KM))
    # two points: the trapezoid between them is their mean; the order they come in does not matter
    scaled = math.log(101) / math.log(MAX_ERROR_KM)
    assert error_auc([100.0, 0.0]) == error_auc([0.0, 100.0]) == pytest.approx(scaled / 2)
    assert error_auc([0, 10, 100]) < error_auc([0, 10, 1000]) < error_auc([0, 100, 1000])


def test_accuracy_and_resolution_scores():
    assert accuracy_at([0.0, ACC_RADIUS_KM, ACC_RADIUS_KM + 0.1, MAX_ERROR_KM]) == 0.5
    assert accuracy_at([]) is None
    scores = resolution_scores([0.0, 100.0, 500.0, MAX_ERROR_KM], [True, False, False])
    assert scores["acc_161km"] == 0.5 and scores["exact_accuracy"] == pytest.approx(1 / 3)
    assert scores["mean_error_km"] == pytest.approx((600.0 + MAX_ERROR_KM) / 4) and scores["median_error_km"] == 300.0
    assert (scores["with_coordinates"], scores["with_id"]) == (4, 3)
    geovirus_like = resolution_scores([5.0], [])
    assert geovirus_like["exact_accuracy"] is None and geovirus_like["acc_161km"] == 1.0


def test_span_matching_is_one_to_one():
    assert match_spans([], [(0, 4)]) == [] and match_spans([(0, 4)], []) == []
    assert match_spans([(0, 4), (10, 14)], [(0, 4), (20, 24)]) == [(0, 0)]
    assert match_spans([(0, 4), (2, 6)], [(0, 6)]) == [(0, 0)]               # two predictions, one gold
    assert match_spans([(0, 20)], [(0, 5), (10, 20)]) == [(0, 1)]            # the larger overlap wins
    assert match_spans([(4, 8)], [(8, 12)]) == []                            # touching is not overlapping
    # "Paris Hilton" annotated whole and "Paris" inside it: both can be matched
    assert match_spans([(0, 5), (0, 12)], [(0, 12), (0, 5)]) == [(0, 1), (1, 0)]


def test_detection_scores():
    score = DetectionScore()
    score.add(predicted=8, gold=10, matched=6)
    score.add(predicted=2, gold=0, matched=0)
    assert (score.tp, score.fp, score.fn) == (6, 4, 4)
    assert score.precision == 0.6 and score.recall == 0.6 and score.f1 == pytest.approx(0.6)
    assert DetectionScore().precision is None and DetectionScore(fn=3).recall == 0.0
    assert DetectionScore(fp=2, fn=3).f1 == 0.0


# -- runs of the real pipeline --------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline(gaz):
    from geo.pipeline import Pipeline

    return Pipeline(gaz, check_claims=False)


def test_resolution_on_gold_spans(benchmarks, gaz, pipeline):
    corpus = read_corpus(benchmarks / "TR-News.xml", limit=2)
    result = evaluate(corpus, pipeline, gaz, gold_spans=True)
    assert len(result.cases) == corpus.toponym_count and result.detection is None
    for case in result.cases:
        assert case.predicted is not None and (case.predicted.start, case.predicted.end) == (case.gold.start, case.gold.end)
        assert case.held == (gaz.place(case.gold.geonameid) is not None if case.gold.geonameid else False)
        if case.exact:
            assert case.error_km < ACC_RADIUS_KM     # same GeoNames place, about the same point
        if not case.resolved:
            assert not case.exact and case.error_km == (MAX_ERROR_KM if case.lat is not None else None)
    summary = summarize(result)
    held, every = summary["resolution"]["held"], summary["resolution"]["all"]
    assert held["mentions"] == summary["gold"]["held"] <= every["mentions"] == corpus.toponym_count - sum(
        1 for a, g in every_toponym(corpus) if g.geonameid is None and not g.has_coordinates)
    assert 0 <= every["auc"] <= 1 and 0 <= every["acc_161km"] <= 1


def test_end_to_end_detection_counts_add_up(benchmarks, gaz, pipeline):
    corpus = read_corpus(benchmarks / "GWN.xml", limit=3)
    result = evaluate(corpus, pipeline, gaz)
    summary = summarize(result)
    detection = summary["detection"]
    assert detection["matched"] + detection["missed"] == corpus.toponym_count
    assert sum(v["gold"] for v in detection["recall_by_type"].values()) == corpus.toponym_count
    detected = [c for c in result.cases if c.predicted is not None]
    assert len(detected) == detection["matched"]
    assert all(c.predicted.start < c.gold.end and c.gold.start < c.predicted.end for c in detected)
    assert summary["resolution"]["detected"]["mentions"] == sum(c.gradable for c in detected)


def test_eval_command_prints_the_metrics(benchmarks, gazetteer_path, tmp_path):
    cases = tmp_path / "cases.jsonl"
    result = run_geo("eval", str(benchmarks / "TR-News.xml"), "--gold-spans", "--limit", "3",
                     "--db", str(gazetteer_path), "--cases", str(cases))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    for name in ("exact GeoNames match", "Acc@161km", "mean error km", "median error km", "AUC", "gazetteer holds"):
        assert name in out
    records = [json.loads(line) for line in cases.read_text(encoding="utf-8").splitlines()]
    assert len(records) == read_corpus(benchmarks / "TR-News.xml", limit=3).toponym_count
    assert records[0]["phrase"] == "Turkish" and records[0]["gold_geonameid"] == 298795


def test_eval_command_json_end_to_end(benchmarks, gazetteer_path):
    result = run_geo("eval", str(benchmarks / "GeoVirus.xml"), "--limit", "2", "--format", "json",
                     "--db", str(gazetteer_path))
    assert result.returncode == 0, result.stderr.decode()
    summary = json.loads(result.stdout)
    assert summary["mode"] == "end_to_end" and summary["articles"] == 2
    assert set(summary["detection"]) >= {"precision", "recall", "f1"}
    every = summary["resolution"]["all"]
    assert every["exact_accuracy"] is None and every["with_coordinates"] == summary["gold"]["toponyms"]   # no ids
    assert summary["resolution"]["held"]["mentions"] == 0
