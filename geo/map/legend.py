"""The legend (legend.js): kinds of place, what marker size means, claim verdicts."""
from __future__ import annotations

from branca.element import MacroElement

from geo.map.templating import template

KIND_LABELS = (("settlement", "settlement"), ("region", "region"), ("country", "country"), ("river", "river"),
               ("other", "other place (landform, area...)"))


class Legend(MacroElement):
    _template = template("legend.js")

    def __init__(self):
        super().__init__()
        self._name = "Legend"
        self.kinds = KIND_LABELS
