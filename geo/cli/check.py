"""`geo check`: the geographic claims of articles, checked, and where articles disagree.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from geo.cli import cli
from geo.cli.common import check_output, emit, open_gazetteer
from geo.errors import InputError


@cli.command("check")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default="table", show_default=True,
              help="table: for reading; jsonl: one claim a line; json: claims, conflicts and the tolerances used.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically) instead of stdout.")
@click.option("--policy", "policy_path", type=click.Path(dir_okay=False, path_type=Path),
              help="TOML file of tolerances (keys as in `geo.claims.policy.Policy`, optionally under [claims]).")
@click.option("--tolerance", "tolerances", multiple=True, metavar="NAME=VALUE",
              help="Override one tolerance, e.g. --tolerance near_km=30 (repeatable; applied after --policy).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer database (env: GEO_GAZETTEER).")
def check_cmd(inputs: tuple[Path, ...], fmt: str, output: Path | None, policy_path: Path | None,
              tolerances: tuple[str, ...], db_path: Path | None) -> None:
    """Find the spatial and numeric claims in articles (FILES, a DIR or a MANIFEST) and check them
    against GeoNames and Natural Earth geometry: consistent, inconsistent or unverifiable, and why.
    Also reports places that two articles describe in incompatible ways."""
    from geo.claims import Policy, conflicts
    from geo.pipeline import Pipeline
    from geo.text import collect_articles

    policy = Policy.from_toml(policy_path) if policy_path else Policy()
    policy = policy.replace(**_parse_tolerances(tolerances))
    check_output(output)
    articles = collect_articles(list(inputs))
    with open_gazetteer(db_path) as gaz:
        documents = list(Pipeline(gaz, claims_policy=policy).documents(articles))
        disagreements = conflicts(documents, policy)
    claims = [c for d in documents for c in d.claims]
    if fmt == "jsonl":
        emit("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in claims), output)
        if disagreements:
            click.echo(f"geo: {len(disagreements)} conflict(s) between articles; see --format table or json", err=True)
    elif fmt == "json":
        emit(json.dumps({"claims": [c.to_dict() for c in claims], "conflicts": [k.to_dict() for k in disagreements],
                          "policy": policy.to_dict()}, ensure_ascii=False, indent=1) + "\n", output)
    else:
        emit(render_claims(documents, disagreements), output)


def _parse_tolerances(items: tuple[str, ...]) -> dict[str, float]:
    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            values[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise InputError(f"--tolerance {item!r}: expected NAME=NUMBER, e.g. near_km=30")
    return values


def render_claims(documents, disagreements) -> str:
    """Claims article by article: verdict, type and quote, with the explanation below; then conflicts."""
    import shutil
    import textwrap

    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))
    lines: list[str] = []
    counts: dict[str, int] = {}
    for doc in documents:
        if not doc.claims:
            continue
        lines.append(f"{doc.article.id}")
        for claim in doc.claims:
            counts[claim.verdict] = counts.get(claim.verdict, 0) + 1
            head = f"  {claim.verdict:<13} {claim.type:<18} "
            quote = textwrap.shorten(" ".join(claim.quote.split()), width - len(head) - 2, placeholder=" …")
            lines.append(f"{head}“{quote}”")
            lines.extend(textwrap.wrap(claim.explanation, width, initial_indent=" " * 16, subsequent_indent=" " * 16))
        lines.append("")
    total = sum(counts.values())
    if not total:
        return "no claims found\n"
    summary = ", ".join(f"{counts[v]} {v}" for v in ("consistent", "inconsistent", "unverifiable") if counts.get(v))
    lines.append(f"{total} claim{'s' if total != 1 else ''} in {sum(1 for d in documents if d.claims)} article(s): {summary}")
    if disagreements:
        lines += ["", f"Conflicts between articles ({len(disagreements)}):"]
        for conflict in disagreements:
            lines.extend(textwrap.wrap(conflict.explanation, width, initial_indent="  ", subsequent_indent="    "))
    return "\n".join(lines) + "\n"

