"""geo: maps of the places the news mentions.

Read articles, find and resolve the places they name against a local GeoNames extract, check
what they claim about geography, and export the result as a Leaflet map.
"""
__version__ = "0.1.0"
