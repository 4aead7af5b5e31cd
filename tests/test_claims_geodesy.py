"""Units, geodesy and tolerances of the claim checker, against values worked out by hand.

Hand values: WGS84's equatorial radius a = 6,378,137 m makes one degree of longitude along the
equator a * pi / 180 = 111,319.49 m; one degree of latitude at the equator is the meridian arc
a * (1 - e^2) * pi / 180 = 110,574.4 m (radius of curvature in the meridian there, times the angle).
Spherical formulas (mean radius 6,371.0088 km) are within 0.5% of the ellipsoid for the rest.
"""
from __future__ import annotations

import math

import pytest
from shapely import LineString, Point, box

from geo.claims.geodesy import (angle_difference, bearing, compass, direction_bearing, distance, distance_between,
                                nearest, nearest_on_boundary, outline)
from geo.claims.policy import Policy
from geo.claims.units import Area, Length, parse_number, parse_unit, rounding_step
from geo.errors import InputError

A = 6_378_137.0
E2 = 0.00669437999014           # WGS84 first eccentricity squared
R_MEAN_KM = 6371.0088


def haversine_km(lon1, lat1, lon2, lat2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * R_MEAN_KM * math.asin(math.sqrt(h))


# -- units -------------------------------------------------------------------------------------


def test_lengths_convert_both_ways():
    assert Length(miles=1).km == pytest.approx(1.609344)
    assert Length.of(37, "mi").km == pytest.approx(59.545728)
    assert Length(km=100).miles == pytest.approx(62.137119, rel=1e-6)
    assert Length(m=1500).km == 1.5
    assert Length(nautical=1).km == pytest.approx(1.852)
    assert Length.of(37, "mi").in_unit("km") == pytest.approx(59.545728)
    assert str(Length(km=52.2)) == "52 km (32 mi)"


def test_areas_are_not_lengths():
    # 1 sq mi = 1.609344^2 km² = 2.589988 km²: 3,000 km² is 1,158.3 sq mi, not the 1,864 of 3,000 km.
    assert Area(km2=3000).mi2 == pytest.approx(3000 / 1.609344 ** 2)
    assert round(Area(km2=3000).mi2) == 1158
    assert round(Length(km=3000).miles) == 1864
    assert Area(mi2=1).km2 == pytest.approx(2.589988110336)
    assert Area(hectares=100).km2 == pytest.approx(1.0)


@pytest.mark.parametrize("word, expected", [
    ("miles", ("length", "mi")), ("Kilometres", ("length", "km")), ("km", ("length", "km")),
    ("square kilometers", ("area", "km2")), ("sq km", ("area", "km2")), ("sqkm", ("area", "km2")),
    ("km²", ("area", "km2")), ("sq miles", ("area", "mi2")), ("square  miles", ("area", "mi2")), ("furlongs", None),
])
def test_unit_words(word, expected):
    assert parse_unit(word) == expected


def test_numbers_and_their_rounding():
    assert parse_number("27,000") == 27000
    assert parse_number("1.4 million") == 1_400_000
    assert rounding_step("770") == 10
    assert rounding_step("1,864") == 1
    assert rounding_step("0") == 1


# -- distance and bearing ----------------------------------------------------------------------------


def test_a_degree_of_longitude_along_the_equator():
    assert distance(Point(0, 0), Point(1, 0)).m == pytest.approx(A * math.pi / 180, abs=0.01)
    assert bearing(Point(0, 0), Point(1, 0)) == pytest.approx(90.0)


def test_a_degree_of_latitude_at_the_equator():
    meridian_radius = A * (1 - E2)               # radius of curvature in the meridian at latitude 0
    assert distance(Point(0, 0), Point(0, 1)).m == pytest.approx(meridian_radius * math.pi / 180, rel=1e-4)
    assert bearing(Point(0, 0), Point(0, 1)) == pytest.approx(0.0)


def test_across_the_antimeridian_the_short_way():
    west, east = Point(179.5, 0), Point(-179.5, 0)
    assert distance(west, east).m == pytest.approx(A * math.pi / 180, abs=0.01)      # one degree, not 359
    assert bearing(west, east) == pytest.approx(90.0)
    assert bearing(east, west) == pytest.approx(270.0)


def test_distance_agrees_with_the_spherical_formula():
    kharkiv, zaliznychne = Point(36.25475, 49.98177), Point(36.86525, 49.72856)
    assert distance(kharkiv, zaliznychne).km == pytest.approx(haversine_km(36.25475, 49.98177, 36.86525, 49.72856), rel=0.005)


@pytest.mark.parametrize("spelling", ["north-east", "northeast", "north east", "North-East", "NORTHEAST", "NE", "north–east"])
def test_north_east_however_written(spelling):
    assert direction_bearing(spelling) == 45.0


@pytest.mark.parametrize("spelling, degrees", [("east", 90.0), ("S", 180.0), ("south-west", 225.0), ("southwest", 225.0),
                                               ("WNW", 292.5), ("east-north-east", 67.5), ("east-northeast", 67.5)])
def test_compass_words(spelling, degrees):
    assert direction_bearing(spelling) == degrees


@pytest.mark.parametrize("not_a_direction", ["ne", "northsouth", "up", "eastern", "NEE", ""])
def test_not_directions(not_a_direction):
    assert direction_bearing(not_a_direction) is None


def test_compass_points_and_angles():
    assert [compass(b) for b in (0, 11.2, 11.3, 122, 348.7, 348.8, 360)] == ["N", "N", "NNE", "ESE", "NNW", "N", "N"]
    assert [compass(b, points=8) for b in (22.4, 22.6, 122, 337.6)] == ["N", "NE", "SE", "N"]
    assert angle_difference(350, 10) == 20.0
    assert angle_difference(10, 350) == 20.0
    assert angle_difference(122, 90) == 32.0


# -- distance to lines and polygons --------------------------------------------------------------------


def test_distance_to_a_meridian_line():
    # On a sphere, the distance from (30E, 50N) to the meridian 31E is R * asin(sin 1° * cos 50°).
    expected = R_MEAN_KM * math.asin(math.sin(math.radians(1)) * math.cos(math.radians(50)))
    found = nearest(Point(30, 50), LineString([(31, 45), (31, 55)]))
    assert found.distance.km == pytest.approx(expected, rel=0.005)
    assert found.point.x == pytest.approx(31.0)
    # Degrees would have said 1.0 "away" whatever the latitude: at 50N the metres are 0.64 of the equator's.
    assert found.distance.km < 0.65 * distance(Point(0, 0), Point(1, 0)).km


def test_inside_a_polygon_is_at_distance_zero_but_not_from_its_edge():
    square = box(30, 49, 32, 51)
    assert nearest(Point(31, 50), square).distance.km == 0.0
    edge = nearest_on_boundary(Point(31, 50), square)
    # The nearest edge is a side 1 degree of longitude away at 50N (the top and bottom are 111 km away).
    assert edge.distance.km == pytest.approx(haversine_km(31, 50, 32, 50), rel=0.01)


def test_the_antimeridian_cut_is_not_an_edge():
    # A square split at 180 in the data has three real sides here; the fourth is the cut.
    half = box(170, 60, 180, 70)
    assert outline(half).length == pytest.approx(30.0)
    near_cut = Point(179.9, 65)
    # The nearest real side is the meridian 170E, 9.9 degrees of longitude away: R * asin(sin 9.9° * cos 65°).
    expected = R_MEAN_KM * math.asin(math.sin(math.radians(9.9)) * math.cos(math.radians(65)))
    assert nearest_on_boundary(near_cut, half).distance.km == pytest.approx(expected, rel=0.005)
    assert nearest(near_cut, half.boundary).distance.km < 5             # the raw boundary would say 4.7 km


def test_distance_between_geometries_across_the_antimeridian():
    west, east = box(178, -1, 179.5, 1), box(-179.5, -1, -178, 1)
    assert distance_between(west, east).km == pytest.approx(A * math.pi / 180 / 1000, rel=0.001)
    assert distance_between(Point(179.9, 0), east).km == pytest.approx(0.6 * A * math.pi / 180 / 1000, rel=0.001)


# -- tolerances --------------------------------------------------------------------------------------


def test_default_tolerances_and_verdicts():
    p = Policy()
    assert p.distance_tolerance_km(100) == 25.0         # 25%...
    assert p.distance_tolerance_km(20) == 10.0          # ...or 10 km
    assert p.judge(25, 25) == "consistent"
    assert p.judge(30, 25) == "inconsistent" and p.is_borderline(30, 25)      # measured: inconsistent, marked borderline
    assert p.judge(40, 25) == "inconsistent" and not p.is_borderline(40, 25)
    assert p.town_radius_km(0) == 0.0


def test_tolerances_from_toml(tmp_path):
    flat = tmp_path / "flat.toml"
    flat.write_text("near_km = 30\nbearing_degrees = 30\n")
    table = tmp_path / "table.toml"
    table.write_text("[claims]\npopulation_fraction = 0.1\n")
    assert Policy.from_toml(flat).near_km == 30.0
    assert Policy.from_toml(flat).bearing_degrees == 30.0
    assert Policy.from_toml(flat).border_km == Policy().border_km
    assert Policy.from_toml(table).population_fraction == 0.1


@pytest.mark.parametrize("content, message", [
    ("nearr_km = 3", "unknown claim tolerance 'nearr_km'"),
    ("near_km = -3", "non-negative number"),
    ("near_km = 'far'", "non-negative number"),
    ("near_km = [", "not a valid TOML file"),
])
def test_bad_tolerance_files(tmp_path, content, message):
    path = tmp_path / "p.toml"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        Policy.from_toml(path)


def test_missing_tolerance_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        Policy.from_toml(tmp_path / "none.toml")
