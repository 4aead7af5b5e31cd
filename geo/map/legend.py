"""The legend (legend.js): kinds of place, what marker size means, claim verdicts."""
from __future__ import annotations

from collections.abc import Sequence

from branca.element import MacroElement

from geo.map.templating import template

KIND_LABELS = (("settlement", "settlement"), ("region", "region"), ("country", "country"), ("river", "river"),
               ("other", "other place (landform, area...)"))


class Legend(MacroElement):
    """The legend. ``claims=False`` leaves out the verdicts (a map with no claims), ``shapes=False`` the
    note on regions and rivers drawn as shapes (a map of markers only), ``clusters=False`` the cluster
    bubble; ``conflicts`` explains the mark of a place the articles disagree about; ``notes`` adds lines of text."""

    _template = template("legend.js")

    def __init__(self, *, claims: bool = True, shapes: bool = True, notes: Sequence[str] = (), clusters: bool = True,
                 conflicts: bool = False):
        super().__init__()
        self._name = "Legend"
        self.kinds = KIND_LABELS
        self.claims = claims
        self.shapes = shapes
        self.clusters = clusters
        self.conflicts = conflicts
        self.notes = tuple(notes)
