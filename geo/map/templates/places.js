{# The places layer: clustered markers sized by article count, regions and rivers as their shapes. #}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup();
(function (geo, root, places, clustered) {
    "use strict";
    var markers = clustered
        ? L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true, chunkedLoading: true,
                                animate: geo.map.options.zoomAnimation})
        : L.featureGroup();
    var shapes = L.featureGroup();
    root.addLayer(shapes);
    root.addLayer(markers);

    function tooltip(p) {
        var el = document.createElement("span");
        el.textContent = p.name;
        return el;
    }
    function icon(p) {
        var el = document.createElement("span");
        el.className = "geo-marker kind-" + p.kind;
        el.dataset.geonameid = String(p.id);
        el.textContent = p.n > 1 ? String(p.n) : "";
        return L.divIcon({html: el, className: "geo-place", iconSize: [p.size, p.size]});
    }
    function markShape(layer, p) {
        // The SVG paths exist only once on the map: tag them then, for the page and its tests.
        layer.on("add", function () {
            layer.eachLayer(function (part) {
                var el = part.getElement && part.getElement();
                if (el) {
                    el.setAttribute("data-geonameid", String(p.id));
                }
            });
        });
    }
    places.forEach(function (p) {
        var layer;
        var container;
        if (p.shape) {
            layer = L.geoJSON(p.shape, {pane: "geoShapes", className: "geo-shape kind-" + p.kind, weight: p.kind === "river" ? 4 : 2});
            markShape(layer, p);
            container = shapes;
        } else {
            layer = L.marker([p.lat, p.lon], {icon: icon(p), title: p.name, riseOnHover: true});
            container = markers;
        }
        layer.bindTooltip(tooltip(p), {sticky: Boolean(p.shape), direction: "top"});
        layer.bindPopup(p.popup, {maxWidth: 380, maxHeight: 360, autoPanPadding: [30, 30], className: "geo-popup-container"});
        geo.addPlace(p, layer, container, root);
    });
})(window.geoMap, {{ this.get_name() }}, {{ this.data|tojson }}, {{ this.cluster|tojson }});
{% endmacro %}
