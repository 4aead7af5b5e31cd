"""Repair mojibake: UTF-8 bytes that were once decoded with the wrong codec.

Two kinds, each repaired only where the round trip back to the bytes succeeds:

* UTF-8 read as a legacy CJK or Cyrillic codec ("Russia鈥檚" is "Russia’s" read as GBK,
  "вЂ”" is "—" read as cp1251). Each run of non-ASCII characters is encoded back with
  the codec and decoded as UTF-8; it is replaced only when that works and gives Latin,
  Greek or Cyrillic letters and punctuation, so genuine CJK text stays as it is. The
  codec applied is the one that explains the most runs, and only when it explains more
  runs than it leaves unexplained (a Chinese text has few runs that round-trip by chance).
* UTF-8 read as Windows-1252 or Latin-1 ("Ã©" for "é", "â€™" for "’"): ftfy's
  encoding fixes, line by line, so a genuine accent on one line does not stop the repair
  of another; none of ftfy's other changes (quotes, whitespace, normalization).

Where nothing is damaged the text is returned unchanged, so offsets into it stay valid;
the GBK repair is mostly length-preserving (a 3-byte UTF-8 character read as GBK is a
2-character run whose second character swallowed the next ASCII byte: "鈥檚" -> "’s").

>>> repair_mojibake("Russia鈥檚 army")
('Russia’s army', ['mojibake: utf-8 read as gbk (1 run)'])
>>> repair_mojibake("Tim Hortons Caf\\u00c3\\u00a9 in Kyiv")
('Tim Hortons Café in Kyiv', ['mojibake: utf-8 read as latin-1 (1 line)'])
>>> repair_mojibake("北京 and Kyiv")
('北京 and Kyiv', [])
"""
from __future__ import annotations

import re
from collections import Counter

import ftfy

# Codecs UTF-8 is commonly misread as, in order of preference on a tie.
MISREAD_AS = ["gbk", "gb18030", "big5", "shift_jis", "euc-kr", "cp1251", "koi8-r"]
CJK_MISREADS = {"gbk", "gb18030", "big5", "shift_jis", "euc-kr"}

_RUN = re.compile(r"[^\x00-\x7f]+")
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# What a repaired run may contain: ASCII, Latin letters, Greek, Cyrillic, general punctuation,
# currency and letterlike symbols. Never CJK: that would mean the text was CJK all along.
_PLAUSIBLE = re.compile(r"[\x20-\x7e\u00a0-\u024f\u0370-\u04ff\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u218f]+")
LOST = "\x00"                   # stands for a character whose last byte was lost, until it is guessed


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    """Return (repaired text, what was repaired). See the module's docstring."""
    repairs: list[str] = []
    text, note = repair_legacy_misread(text)
    if note:
        repairs.append(note)
    text, notes = repair_latin_misread(text)
    return text, repairs + notes


def repair_legacy_misread(text: str) -> tuple[str, str | None]:
    """Undo UTF-8 read as GBK, Big5, Shift-JIS, EUC-KR, cp1251 or KOI8-R; return (text, note).

    >>> repair_legacy_misread("鈥淭he Z鈥 symbol 鈥 Kharkiv")
    ('“The Z” symbol — Kharkiv', 'mojibake: utf-8 read as gbk (3 runs, 2 lost bytes guessed)')
    >>> repair_legacy_misread("Р’ РҐР°СЂРєРѕРІС–")[0]
    'В Харкові'
    """
    if not _RUN.search(text):
        return text, None
    best: tuple[int, str, dict[int, tuple[int, str, bool]]] | None = None
    for codec in MISREAD_AS:
        explained, unexplained = _explained_runs(text, codec)
        if len(explained) > unexplained and (best is None or len(explained) > best[0]):
            best = (len(explained), codec, explained)
    if best is None:
        return text, None
    count, codec, explained = best
    pieces: list[str] = []
    lost: list[int] = []            # indexes in pieces of characters whose last byte was lost
    last = 0
    for start, (end, fixed, lost_byte) in explained.items():
        pieces += [text[last:start], fixed]
        if lost_byte:
            lost.append(len(pieces))
            pieces.append(LOST)
        last = end
    pieces.append(text[last:])
    for i in lost:                  # guessed once all the rest is repaired: they look both ways
        pieces[i] = _guess_lost_punctuation(*_around(pieces, i))
    detail = f"{count} run{'s' * (count != 1)}" + (f", {len(lost)} lost byte{'s' * (len(lost) != 1)} guessed" if lost else "")
    return "".join(pieces), f"mojibake: utf-8 read as {codec} ({detail})"


GUESS_WINDOW = 10_000             # how far a lost character's guess looks each way (its paragraph, usually)


def _around(pieces: list[str], i: int, window: int = GUESS_WINDOW) -> tuple[str, str]:
    """The text before and after ``pieces[i]``, at most ``window`` characters each way.

    (Joining all the text on either side for every lost character is quadratic in a long text.)
    """
    before: list[str] = []
    k, n = i, 0
    while k > 0 and n < window:
        k -= 1
        before.append(pieces[k][-(window - n):])
        n += len(before[-1])
    after: list[str] = []
    k, n = i, 0
    while k + 1 < len(pieces) and n < window:
        k += 1
        after.append(pieces[k][:window - n])
        n += len(after[-1])
    return "".join(reversed(before)), "".join(after)


def _explained_runs(text: str, codec: str) -> tuple[dict[int, tuple[int, str, bool]], int]:
    """The runs ``codec`` explains, {start: (end, UTF-8 reading, whether its last byte was lost)},
    and how many runs in the codec's own script it does not explain."""
    native = _CJK if codec in CJK_MISREADS else _CYRILLIC
    explained: dict[int, tuple[int, str, bool]] = {}
    unexplained = 0
    for match in _RUN.finditer(text):
        if not native.search(match.group()):
            continue
        reading = _round_trip(match.group(), codec)
        if reading is None:
            unexplained += 1
        else:
            explained[match.start()] = (match.end(), *reading)
    return explained, unexplained


def _round_trip(run: str, codec: str) -> tuple[str, bool] | None:
    """(the run's UTF-8 reading, whether its final byte was lost), or None if it has none."""
    try:
        data = run.encode(codec)
    except UnicodeEncodeError:
        return None
    lost_byte = False
    try:
        fixed = data.decode("utf-8")
    except UnicodeDecodeError:
        # A decoder drops a lead byte whose trail byte is invalid (GBK drops the 9D of E2 80 9D
        # when a space follows): the run then ends in E2 80, a General Punctuation character cut short.
        if not data.endswith(b"\xe2\x80"):
            return None
        try:
            fixed, lost_byte = data[:-2].decode("utf-8"), True
        except UnicodeDecodeError:
            return None
    if fixed == run or not _PLAUSIBLE.fullmatch(fixed or " "):
        return None
    return fixed, lost_byte


def _guess_lost_punctuation(before: str, after: str) -> str:
    """The General Punctuation character whose last byte was lost, told from the text around it.

    Between spaces a dash; between digits an en dash; after a space an opening quote. After a
    word: ’ if the paragraph's last quote before it is ‘; ” if it is “ and nothing closes that
    quote later in the paragraph (else a dash); ” when no quote is open.

    >>> _guess_lost_punctuation("“Russia is retreating", " the fighting is closer," + LOST + " he said.")
    '—'
    >>> _guess_lost_punctuation("“the fighting is closer,", " he said.")
    '”'
    """
    previous, following = before[-1:] or "\n", after[:1] or "\n"
    if previous.isspace() and following.isspace():
        return "—"
    if previous.isdigit() and following.isdigit():
        return "–"
    if previous.isspace() or previous in "([{":
        return "“"
    opened = next((c for c in reversed(before.rsplit("\n\n", 1)[-1]) if c in "“”‘"), None)
    if opened == "‘":
        return "’"
    if opened == "“" and _closes_later(after.split("\n\n", 1)[0]):
        return "—"
    return "”"


def _closes_later(paragraph: str) -> bool:
    """Whether the next quote in ``paragraph`` closes one (” or a lost character after a word)."""
    for i, c in enumerate(paragraph):
        if c == "“":
            return False
        if c == "”" or (c == LOST and i and not paragraph[i - 1].isspace()):
            return True
    return False


def repair_latin_misread(text: str) -> tuple[str, list[str]]:
    """Undo UTF-8 read as Windows-1252 or Latin-1 (ftfy's encoding fixes), line by line.

    >>> repair_latin_misread("The boysâ€™ choir\\nA genuine café")
    ('The boys’ choir\\nA genuine café', ['mojibake: utf-8 read as windows-1252 (1 line)'])
    """
    if not _RUN.search(text):
        return text, []
    lines = text.split("\n")
    kinds: Counter[str] = Counter()
    for i, line in enumerate(lines):
        if not _RUN.search(line):
            continue
        fixed, steps = ftfy.fix_encoding_and_explain(line)
        if fixed != line:
            lines[i] = fixed
            kinds[_describe(steps)] += 1
    if not kinds:
        return text, []             # (not a copy of a long text joined again)
    notes = [f"mojibake: {kind} ({n} line{'s' * (n != 1)})" for kind, n in kinds.items()]
    return "\n".join(lines), notes


def _describe(steps) -> str:
    """ftfy's explanation in words: 'utf-8 read as windows-1252'."""
    encoded = next((name for step, name in steps if step == "encode"), None)
    decoded = next((name for step, name in steps if step == "decode"), None)
    if encoded and decoded:
        return f"{decoded} read as {encoded.removeprefix('sloppy-')}"
    applied = {name for step, name in steps if step == "apply"}
    if "decode_inconsistent_utf8" in applied:
        return "utf-8 read as windows-1252, in parts of lines"
    if "fix_c1_controls" in applied:
        return "windows-1252 read as latin-1"
    return "encoding"
