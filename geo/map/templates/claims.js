{# The claims layer: a line (anchor to subject), or the outline of a region (never filled: a filled area
   reads as territory held) and a point, per claim, coloured by verdict; inconsistent claims on top. #}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup();
(function (geo, group, claims) {
    "use strict";
    function label(text) {
        var el = document.createElement("span");
        el.textContent = text;
        return el;
    }
    geo.claimRows = claims;
    var labelled = [];    // [line, label, style]: the labels are made once zoomed in enough to show them
    // The data comes inconsistent first; drawn in reverse, the inconsistent claims are drawn last, on top.
    claims.slice().reverse().forEach(function (c) {
        if (!c.drawn) {
            return;
        }
        var style = " verdict-" + c.verdict;
        var parts = [];
        if (c.region) {
            parts.push(L.geoJSON(c.region, {pane: "geoClaims", className: "geo-claim-region" + style, fill: false, weight: 2.5}));
        }
        if (c.line) {
            var line = L.polyline(c.line, {pane: "geoClaims", className: "geo-claim-line" + style, weight: 3});
            if (c.label) {
                labelled.push([line, c.label, style]);
            }
            parts.push(line);
            parts.push(L.circleMarker(c.line[0], {pane: "geoClaims", radius: 3, className: "geo-claim-anchor" + style}));
        }
        if (c.point) {
            parts.push(L.circleMarker(c.point, {pane: "geoClaims", radius: 6, className: "geo-claim-point" + style}));
        }
        var layer = L.featureGroup(parts).bindPopup(c.popup, geo.popupOptions());
        geo.addClaim(c, layer, group);
    });
    // Line labels crowd each other when zoomed out: none below zoom 7 (map.css hides them), and none on a
    // small screen (the claim's popup says it). Each permanent label costs a layout: made when first needed.
    function labelsByZoom() {
        var out = geo.map.getZoom() < 7;
        geo.map.getContainer().classList.toggle("geo-zoomed-out", out);
        if (!out && !geo.small && labelled.length) {
            labelled.forEach(function (l) {
                l[0].bindTooltip(label(l[1]), {permanent: true, direction: "center", className: "geo-claim-label" + l[2]});
            });
            labelled = [];
        }
    }
    geo.map.on("zoomend", labelsByZoom);
    geo.map.whenReady(labelsByZoom);
})(window.geoMap, {{ this.get_name() }}, {{ this.data|tojson }});
{% endmacro %}
