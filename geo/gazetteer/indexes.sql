-- Created after the bulk insert: faster than maintaining them row by row.
CREATE INDEX names_geonameid ON names(geonameid);
CREATE INDEX places_admin ON places(country_code, admin1_code, admin2_code);
CREATE INDEX places_feature ON places(feature_code);
CREATE INDEX countries_geonameid ON countries(geonameid);
CREATE INDEX admin_divisions_geonameid ON admin_divisions(geonameid);
CREATE INDEX geometries_geonameid ON geometries(geonameid);
CREATE INDEX geometries_layer ON geometries(layer, code);
