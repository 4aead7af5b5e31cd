"""The map stage: Documents -> a self-contained Leaflet map (folium) with local article pages.

>>> from geo.map import MapOptions, render_map                          # doctest: +SKIP
>>> render_map(documents, gazetteer, Path("maps/kharkiv-2022.html"), MapOptions(offline=True))  # doctest: +SKIP

See :mod:`geo.map.render` for the parts, :mod:`geo.map.recipe` for ``maps/NAME.toml`` recipes,
:mod:`geo.map.corpus_map` for maps of a whole corpus dataset (``geo map --from NAME.parquet``).
"""
from geo.map.render import MapOptions, MapResult, render_map

__all__ = ["MapOptions", "MapResult", "render_map"]
