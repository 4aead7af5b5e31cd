"""The output formats the commands share: plain-text tables and the mention records.

>>> print(format_table(("id", "name"), [("706483", "Kharkiv")]))
id      name
------  -------
706483  Kharkiv
"""
from __future__ import annotations

import json

from geo.document import MENTION_FIELDS


def format_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Left-aligned plain-text columns."""
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip() for r in (header, *rows)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)



def render_mentions(mentions, fmt: str) -> str:
    if fmt == "jsonl":  # one record at a time: a long text has hundreds of thousands
        return "".join(json.dumps(m.to_dict(), ensure_ascii=False) + "\n" for m in mentions)
    rows = [m.to_dict() for m in mentions]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "geojson":
        features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                     "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")}} for r in rows if r["geonameid"]]
        return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=MENTION_FIELDS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    table = [(r["article"], f"{r['start']}-{r['end']}", r["text"], str(r["geonameid"] or "-"), r["name"] or (r["reason"] or ""),
              r["feature_code"] or "", r["country_code"] or "", f"{r['score']:.2f}") for r in rows]
    return format_table(("article", "span", "text", "id", "place", "code", "cc", "score"), table) + "\n" if table else "no place mentions found\n"

