"""The wordings' gates (Reader.scan): a wording regex run only in windows around its gate words finds
exactly what it finds over the whole text, on the reference articles and on texts made to try the
gates' edges (a capital I with a dot, a dotless ı, words in capitals, cues at a text's ends)."""
from __future__ import annotations

from pathlib import Path

import pytest

from geo.claims.finding import find_claims
from geo.claims.finding.reader import Reader

SHARED = Path(__file__).resolve().parents[2] / "shared"

MADE = [
    "NEAR KYIV, troops massed. Bucha lies NORTH-EAST OF Irpin, 20 KM from the BORDER.",
    "İzmir, near the Aegean coast, lies 30 km north of Manisa.",                   # lowering adds a character
    "Diyarbakır, near the Syrian border, lies 90 km north of Mardin.",            # a dotless ı: no gate
    "near",
    "The village lies just outside Kharkiv, on the outskirts of the city, 5 km NE of it",
    "a town of about 27,000 people, an hour's drive from the neighbouring region's west bank of the Dnipro",
]


def texts() -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "articles").glob("*.txt"))]
    return found + MADE


def test_a_gated_scan_finds_what_a_full_scan_finds(monkeypatch):
    gated, scans = Reader.scan, []

    def both(self, pattern, gate, before, after):
        got = [m.span() for m in gated(self, pattern, gate, before, after)]
        assert got == [m.span() for m in pattern.finditer(self.text)], (pattern.pattern[:60], self.text[:60])
        scans.append(pattern)
        return pattern.finditer(self.text)

    monkeypatch.setattr(Reader, "scan", both)
    for text in texts():
        find_claims(text, [], {})
    assert len(scans) >= 20 * len(texts())


@pytest.mark.parametrize("text, lowered", [("Near KYIV", "near kyiv"), ("İzmir", None), ("Diyarbakır", None)])
def test_the_gates_read_a_lowered_text_only_where_positions_hold(text, lowered):
    assert Reader(text, [], {}, [(0, len(text))]).lowered == lowered
