"""What kind of place a GeoNames feature is: the one vocabulary the build, resolution, claims and maps use.

    settlement   a populated place (feature class P)
    division     an administrative division (class A, not a country) or a named region (RGN, AREA...)
    country      an independent or dependent country or territory (PCL*, TERR)
    continent    CONT
    river        a watercourse (STM*) or a canal
    water body   a sea, gulf, bay, strait, lake or reservoir (other class H features)
    other        relief, spots, everything else

>>> place_kind("P", "PPLA"), place_kind("A", "ADM1"), place_kind("A", "PCLI"), place_kind("H", "STM")
('settlement', 'division', 'country', 'river')
>>> place_kind("H", "SEA"), place_kind("L", "RGN"), place_kind("L", "CONT"), place_kind("T", "PEN")
('water body', 'division', 'continent', 'other')
>>> place_kind(feature_class_of("STMX"), "STMX")      # from a feature code alone (a mention carries no class)
'river'
"""
from __future__ import annotations

KINDS = ("settlement", "division", "country", "continent", "river", "water body", "other")

#: Named regions GeoNames files under class L: areas, not points, like divisions.
REGION_CODES = frozenset({"RGN", "RGNE", "RGNH", "AREA", "ZN"})
#: Watercourses: a river's geometry is a line (or, lacking one, its points).
STREAM_CODES = frozenset({"STM", "STMA", "STMB", "STMC", "STMD", "STMH", "STMI", "STMIX", "STMM", "STMQ", "STMS", "STMSB",
                          "STMX", "CNL"})


def place_kind(feature_class: str, feature_code: str) -> str:
    """The kind of a GeoNames feature (see the module's doc)."""
    code = feature_code or ""
    if code == "CONT":
        return "continent"
    if code.startswith("PCL") or code == "TERR":
        return "country"
    if feature_class == "P":
        return "settlement"
    if feature_class == "A" or (feature_class == "L" and code in REGION_CODES):
        return "division"
    if code in STREAM_CODES or (feature_class == "H" and code.startswith("STM")):
        return "river"
    if feature_class == "H":
        return "water body"
    return "other"


def feature_class_of(feature_code: str) -> str:
    """The feature class a code belongs to, as far as this vocabulary needs it ("" when it cannot tell)."""
    code = feature_code or ""
    if code.startswith("PPL"):
        return "P"
    if code.startswith(("ADM", "PCL")) or code == "TERR":
        return "A"
    if code.startswith("STM") or code in STREAM_CODES or code in ("SEA", "OCN", "GULF", "BAY", "STRT", "LK", "LKS", "RSV"):
        return "H"
    if code in REGION_CODES or code == "CONT":
        return "L"
    return ""
