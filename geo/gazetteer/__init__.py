"""The gazetteer stage: a local GeoNames extract in SQLite, built from upstream files.

- :mod:`geo.gazetteer.definition` reads ``gazetteer/extract.toml`` (what to keep);
- :mod:`geo.gazetteer.sources` fetches and checks the upstream files;
- :mod:`geo.gazetteer.build` writes the database atomically;
- :mod:`geo.gazetteer.database` answers lookups (:class:`Gazetteer`, :class:`Place`).
"""
from geo.gazetteer.database import Candidate, Gazetteer, Place, default_db_path, project_gazetteer_dir

__all__ = ["Candidate", "Gazetteer", "Place", "default_db_path", "project_gazetteer_dir"]
