"""The pipeline: an Article in, a Document (its mentions and claims) out.

    text (geo.text) -> matching (geo.matching) -> resolution (geo.resolution) -> claims (geo.claims)

>>> from geo.document import Article
>>> doc = Pipeline().process(Article("x.txt", "Izium lies in Kharkiv region."))
>>> [(m.text, m.geonameid) for m in doc.mentions]
[('Izium', 707292), ('Kharkiv region', 706482)]
"""
from __future__ import annotations

import bisect
import gc

from geo.document import Article, Document, Mention, Span
from geo.matching import QUALIFIERS, NameMatcher, VariantMatcher
from geo.normalize import normalize_name
from geo.resolution import Resolver


#: The longest text resolved as one context; longer ones are cut at paragraph breaks (see Pipeline.locate).
PART_CHARS = 1_000_000


def text_parts(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts of ``text``, each at most ``size`` characters, cut after a
    blank line, else a line break, else a sentence's end, else a space (else anywhere).

    >>> text_parts("Izium.\\n\\nKharkiv. Kupiansk.", 12)
    [(0, 8), (8, 17), (17, 26)]
    """
    parts, start = [], 0
    while len(text) - start > size:
        limit = start + size
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + 1, limit - len(sep) + 1)
            if cut > start:
                end = cut + len(sep)
                break
        else:
            end = limit
        parts.append((start, end))
        start = end
    parts.append((start, len(text)))
    return parts


def _covered(span: Span, covered: list[tuple[int, int]]) -> bool:
    """Whether one of the sorted, non-overlapping ``covered`` ranges holds ``span`` (by bisection:
    a scan of every range per span is quadratic in a long text)."""
    k = bisect.bisect_right(covered, (span.start, float("inf"))) - 1
    return k >= 0 and covered[k][0] <= span.start and span.end <= covered[k][1]


class Pipeline:
    """Holds the gazetteer and the stages built from it, with the policy claims are judged by; the
    CLI, the Python API and the corpus workers all process articles through it, one at a time."""

    def __init__(self, gazetteer=None, *, check_claims: bool = True, claims_policy=None):
        if gazetteer is None:
            from geo.gazetteer import Gazetteer

            gazetteer = Gazetteer.open()
        self.gazetteer = gazetteer
        self.matcher = NameMatcher(gazetteer)
        self.variants = VariantMatcher(gazetteer, self.matcher)
        self.resolver = Resolver(gazetteer)
        self.check_claims = check_claims
        self.claims_policy = claims_policy     #: a geo.claims.Policy (None: its defaults)
        # What exists now (the modules, the gazetteer's tables, the stages) is meant to live as long
        # as the process (a CLI run, a corpus worker): moved out of the collector's generations, it is
        # not walked again by each full collection the articles' temporary objects set off (a few
        # percent of a run's time). (Frozen objects are still freed when no longer referenced; only
        # a cycle among them would stay, as a dropped Pipeline's.)
        gc.freeze()

    def warm(self) -> Pipeline:
        """Build now what the stages otherwise build on first use (the claims' geometry lookups), so
        that the first article runs at full speed: a worker's set-up. Assumes nothing about the
        articles to come (no region, no language of place names)."""
        if self.check_claims:
            from geo.claims.regions import Regions

            regions = Regions.of(self.gazetteer)
            for layer in ("admin0", "admin1"):
                regions.tree(layer)
        return self

    def documents(self, articles):
        """Each article processed, in order (a generator: one Document at a time)."""
        for article in articles:
            yield self.process(article)

    def spans(self, text: str) -> list[Span]:
        exact = self.matcher.find(text)
        variants = self.variants.find(text, exact)
        if not variants:
            return exact   # (found in the order of the text: nothing to replace or merge)
        # a variant spelling of a longer name replaces the exact names inside it
        covered = sorted((v.start, v.end) for v in variants)
        exact = [s for s in exact if not _covered(s, covered)]
        return sorted(exact + variants, key=lambda s: s.start)

    def locate(self, article: Article) -> Document:
        """Find and resolve the place mentions (no claims): the Document's mentions are the resolved ones.

        A text longer than PART_CHARS (no news article is; a corpus dumped in one file may be)
        is read in parts of at most that size, cut at paragraph breaks, each resolved as its own
        context: the work and memory per part stay bounded. Offsets still refer to the whole text.
        """
        text = article.text
        mentions = []
        for start, end in text_parts(text, PART_CHARS):
            part = text if (start, end) == (0, len(text)) else text[start:end]
            found = self.resolver.resolve(article.id, part, self.spans(part))
            if start:
                for m in found:
                    m.start, m.end = m.start + start, m.end + start
            mentions += found
        places, unresolved, modifiers = [], [], []
        for m in mentions:   # (one pass, in order)
            (unresolved if m.geonameid is None else places if m.role is None else modifiers).append(m)
        return Document(article, places, [], unresolved, modifiers)

    def process(self, article: Article) -> Document:
        """Find, resolve and, unless the pipeline was made without, check claims."""
        doc = self.locate(article)
        if self.check_claims:
            from geo import claims

            doc.claims = claims.find_and_check(doc, self.gazetteer, self.claims_policy)
        return doc

    def _name_inside(self, surface: str, offset: int) -> Span | None:
        """The longest gazetteer name inside an annotated span (an organisation holding a place name)."""
        inside = [s for s in self.matcher.find(surface) if self.resolver.candidates(s) and self.matcher.stands_inside(surface, s)]
        if not inside:
            return None
        best = max(inside, key=lambda s: (s.end - s.start, -s.start))
        best.start, best.end, best.method = best.start + offset, best.end + offset, "given"
        return best

    def resolve_spans(self, article: Article, spans: list[tuple[int, int]]) -> list[Mention]:
        """Resolution alone, on given spans (as benchmark tables measure it): one Mention per span."""
        text = article.text
        made = []
        for start, end in spans:
            surface = text[start:end]
            norm = normalize_name(surface)
            span = Span(start, end, surface, norm, method="given")
            words = norm.rsplit(" ", 1)
            if not self.resolver.candidates(span) and len(words) == 2 and words[1] in QUALIFIERS:
                span.norm, span.qualifier = words[0], QUALIFIERS[words[1]]
            if not self.resolver.candidates(span) and "," in surface:
                span.norm = normalize_name(surface.split(",")[0])  # "Washington, D.C.": the place before the comma
            if not self.resolver.candidates(span):
                inner = self._name_inside(surface, start)
                if inner is not None:  # "Bank of Mexico", "Colorado State University": the place inside
                    span = inner
            if not self.resolver.candidates(span):
                found = self.variants.fuzzy.lookup(norm)
                if found:
                    span.norm, span.similarity, span.method = found[0][0], found[0][1], "fuzzy"
            made.append(span)
        return self.resolver.resolve(article.id, text, made, gold_spans=True)
