"""Bytes to text: byte-order marks, strict UTF-8, else the legacy codec that reads best.

Detectors guess badly on short Western text (charset-normalizer calls "Café" cp1006), so
the legacy codec is chosen here by decoding with each common codec and counting what
looks wrong in the result: letters of another script inside a word, a case flip inside a
word ("рОССИЯ" is KOI8-R read as cp1251), symbols glued to letters ("Ã©"), controls.
Ties go to the codec listed first. A file that mixes UTF-8 with a single-byte codec is
read as UTF-8 where it is valid and with that codec where it is not.

>>> decode_bytes("Kyïv".encode("utf-8"))
('Kyïv', 'utf-8', [])
>>> decode_bytes("Café in Kyïv".encode("cp1252"))[:2]
('Café in Kyïv', 'cp1252')
>>> decode_bytes("Харків".encode("koi8-u"))[:2]
('Харків', 'koi8-u')
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from geo.errors import InputError

# Longest BOM first: the UTF-32-LE mark begins with the UTF-16-LE one.
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# File signatures of formats that are not text (a PDF or a zipped .docx named .txt).
SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a zip archive (or an office document)",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ\x00": "an xz archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-zip archive",
    b"SQLite format 3\x00": "an SQLite database",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old-style office document",
}

# Legacy codecs in order of preference when two read equally well.
LEGACY = ["cp1252", "cp1251", "koi8-u", "cp1250", "iso8859-15", "cp1253", "cp1254", "cp1257",
          "cp1255", "cp1256", "mac-roman", "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr"]
SINGLE_BYTE = LEGACY[:LEGACY.index("gb18030")]
CJK_CODECS = {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949",
              "iso2022_jp", "hz", "johab"}

SAMPLE_BYTES = 32_768          # enough text to tell codecs apart, short enough to try them all
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ESCAPED = re.compile(r"[\udc80-\udcff]+")       # invalid bytes, as surrogateescape leaves them
_INTRA_WORD = set("'’‘ʼ´·-‐‑")                  # punctuation that does belong inside words
_JAPANESE = {"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH"}


def decode_bytes(data: bytes, hint: str | None = None) -> tuple[str, str, list[str]]:
    """Decode ``data``; return (text, encoding, notes). No mojibake repair here.

    ``hint`` is a charset the file declares (an HTML ``<meta charset>``): it wins ties.
    Raises InputError (without the file's name: the caller adds it) for empty, binary
    or undecodable data.
    """
    if not data or data.isspace():     # (not data.strip(): that copies a large file)
        raise InputError("empty file" if not data else "the file holds only whitespace")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom):].decode(encoding), encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                                 f"(byte {exc.start + len(bom)})") from None
    for signature, kind in SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"not a text file: it is {kind}")
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError("not a text file: it holds NUL bytes")
        return _check_text(data.decode(encoding), encoding), encoding, ["no byte-order mark: read as " + encoding]
    try:
        return _check_text(data.decode("utf-8"), "utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    text, encoding = _best_legacy_reading(data, hint)
    notes = [f"not valid utf-8: read as {encoding}"]
    return _check_text(text, encoding), encoding, notes


def _check_text(text: str, encoding: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file read as text). A C1
    control after a UTF-8 lead or continuation byte read as Latin-1 ("â\x80\x94" for "—") is
    mojibake, which the reader repairs, not a sign of binary data."""
    sample = text[:SAMPLE_BYTES]
    controls = sum(1 for k, c in enumerate(sample) if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v"
                   and not ("\x80" <= c <= "\x9f" and k and "\x80" <= sample[k - 1] <= "\xf4"))
    if controls > max(2, len(sample) // 100):
        raise InputError(f"not a text file: read as {encoding} it is full of control characters")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when the NULs sit where ASCII text in UTF-16 puts them."""
    if len(data) % 2:
        return None
    odd, even = data[1::2].count(0), data[0::2].count(0)
    half = len(data) // 2
    for nuls, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= 0.6 * half and others <= 0.05 * half:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def _best_legacy_reading(data: bytes, hint: str | None) -> tuple[str, str]:
    """Decode with the codec (or UTF-8 plus a single-byte codec) that reads most plausibly."""
    sample = _sample(data)
    candidates = _codec_order(sample, hint)
    readings: list[tuple[int, int, str]] = []       # (oddities, preference, encoding)
    for rank, encoding in enumerate(candidates):
        try:
            readings.append((oddities(sample.decode(encoding)), rank, encoding))
        except UnicodeDecodeError:
            continue
    escaped = sample.decode("utf-8", "surrogateescape")
    if _NON_ASCII.search(_ESCAPED.sub("", escaped)):    # some of it is valid non-ASCII UTF-8: maybe mixed
        for rank, encoding in enumerate(SINGLE_BYTE):
            readings.append((oddities(_mixed(escaped, encoding)), rank, "utf-8+" + encoding))
    if not readings:
        raise InputError("cannot tell its encoding: it is neither UTF-8 nor any common legacy encoding")
    _, _, encoding = min(readings)
    if encoding.startswith("utf-8+"):
        return _mixed(data.decode("utf-8", "surrogateescape"), encoding.removeprefix("utf-8+")), encoding
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:   # the sample decoded but a later part does not
        raise InputError(f"read as {encoding}, byte {exc.start} is invalid") from None


def _sample(data: bytes) -> bytes:
    """The first SAMPLE_BYTES, cut at a line end so a multi-byte character is not split."""
    if len(data) <= SAMPLE_BYTES:
        return data
    cut = data.rfind(b"\n", 0, SAMPLE_BYTES)
    return data[:cut + 1] if cut > 0 else data[:SAMPLE_BYTES]


def _codec_order(sample: bytes, hint: str | None) -> list[str]:
    """LEGACY, the declared charset first, charset-normalizer's CJK guess first among the CJK codecs.

    (Its guesses are good for CJK, where every codec reads the bytes as some ideographs,
    and poor for short single-byte text, which the single-byte codecs listed first decide.)
    """
    order = list(LEGACY)
    guess = from_bytes(sample).best()
    if guess is not None and _python_name(guess.encoding) in CJK_CODECS:
        order.insert(len(SINGLE_BYTE), guess.encoding)
    if hint:
        try:
            name = codecs.lookup(hint).name
        except LookupError:
            name = None
        if name and name != "utf-8":
            order.insert(0, name)
    return list(dict.fromkeys(order))


def _python_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name.replace("-", "_")
    except LookupError:
        return encoding


def _mixed(escaped: str, encoding: str) -> str:
    """Text decoded with surrogateescape, its invalid bytes decoded with ``encoding``."""
    def legacy(match: re.Match) -> str:
        return match.group().encode("utf-8", "surrogateescape").decode(encoding, "replace")
    return _ESCAPED.sub(legacy, escaped)


def oddities(text: str) -> int:
    """How many non-ASCII characters look out of place: the lower, the likelier the reading.

    >>> oddities("Café in Kyïv"), oddities("Cafй in Kyпv"), oddities("CafÃ© in KyÃ¯v")
    (0, 3, 4)
    >>> oddities("Харків"), oddities("хАРКІВ"), oddities("Харків".encode("koi8-u").decode("cp1251"))
    (0, 1, 2)
    """
    count = 0
    for match in _NON_ASCII.finditer(text):
        i = match.start()
        c = text[i]
        category = unicodedata.category(c)
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if category in ("Cc", "Co", "Cn", "Cs"):
            count += 3
        elif category[0] == "L":
            script = _script(c)
            count += sum(1 for n in (before, after) if n.isalpha() and not _same_script(script, _script(n)))
            count += category == "Lu" and unicodedata.category(before) == "Ll"
        elif category[0] == "S":
            count += before.isalpha() or after.isalpha()
        elif category[0] == "P" and c not in _INTRA_WORD:
            count += before.isalpha() and after.isalpha()
    return count


def _script(c: str) -> str:
    """The first word of a character's Unicode name: LATIN, CYRILLIC, CJK, HANGUL..."""
    return unicodedata.name(c, "UNKNOWN").split(" ", 1)[0]


def _same_script(a: str, b: str) -> bool:
    return a == b or (a in _JAPANESE and b in _JAPANESE)
