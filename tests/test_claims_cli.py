"""`geo check` end to end on the five reference articles, scored with the project's gold claims."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ARTICLES, GOLD, SHARED, run_geo

SCORER = SHARED / "tools" / "score.py"


@pytest.fixture(scope="module")
def jsonl(gazetteer_path, tmp_path_factory):
    if not ARTICLES.is_dir():
        pytest.skip(f"no reference articles at {ARTICLES}")
    out = tmp_path_factory.mktemp("check") / "claims.jsonl"
    result = run_geo("check", *sorted(str(p) for p in ARTICLES.glob("*.txt")), "--format", "jsonl", "-o", str(out),
                     env={"GEO_GAZETTEER": str(gazetteer_path)})
    assert result.returncode == 0, result.stderr.decode()
    return out


def test_gold_claims_found_with_the_right_verdicts(jsonl):
    scored = subprocess.run([sys.executable, str(SCORER), "claims", str(GOLD), str(jsonl), "--json"], capture_output=True, check=True)
    report = json.loads(scored.stdout)
    assert report["recall"] >= 0.9, report["missed"]
    assert report["verdict_accuracy"] == 1.0, report["wrong"]


def test_no_extra_claim_is_called_wrong(jsonl):
    claims = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["claims"]
    wrong_in_gold = {(g["article"], g["type"]) for g in gold if g["verdict"] == "inconsistent"}
    inconsistent = [(c["article"], c["type"], c["quote"]) for c in claims if c["verdict"] == "inconsistent"]
    assert len(inconsistent) == 2 and {(a, t) for a, t, _ in inconsistent} == wrong_in_gold, inconsistent


def test_each_line_is_a_claim(jsonl):
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        assert {"article", "start", "end", "quote", "type", "subject", "anchor", "stated", "measured", "verdict",
                "explanation"} <= set(claim)
        assert claim["verdict"] in ("consistent", "inconsistent", "unverifiable")
        assert all(set(ref) == {"geonameid", "name"} for ref in claim["subject"] + claim["anchor"])
        assert claim["explanation"].endswith(".")


def test_table_and_json_report_the_conflict(gazetteer_path):
    env = {"GEO_GAZETTEER": str(gazetteer_path)}
    table = run_geo("check", str(ARTICLES), env=env)
    assert table.returncode == 0, table.stderr.decode()
    text = " ".join(table.stdout.decode().split())         # explanations wrap to the terminal's width
    assert "GeoNames puts Zaliznychne 52 km (32 mi) ESE of Kharkiv; the article says 37 miles east: consistent." in text
    assert "Conflicts between articles (1):" in text
    data = json.loads(run_geo("check", str(ARTICLES / "000_9cc167e4d38cbec8.txt"), str(ARTICLES / "001_de4934e4de4b21cf.txt"),
                              "--format", "json", env=env).stdout)
    assert [c["subject"][0]["name"] for c in data["conflicts"]] == ["Oskil"]
    assert data["policy"]["near_km"] == 50.0


def test_tolerances_from_the_command_line(gazetteer_path, tmp_path):
    env = {"GEO_GAZETTEER": str(gazetteer_path)}
    policy = tmp_path / "strict.toml"
    policy.write_text("[claims]\nbearing_degrees = 10\nborderline = 1\n")
    article = str(ARTICLES / "001_de4934e4de4b21cf.txt")
    data = json.loads(run_geo("check", article, "--format", "json", "--policy", str(policy), env=env).stdout)
    zaliznychne = next(c for c in data["claims"] if "37 miles" in c["quote"])
    assert zaliznychne["verdict"] == "inconsistent"            # ESE is 32 degrees from east
    data = json.loads(run_geo("check", article, "--format", "json", "--policy", str(policy),
                              "--tolerance", "bearing_degrees=45", env=env).stdout)
    assert next(c for c in data["claims"] if "37 miles" in c["quote"])["verdict"] == "consistent"


@pytest.mark.parametrize("args, message", [
    (["/no/such/article.txt"], "no such file"),
    ([str(ARTICLES), "--tolerance", "near_km"], "expected NAME=NUMBER"),
    ([str(ARTICLES), "--tolerance", "nearby_km=3"], "unknown claim tolerance"),
    ([str(ARTICLES), "--policy", "/no/such/policy.toml"], "cannot read the tolerance file"),
])
def test_bad_input_is_one_line(gazetteer_path, args, message):
    result = run_geo("check", *args, env={"GEO_GAZETTEER": str(gazetteer_path)})
    err = result.stderr.decode()
    assert result.returncode == 2
    assert err.startswith("geo: error: ") and message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_no_half_written_output(gazetteer_path, tmp_path):
    out = tmp_path / "claims.jsonl"
    result = run_geo("check", "/no/such/article.txt", "--format", "jsonl", "-o", str(out), env={"GEO_GAZETTEER": str(gazetteer_path)})
    assert result.returncode == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []
