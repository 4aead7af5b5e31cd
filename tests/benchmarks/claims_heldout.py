"""Score `geo check` on the held-out claims set (run on demand; not a test).

    python tests/benchmarks/claims_heldout.py [--shared ../shared] [--show]

`claims_heldout/claims-heldout.json` holds 94 claims in 62 articles of the four public corpora that
are not in the development set, annotated by a reader who had not seen geo's claim finding (see
`claims_heldout/README.md`). The articles are not copied here: they are written from the corpora in
../shared/benchmarks (named as the development set names them: GeoVirus by its position from 0, GWN by
its file attribute, LGL and TR-News by their ids) into a temporary folder, checked, and scored with the
shared scorer. No rule may be written from these articles: report the figures, do not fit them.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = {"geovirus": "GeoVirus.xml", "gwn": "GWN.xml", "lgl": "lgl.xml", "trnews": "TR-News.xml"}


def corpus_texts(shared: Path) -> dict[str, str]:
    """File name (as the gold names it) -> the article's text, for every article of the four corpora."""
    from geo.evaluation.corpora import read_corpus

    texts = {}
    for prefix, name in CORPORA.items():
        articles = read_corpus(shared / "benchmarks" / name).articles
        for position, gold_article in enumerate(articles):
            key = position if prefix == "geovirus" else gold_article.article.id
            texts[f"{prefix}-{key}.txt"] = gold_article.article.text
    return texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(HERE.parents[2] / "shared"))
    ap.add_argument("--show", action="store_true", help="list the misses, wrong verdicts and extra claims")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    gold_path = HERE / "claims_heldout" / "claims-heldout.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    names = sorted({c["article"] for c in gold["claims"]} | set(gold.get("articles", [])))
    texts = corpus_texts(shared)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for name in names:
            (folder / name).write_text(texts[name], encoding="utf-8")
        out = Path(tmp) / "claims.jsonl"
        subprocess.run([str(Path(sys.executable).parent / "geo"), "check", str(folder), "--format", "jsonl", "-o", str(out)],
                       check=True, stderr=subprocess.DEVNULL)
        scored = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "claims", str(gold_path), str(out)],
                                check=True, capture_output=True, text=True).stdout
    lines = scored.splitlines()
    print("\n".join(lines if args.show else [line for line in lines if not line.startswith("    ")]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
