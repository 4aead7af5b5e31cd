{# The claims layer: a line (anchor to subject) or a region and a point per claim, coloured by verdict. #}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup();
(function (geo, group, claims) {
    "use strict";
    function label(text) {
        var el = document.createElement("span");
        el.textContent = text;
        return el;
    }
    claims.forEach(function (c) {
        var style = " verdict-" + c.verdict;
        var parts = [];
        if (c.region) {
            parts.push(L.geoJSON(c.region, {pane: "geoClaims", className: "geo-claim-region" + style}));
        }
        if (c.line) {
            var line = L.polyline(c.line, {pane: "geoClaims", className: "geo-claim-line" + style, weight: 3});
            if (c.label) {
                line.bindTooltip(label(c.label), {permanent: true, direction: "center", className: "geo-claim-label" + style});
            }
            parts.push(line);
            parts.push(L.circleMarker(c.line[0], {pane: "geoClaims", radius: 3, className: "geo-claim-anchor" + style}));
        }
        if (c.point) {
            parts.push(L.circleMarker(c.point, {pane: "geoClaims", radius: 7, className: "geo-claim-point" + style}));
        }
        var layer = L.featureGroup(parts).bindPopup(c.popup, {maxWidth: 360, className: "geo-popup-container"});
        geo.addClaim(c, layer, group);
    });
    // Line labels crowd each other when zoomed out: map.css hides them below zoom 7.
    function labelsByZoom() {
        geo.map.getContainer().classList.toggle("geo-zoomed-out", geo.map.getZoom() < 7);
    }
    geo.map.on("zoomend", labelsByZoom);
    geo.map.whenReady(labelsByZoom);
})(window.geoMap, {{ this.get_name() }}, {{ this.data|tojson }});
{% endmacro %}
