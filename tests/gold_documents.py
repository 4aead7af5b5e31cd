"""Documents built from the gold annotations (shared/gold/seeds.json) and the reference articles.

The map's tests use them to check the renderer against every gold place and claim, independently
of how well the pipeline finds them. Offsets in the gold file refer to the files decoded as UTF-8,
so the articles' text here is exactly that (the pipeline's repaired text may differ).
"""
from __future__ import annotations

import json
from pathlib import Path

from geo.document import Article, Claim, Document, Mention, PlaceRef

def gold_documents(gold_path: Path, manifest: Path, gaz) -> list[Document]:
    """The gold mentions and claims of the articles ``manifest`` (JSON Lines) names, with its titles."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    docs: dict[str, Document] = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        path = manifest.parent / entry["path"]
        text = path.read_bytes().decode("utf-8")
        docs[path.name] = Document(Article(id=path.name, text=text, path=str(path), title=entry.get("title"),
                                           source=entry.get("source"), date=entry.get("date")))
    for g in gold["mentions"]:
        place = gaz.place(g["geonameids"][0])
        docs[g["article"]].mentions.append(Mention(
            g["article"], g["start"], g["end"], g["text"], place.geonameid, place.name, place.lat, place.lon,
            place.feature_code, place.country_code, place.admin1, 1.0, "gold"))
    for g in gold["claims"]:
        doc = docs[g["article"]]
        start = doc.article.text.find(g["quote"])
        refs = [[PlaceRef(i, gaz.place(i).name) for i in g[k] if gaz.place(i)] for k in ("subject", "anchor")]
        doc.claims.append(Claim(g["article"], start, start + len(g["quote"]), g["quote"], g["type"], refs[0], refs[1],
                                g["stated"], {}, g["verdict"], g.get("why", "")))
    return list(docs.values())
