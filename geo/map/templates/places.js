{# The places layer: clustered markers sized by the articles naming it (those the filter shows), regions
   and rivers as their shapes. The popups (HTML escaped by popup.html) are inert text, one block the
   browser neither runs nor parses into elements (a script of another type; thousands of popups as
   elements, or as JSON strings, would slow the page down); a popup is made from its text when it
   opens, and trimmed to the articles shown. #}
{% macro html(this, kwargs) %}
<script type="text/x-geo-popups" id="geo-popups-{{ this.get_name() }}">{{ this.popup_text }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup();
(function (geo, root, places, clustered, conflicts, store) {
    "use strict";
    var popups = document.getElementById(store).textContent.split({{ this.separator|tojson }});
    // Cluster bubbles in neutral greys (map.css), sized by the places inside.
    function clusterIcon(cluster) {
        var n = cluster.getChildCount();
        var size = n < 10 ? 30 : n < 100 ? 36 : 44;
        var el = document.createElement("span");
        el.textContent = String(n);
        return L.divIcon({html: el, className: "geo-cluster geo-cluster-" + (n < 10 ? "small" : n < 100 ? "medium" : "large"),
                          iconSize: [size, size]});
    }
    var markers = clustered
        ? L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true, chunkedLoading: true,
                                animate: geo.map.options.zoomAnimation, iconCreateFunction: clusterIcon})
        : L.featureGroup();
    var shapes = L.featureGroup();
    root.addLayer(shapes);
    root.addLayer(markers);
    geo.markers = markers;

    function size(n) {
        // places_layer.marker_size, for the count of articles shown.
        return Math.min(44, Math.round(16 + 6 * Math.log2(Math.max(n, 1))));
    }
    function disputed(p) {
        // A conflict between articles about the place, both articles shown.
        return p.conflicts.some(function (k) {
            return conflicts[k].every(function (i) { return geo.isSelected(i); });
        });
    }
    function tooltip(p) {
        var el = document.createElement("span");
        el.textContent = p.label + (disputed(p) ? " · articles disagree" : "");
        return el;
    }
    function icon(p, n) {
        var el = document.createElement("span");
        el.className = "geo-marker kind-" + p.kind + (disputed(p) ? " geo-conflict" : "");
        el.dataset.geonameid = String(p.id);
        el.textContent = n > 1 ? String(n) : "";
        return L.divIcon({html: el, className: "geo-place", iconSize: [size(n), size(n)]});
    }
    function popup(k) {
        return function () {
            var box = document.createElement("div");
            box.innerHTML = popups[k];    // escaped by popup.html: text only, no script
            var el = box.firstElementChild;
            geo.trimPopup(el);
            return el;
        };
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
    places.forEach(function (p, k) {
        var layer;
        var container;
        var restyle = null;
        if (p.shape) {
            layer = L.geoJSON(p.shape, {pane: "geoShapes", className: "geo-shape kind-" + p.kind, weight: p.kind === "river" ? 4 : 2});
            markShape(layer, p);
            container = shapes;
        } else {
            layer = L.marker([p.lat, p.lon], {icon: icon(p, p.n), title: p.label, riseOnHover: true});
            container = markers;
            restyle = function (n) { layer.setIcon(icon(p, n)); };
        }
        layer.bindTooltip(tooltip(p), {sticky: Boolean(p.shape), direction: "top"});
        layer.bindPopup(popup(k), geo.popupOptions());
        geo.addPlace(p, layer, container, root, restyle);
    });

    // A popup shows only the articles selected, and counts them.
    geo.trimPopup = function (el) {
        var articles = 0;
        var mentions = 0;
        el.querySelectorAll(".geo-popup-article").forEach(function (li) {
            var on = geo.isSelected(Number(li.dataset.a));
            li.hidden = !on;
            if (on) {
                articles++;
                mentions += Number(li.dataset.mentions);
            }
        });
        var more = el.querySelector(".geo-more-articles");
        if (more) {
            var rest = more.dataset.a.split(" ").filter(function (i) { return geo.isSelected(Number(i)); }).length;
            more.hidden = !rest;
            more.querySelector(".geo-more-count").textContent = String(rest);
            articles += rest;
        }
        el.querySelectorAll(".geo-popup-conflict").forEach(function (box) {
            box.hidden = !box.dataset.a.split(" ").every(function (i) { return geo.isSelected(Number(i)); });
        });
        var count = el.querySelector(".geo-popup-count");
        if (count) {
            var total = Number(count.dataset.articles);
            if (articles === total) {
                mentions = Number(count.dataset.mentions);
            }
            count.textContent = (articles === total ? "" : articles + " of ") + total + " article" + (total === 1 ? "" : "s") +
                (more && articles !== total ? " shown" : ", " + mentions + " mention" + (mentions === 1 ? "" : "s"));
        }
    };
    // When the selection changes, an open place popup follows it.
    geo.onSelect(function () {
        var open = geo.map._popup;
        var el = open && open.isOpen() && open.getElement() && open.getElement().querySelector(".geo-popup[data-geonameid]");
        if (el) {
            geo.trimPopup(el);
            open.update();
        }
    });
    geo.placeIcon = icon;
})(window.geoMap, {{ this.get_name() }}, {{ this.data|tojson }}, {{ this.cluster|tojson }}, {{ this.conflicts|tojson }},
  {{ ("geo-popups-" + this.get_name())|tojson }});
{% endmacro %}
