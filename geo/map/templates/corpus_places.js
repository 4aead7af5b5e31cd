{# A corpus map's places: one clustered marker per place, sized and numbered by the articles naming it
   (all of them, or those of the period the time slider shows: see timeline.js). The popups are inert
   <template>s of HTML escaped by corpus_popup.html (in a script's JSON every "<" would take 6 bytes),
   copied when one opens. #}
{% macro header(this, kwargs) %}
<style>
{{ this.css }}
</style>
{% endmacro %}
{% macro html(this, kwargs) %}
{%- for id, popup in this.popups %}
<template id="geo-popup-{{ id }}">{{ popup }}</template>
{%- endfor %}
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup();
(function (geo, root, places, clustered) {
    "use strict";
    var markers = clustered
        ? L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true, chunkedLoading: true,
                                animate: geo.map.options.zoomAnimation})
        : L.featureGroup();
    root.addLayer(markers);

    // The marker's diameter: places_layer.marker_size, for the count of articles shown.
    function size(n) {
        return Math.min(44, Math.round(16 + 6 * Math.log2(Math.max(n, 1))));
    }
    function icon(p, n) {
        var el = document.createElement("span");
        el.className = "geo-marker kind-" + p.kind;
        el.dataset.geonameid = String(p.id);
        el.textContent = n > 1 ? String(n) : "";
        return L.divIcon({html: el, className: "geo-place", iconSize: [size(n), size(n)]});
    }
    function popup(p) {
        var template = document.getElementById("geo-popup-" + p.id);
        return function () {
            return template.content.firstElementChild.cloneNode(true);
        };
    }
    function tooltip(p) {
        var el = document.createElement("span");
        el.textContent = p.name;
        return el;
    }
    places.forEach(function (p) {
        var layer = L.marker([p.lat, p.lon], {icon: icon(p, p.n), title: p.name, riseOnHover: true});
        layer.bindTooltip(tooltip(p), {direction: "top"});
        layer.bindPopup(popup(p), {maxWidth: 380, maxHeight: 360, autoPanPadding: [30, 30], className: "geo-popup-container"});
        geo.addPlace(p, layer, markers, root);
    });
    geo.placeIcon = icon;
})(window.geoMap, {{ this.get_name() }}, {{ this.data|tojson }}, {{ this.cluster|tojson }});
{% endmacro %}
