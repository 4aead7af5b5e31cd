"""The intake stage on real files: the reference articles, and files written here in the encodings,
markups and manifest formats users send."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ARTICLES, GOLD

from geo.errors import InputError
from geo.text import collect_articles, decode_text, read_article, read_manifest, sentence_at, sentences

DAMAGED = "004_754b26462f8bc4f8.txt"
CLEAN = ["000_9cc167e4d38cbec8.txt", "001_de4934e4de4b21cf.txt", "002_3f5b2e0748cc9337.txt", "003_965abd177aefd9b1.txt"]

# Text with what encodings damage: accents, Cyrillic, curly quotes, a dash, an ellipsis.
REPORT = ("Kyïv’s café near the station reopened on Sept. 10 — residents of Balakliia said “the Russians left…\n"
          "Харків is 80 km from Бєлгород, and Zürich’s envoy visited Izium.\n")


def gold_mentions(article: str) -> list[dict]:
    return [m for m in json.loads(GOLD.read_text(encoding="utf-8"))["mentions"] if m["article"] == article]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- the reference articles ---------------------------------------------------------------------

@pytest.mark.parametrize("name", CLEAN)
def test_clean_articles_are_read_unchanged(name):
    article = read_article(ARTICLES / name)
    assert article.text == (ARTICLES / name).read_text(encoding="utf-8")
    assert (article.id, article.encoding, article.repairs) == (name, "utf-8", [])


@pytest.mark.parametrize("name", CLEAN)
def test_gold_mentions_of_clean_articles_are_exactly_at_their_offsets(name):
    text = read_article(ARTICLES / name).text
    mentions = gold_mentions(name)
    assert mentions
    assert [text[m["start"]:m["end"]] for m in mentions] == [m["text"] for m in mentions]


def test_gbk_mojibake_of_the_reuters_article_is_repaired():
    article = read_article(ARTICLES / DAMAGED)
    assert "鈥" not in article.text and "聽" not in article.text and "檚" not in article.text
    assert "Russia’s defense ministry" in article.text
    assert "The city’s name means “raisin.”" in article.text
    assert "bearing the “Z” symbol" in article.text
    assert "‘RUSSIA IS RETREATING’" in article.text
    assert article.text.count("“") == article.text.count("”")
    assert article.text.startswith("黑料社\n")        # junk, but not mojibake: it does not round-trip
    assert any(r.startswith("mojibake: utf-8 read as gbk") for r in article.repairs)


def test_gold_mentions_of_the_repaired_article_are_near_their_offsets():
    text = read_article(ARTICLES / DAMAGED).text
    for mention in gold_mentions(DAMAGED):
        window = text[max(0, mention["start"] - 60):mention["end"] + 60]
        assert mention["text"] in window, mention


def test_gbk_mojibake_made_here_round_trips(tmp_path):
    original = "“Izium is ours,” he said — Kupiansk’s bridge fell.\n"
    damaged = original.encode("utf-8").decode("gbk", errors="ignore")   # how such files come about
    assert "鈥" in damaged
    article = read_article(write(tmp_path / "gbk.txt", damaged.encode("utf-8")))
    assert article.text == original


def test_genuine_chinese_is_left_alone(tmp_path):
    text = "乌克兰军队收复了哈尔科夫州的大片领土。Ukrainian troops retook Izium (伊久姆).\n"
    assert read_article(write(tmp_path / "zh.txt", text.encode("utf-8"))).text == text
    article = read_article(write(tmp_path / "zh-gbk.txt", text.encode("gbk")))
    assert article.text == text and article.encoding == "gb18030"


# --- encodings -----------------------------------------------------------------------------------

def test_windows_1252_mojibake_is_repaired(tmp_path):
    original = "Kyïv’s café reopened — residents said “we are free…\nZürich’s envoy visited Izium.\n"
    damaged = original.encode("utf-8").decode("cp1252")
    assert "â€™" in damaged and "Ã¯" in damaged
    article = read_article(write(tmp_path / "latin.txt", damaged.encode("utf-8")))
    assert article.text == original
    assert any("utf-8 read as windows-1252" in r for r in article.repairs)


def test_latin_1_mojibake_with_c1_controls_is_repaired_not_refused(tmp_path):
    # UTF-8 read as Latin-1 leaves C1 controls ("â\x80\x94" for "—"): mojibake, not a binary file
    original = "KYIV, Ukraine (AP) — Shelling hit Kharkiv’s outskirts, “again,” residents said.\n"
    damaged = original.encode("utf-8").decode("latin-1")
    assert "\x80" in damaged
    article = read_article(write(tmp_path / "c1.txt", damaged.encode("utf-8")))
    assert article.text == original


def test_undamaged_lines_keep_their_characters_and_offsets(tmp_path):
    clean = "A genuine café in Kyïv, “quoted”  with two spaces\tand a tab.\n"
    damaged = "The boys’ choir sang.".encode("utf-8").decode("cp1252") + "\n"
    text = read_article(write(tmp_path / "half.txt", (clean + damaged).encode("utf-8"))).text
    assert text == clean + "The boys’ choir sang.\n"


@pytest.mark.parametrize("encoding, name", [("utf-16", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-32", "utf-32-le"),
                                            ("utf-8-sig", "utf-8")])
def test_byte_order_marks(tmp_path, encoding, name):
    data = REPORT.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article = read_article(write(tmp_path / "bom.txt", data))
    assert article.text == REPORT and article.encoding == name


def test_utf_16_without_a_byte_order_mark(tmp_path):
    article = read_article(write(tmp_path / "le.txt", REPORT.encode("utf-16-le")))
    assert article.text == REPORT and article.encoding == "utf-16-le"


def test_cp1251_cyrillic(tmp_path):
    text = ("Українські війська звільнили Ізюм і Балаклію. Російські війська відступили з Харківської області, "
            "повідомили в Генштабі.\n")
    article = read_article(write(tmp_path / "uk.txt", text.encode("cp1251")))
    assert article.text == text and article.encoding == "cp1251"
    assert article.repairs == ["not valid utf-8: read as cp1251"]


def test_koi8_cyrillic(tmp_path):
    text = "Российские войска отступили из Харьковской области, сообщили в министерстве обороны.\n"
    article = read_article(write(tmp_path / "ru.txt", text.encode("koi8-r")))
    assert article.text == text and article.encoding.startswith("koi8")


def test_utf8_read_as_cp1251_is_repaired(tmp_path):
    original = "Російські війська відступили з Харкова — «перегрупування».\n"
    damaged = original.encode("utf-8").decode("cp1251")
    article = read_article(write(tmp_path / "double.txt", damaged.encode("utf-8")))
    assert article.text == original
    assert any(r.startswith("mojibake: utf-8 read as cp1251") for r in article.repairs)


def test_a_file_mixing_utf8_and_cp1252(tmp_path):
    first, second = "Zürich’s envoy met Kyïv’s mayor.\n", "Later, a café in Izium — “naïve” hopes.\n"
    article = read_article(write(tmp_path / "mixed.txt", first.encode("utf-8") + second.encode("cp1252")))
    assert article.text == first + second
    assert article.encoding == "utf-8+cp1252"


@pytest.mark.parametrize("data, text", [(b"Caf\xe9 in Kyiv, 80 km from Izium.\n", "Café in Kyiv, 80 km from Izium.\n"),
                                        (b"Russia\x92s army left Izium.\n", "Russia’s army left Izium.\n")])
def test_invalid_utf8_is_read_as_windows_1252(tmp_path, data, text):
    article = read_article(write(tmp_path / "bad.txt", data))
    assert article.text == text and article.encoding == "cp1252"


def test_decode_text_reports_what_it_did():
    text, encoding, repairs = decode_text("Izium’s fall".encode("utf-8").decode("cp1252").encode("utf-8"))
    assert (text, encoding) == ("Izium’s fall", "utf-8")
    assert repairs == ["mojibake: utf-8 read as windows-1252 (1 line)"]


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b"  \n\n ", "only whitespace"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "zip"),
    (b"Kyiv\x00\x01\x02\x03\x00\xff\x10binary\x00\x00\x07", "NUL bytes"),
    (bytes(range(1, 32)) * 20, "control characters"),
])
def test_binary_and_empty_files_are_refused_in_one_line(tmp_path, data, problem):
    path = write(tmp_path / "article.txt", data)
    with pytest.raises(InputError) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and problem in message and "\n" not in message


def test_a_missing_file_or_a_folder_is_refused(tmp_path):
    with pytest.raises(InputError, match="nowhere.txt: no such file"):
        read_article(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_article(tmp_path)


# --- web pages -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="{charset}">
<title>Russia loses control of key towns | Example News</title>
<meta property="og:title" content="Russia loses control of key towns">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.com/og/izium">
<link rel="canonical" href="{canonical}">
<meta property="article:published_time" content="2022-09-10T14:03:00Z">
<script>var target = "Vladivostok"; document.write("Magadan");</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Murmansk weather</nav>
<article>
<h1>Russia loses control of key towns</h1>
<p>Ukrainian troops entered Izium on Saturday, officials in Kharkiv said. The town lies on the Donets river,
south-east of Kharkiv, and was the main Russian base in the region.</p>
<script>trackReader("Yakutsk");</script>
<p>Russia’s defense ministry said its forces were regrouping towards Donetsk, {extra}
while residents of Kupiansk described convoys leaving for Valuyki.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""


def page(**fields) -> str:
    values = {"charset": "utf-8", "canonical": "https://example.com/world/izium-falls", "extra": ""} | fields
    return PAGE.format(**values)


def test_html_main_text_and_metadata(tmp_path):
    article = read_article(write(tmp_path / "izium.html", page().encode("utf-8")))
    assert article.id == "izium.html"
    assert article.title == "Russia loses control of key towns"
    assert article.url == "https://example.com/world/izium-falls"      # canonical before og:url
    assert article.date == "2022-09-10"
    assert article.source == "Example News"
    assert article.text.startswith("Russia loses control of key towns\n\n")
    assert "Ukrainian troops entered Izium on Saturday" in article.text
    assert "Russia’s defense ministry" in article.text and "Valuyki" in article.text
    for outside in ("Vladivostok", "Magadan", "Yakutsk", "Murmansk", "<p>", "All rights reserved"):
        assert outside not in article.text


def test_html_without_canonical_uses_og_url(tmp_path):
    markup = page().replace('<link rel="canonical" href="https://example.com/world/izium-falls">', "")
    assert read_article(write(tmp_path / "og.htm", markup.encode("utf-8"))).url == "https://example.com/og/izium"


def test_html_with_a_javascript_url_drops_it(tmp_path):
    markup = page(canonical="javascript:alert(1)").replace('content="https://example.com/og/izium"', 'content="data:text/html,x"')
    article = read_article(write(tmp_path / "bad-url.html", markup.encode("utf-8")))
    assert article.url is None
    assert any(r.startswith("url dropped: 'javascript:alert(1)'") for r in article.repairs)


def test_html_in_a_declared_legacy_charset(tmp_path):
    markup = page(charset="windows-1251", extra="біля Харкова,").replace("’", "'")
    article = read_article(write(tmp_path / "cp1251.html", markup.encode("cp1251")))
    assert article.encoding == "cp1251" and "біля Харкова," in article.text


def test_html_is_recognised_without_an_extension(tmp_path):
    article = read_article(write(tmp_path / "saved-page", page().encode("utf-8")))
    assert article.title == "Russia loses control of key towns" and "<article>" not in article.text


def test_a_page_without_text_is_refused(tmp_path):
    with pytest.raises(InputError, match="empty.html: the web page has no text"):
        read_article(write(tmp_path / "empty.html", b"<html><head><title></title></head><body> </body></html>"))


# --- manifests and collections -------------------------------------------------------------------

def copy_articles(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(ARTICLES / name, folder / name)
    return folder


MANIFESTS = {
    "manifest.jsonl": (
        '{"path": "004_754b26462f8bc4f8.txt", "url": "https://www.reuters.com/world/europe/izium", '
        '"title": "Russia loses control of key northeast towns", "source": "Reuters", "date": "2022-09-10"}\n'
        '\n{"path": "sub/002_3f5b2e0748cc9337.txt", "url": "javascript:alert(1)"}\n'),
    "list.csv": (
        "path,url,title,source,date\n"
        "004_754b26462f8bc4f8.txt,https://www.reuters.com/world/europe/izium,"
        "Russia loses control of key northeast towns,Reuters,2022-09-10\n"
        "sub/002_3f5b2e0748cc9337.txt,javascript:alert(1),,,\n"),
    "articles.toml": (
        '[[article]]\npath = "004_754b26462f8bc4f8.txt"\nurl = "https://www.reuters.com/world/europe/izium"\n'
        'title = "Russia loses control of key northeast towns"\nsource = "Reuters"\ndate = 2022-09-10\n\n'
        '[[article]]\npath = "sub/002_3f5b2e0748cc9337.txt"\nurl = "javascript:alert(1)"\n'),
}


@pytest.mark.parametrize("name", sorted(MANIFESTS))
def test_manifests_in_three_formats(tmp_path, name):
    copy_articles(tmp_path, DAMAGED)
    copy_articles(tmp_path / "sub", "002_3f5b2e0748cc9337.txt")
    manifest = tmp_path / name
    manifest.write_text(MANIFESTS[name], encoding="utf-8")
    reuters, summary = read_manifest(manifest)
    assert reuters.id == DAMAGED and "Russia’s" in reuters.text
    assert (reuters.url, reuters.title, reuters.source, reuters.date) == (
        "https://www.reuters.com/world/europe/izium", "Russia loses control of key northeast towns", "Reuters", "2022-09-10")
    assert summary.id == "002_3f5b2e0748cc9337.txt" and summary.url is None
    assert "url dropped: 'javascript:alert(1)' is not an http(s) address" in summary.repairs


@pytest.mark.parametrize("escape", ["../outside.txt", "sub/../../outside.txt", "{absolute}"])
def test_a_manifest_path_may_not_leave_its_folder(tmp_path, escape):
    (tmp_path / "outside.txt").write_text("Kyiv", encoding="utf-8")
    folder = copy_articles(tmp_path / "run", DAMAGED)
    manifest = folder / "manifest.jsonl"
    manifest.write_text(json.dumps({"path": escape.format(absolute=tmp_path / "outside.txt")}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: path .* leads out of the manifest's folder"):
        read_manifest(manifest)


def test_a_manifest_naming_a_missing_file(tmp_path):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,source\nmissing.txt,Reuters\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing.txt: no such file"):
        read_manifest(manifest)


@pytest.mark.parametrize("content, problem", [
    ('{"path": "a.txt", "date": "10 Sept"}\n', "date '10 Sept' is not an ISO 8601 date"),
    ('{"path": "a.txt", "titel": "x"}\n', "unknown field 'titel'"),
    ('{"url": "https://example.com"}\n', "no 'path'"),
    ('{"path": "a.txt"\n', "line 1: not valid JSON"),
])
def test_bad_manifest_entries_are_named(tmp_path, content, problem):
    (tmp_path / "a.txt").write_text("Kyiv", encoding="utf-8")
    manifest = tmp_path / "bad.jsonl"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_manifest(manifest)
    assert str(caught.value).startswith(f"{manifest}: ") and problem in str(caught.value)


def test_collect_a_folder_of_articles():
    articles = collect_articles([ARTICLES])
    assert [a.id for a in articles] == sorted(CLEAN + [DAMAGED])      # README.md is not an article


def test_collect_prefers_a_folder_manifest(tmp_path):
    folder = copy_articles(tmp_path / "run", *CLEAN[:2])
    (folder / "manifest.toml").write_text(f'[[article]]\npath = "{CLEAN[1]}"\nsource = "The Washington Post"\n', encoding="utf-8")
    [article] = collect_articles([folder])
    assert (article.id, article.source) == (CLEAN[1], "The Washington Post")


def test_collect_gives_same_named_files_their_relative_paths(tmp_path):
    first = copy_articles(tmp_path / "a", DAMAGED)
    second = copy_articles(tmp_path / "b", DAMAGED)
    articles = collect_articles([first, second / DAMAGED, first / DAMAGED, ARTICLES / CLEAN[0]])
    assert [a.id for a in articles] == [f"a/{DAMAGED}", f"b/{DAMAGED}", CLEAN[0]]


def test_collect_refuses_what_is_not_there(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        collect_articles([tmp_path / "nothing"])
    with pytest.raises(InputError, match="holds no articles"):
        collect_articles([tmp_path])


# --- sentences -----------------------------------------------------------------------------------

def texts(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


def test_sentences_of_the_repaired_reuters_article():
    text = read_article(ARTICLES / DAMAGED).text
    found = texts(text)
    assert found[:2] == ["黑料社", "Russia loses control of key northeast towns as Ukrainian troops advance"]
    assert "The city’s name means “raisin.”" in found                  # the quote closes after the full stop
    assert "MECHANIZED ASSAULT" in found and "‘RUSSIA IS RETREATING’" in found
    assert ("“The Russian army is claiming the title of fastest army in the world — keep running!” "
            "Yermak wrote on Twitter later.") in found


@pytest.mark.parametrize("name", CLEAN + [DAMAGED])
def test_sentences_of_real_articles_are_ordered_trimmed_and_hold_every_mention(name):
    text = read_article(ARTICLES / name).text
    spans = sentences(text)
    assert len(spans) > 10
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert all(text[s:e] == text[s:e].strip() and e > s for s, e in spans)
    # a sentence starts in lower case only where a line of the file does ("gsg", a junk line in 004)
    assert not [text[s:e] for s, e in spans if text[s].islower() and s and text[s - 1] != "\n"]
    for mention in gold_mentions(name):
        sentence = sentence_at(spans, mention["start"])
        assert sentence is not None and sentence[0] <= mention["start"] < mention["end"] <= sentence[1], mention


def test_sentences_keep_abbreviations_initials_and_decimals():
    text = ("Gen. Valery Zaluzhny met Mr. Blinken in the U.S. capital on Sept. 10. He flew on to St. Petersburg, Fla., "
            "3.5 km from the airport. Robyn F. Dixon reported it. The aid came from the U.S. The rest did not.")
    assert texts(text) == [
        "Gen. Valery Zaluzhny met Mr. Blinken in the U.S. capital on Sept. 10.",
        "He flew on to St. Petersburg, Fla., 3.5 km from the airport.",
        "Robyn F. Dixon reported it.",
        "The aid came from the U.S.",
        "The rest did not.",
    ]


def test_sentences_break_at_blank_lines_and_line_breaks_but_not_wrapped_lines():
    text = "Izium falls\n\nTroops entered the town. Residents said\nthey were glad.\nKupiansk was next!"
    assert texts(text) == ["Izium falls", "Troops entered the town.", "Residents said\nthey were glad.", "Kupiansk was next!"]


def test_sentence_at_between_sentences():
    text = "Izium fell.  Kupiansk too."
    spans = sentences(text)
    assert sentence_at(spans, text.index("Kupiansk")) == (13, 26)
    assert sentence_at(spans, 11) is None
