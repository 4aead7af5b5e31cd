{# The heat layer (Leaflet.heat): one point per place, weighted by its mentions (all of them, or those
   of the period the time slider shows). #}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (geo, options) {
    "use strict";
    // Leaflet.heat keeps this very array: it is refilled in place, so a hidden layer shown again
    // draws the current points (calling redraw on a layer off the map would throw).
    var points = [];
    var weights = [];     // each point's intensity in [0, 1], at any zoom
    var layer = L.heatLayer(points, options);

    function scale() {
        // Leaflet.heat halves intensities for each zoom level below the map's maximum (12 at most),
        // which leaves a map zoomed out to a continent blank: multiplied back, a place's heat is the
        // same at every zoom. (Its maxZoom option would do it, but the layer control then disables
        // the layer at every zoom above that.) Runs on zoomend, before the moveend that redraws.
        var k = Math.pow(2, Math.max(0, Math.min(geo.map.getMaxZoom() - geo.map.getZoom(), 12)));
        points.forEach(function (point, i) {
            point[2] = weights[i] * k;
        });
    }
    function update(mentionsOf) {
        points.length = 0;
        var counts = [];
        Object.keys(geo.places).forEach(function (id) {
            var p = geo.places[id].data;
            var m = mentionsOf(p);
            if (m > 0) {
                points.push([p.lat, p.lon, 0]);
                counts.push(m);
            }
        });
        // Intensity: the logarithm of the mentions, full at the 95th percentile of the places shown,
        // so that a few capitals named thousands of times do not leave every other place invisible.
        var sorted = counts.slice().sort(function (a, b) { return a - b; });
        var top = Math.log1p(Math.max(sorted.length ? sorted[Math.floor(0.95 * (sorted.length - 1))] : 1, 1));
        weights = counts.map(function (m) { return Math.min(1, Math.log1p(m) / top); });
        scale();
        if (geo.map.hasLayer(layer)) {
            layer.redraw();
        }
        document.documentElement.setAttribute("data-geo-heat-points", String(points.length));
    }
    geo.map.on("zoomend", scale);
    geo.heat = {layer: layer, update: update};
    update(function (p) { return p.m; });
    return layer;
})(window.geoMap, {{ this.options|tojson }});
{% endmacro %}
