{# Labels: the names of the most-named places shown (a cluster by the name of its most-named place),
   then the basemap's larger towns, placed beside their markers where they collide with no other label
   or marker; more as one zooms in. Redrawn after every move and every change of the selection. #}
{% macro script(this, kwargs) %}
(function (geo, towns, options) {
    "use strict";
    var map = geo.map;
    var pane = map.getPane("geoLabels");
    var layer = L.DomUtil.create("div", "geo-labels", pane);
    var pending = null;

    function overlaps(a, list) {
        for (var k = 0; k < list.length; k++) {
            var b = list[k];
            if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
                return true;
            }
        }
        return false;
    }
    function width(text, className) {
        return Math.round(text.length * (className === "geo-label-town" ? 5.8 : 6.6)) + 8;
    }
    function draw() {
        pending = null;
        layer.replaceChildren();
        var size = map.getSize();
        var view = {x: 0, y: 0, w: size.x, h: size.y};
        var zoom = map.getZoom();
        var limit = Math.max(options.min, Math.min(options.max, options.min + 4 * (zoom - 5)));
        var blocked = [];     // markers and clusters on the screen
        var items = [];       // candidates, most-named first: {text, at, r, className}
        var seen = new Set();
        var entries = Object.keys(geo.places).map(function (id) { return geo.places[id]; })
            .filter(function (e) { return e.count > 0 && e.container.hasLayer(e.layer); })
            .sort(function (a, b) { return b.count - a.count || b.data.n - a.data.n || a.data.label.localeCompare(b.data.label); });
        entries.forEach(function (e) {
            var shown = e.layer;
            if (e.layer.getLatLng && geo.markers && geo.markers.getVisibleParent) {
                shown = geo.markers.getVisibleParent(e.layer);
                if (!shown) {
                    return;   // off the screen
                }
            }
            var key = L.stamp(shown);
            var cluster = shown !== e.layer;
            if (seen.has(key)) {
                return;
            }
            seen.add(key);
            var at = cluster ? shown.getLatLng() : L.latLng(e.data.lat, e.data.lon);
            var point = map.latLngToContainerPoint(at);
            var r = cluster ? 16 : e.layer.getLatLng ? e.data.size / 2 : 3;
            blocked.push({x: point.x - r, y: point.y - r, w: 2 * r, h: 2 * r});
            var text = e.data.label + (cluster ? " +" + (shown.getChildCount() - 1) : "");
            items.push({text: text, point: point, r: r, className: "geo-label kind-" + e.data.kind + (cluster ? " geo-label-cluster" : ""),
                        id: e.data.id});
        });
        towns.forEach(function (t) {
            items.push({text: t[0], point: map.latLngToContainerPoint([t[1], t[2]]), r: 2, className: "geo-label-town", town: true});
        });
        var placed = [];
        var count = 0;
        items.forEach(function (item) {
            if (!item.town && count >= limit) {
                return;
            }
            var w = width(item.text, item.className);
            var h = item.town ? 14 : 17;
            var tries = [{x: item.point.x + item.r + 2, y: item.point.y - h / 2},
                         {x: item.point.x - item.r - 2 - w, y: item.point.y - h / 2},
                         {x: item.point.x - w / 2, y: item.point.y - item.r - h - 1},
                         {x: item.point.x - w / 2, y: item.point.y + item.r + 1}];
            for (var k = 0; k < tries.length; k++) {
                var box = {x: tries[k].x, y: tries[k].y, w: w, h: h};
                var inside = box.x >= view.x && box.y >= view.y && box.x + w <= view.w && box.y + h <= view.h;
                if (inside && !overlaps(box, placed) && !overlaps(box, blocked)) {
                    placed.push(box);
                    count += item.town ? 0 : 1;
                    var label = L.DomUtil.create("span", item.className, layer);
                    label.textContent = item.text;
                    if (item.id) {
                        label.dataset.geonameid = String(item.id);
                    }
                    label.style.width = w + "px";
                    L.DomUtil.setPosition(label, map.containerPointToLayerPoint([box.x, box.y]));
                    if (item.town) {
                        // A town's dot, where its name is: the label says what the dot is.
                        var dot = L.DomUtil.create("span", "geo-town-dot", layer);
                        L.DomUtil.setPosition(dot, map.containerPointToLayerPoint([item.point.x - 2, item.point.y - 2]));
                    }
                    return;
                }
            }
        });
        layer.dataset.count = String(count);
    }
    function later() {
        if (pending === null) {
            pending = setTimeout(draw, 0);
        }
    }
    map.on("moveend zoomend", later);
    if (geo.markers && geo.markers.on) {
        geo.markers.on("animationend spiderfied unspiderfied", later);
    }
    geo.onSelect(later);
    geo.drawLabels = draw;
})(window.geoMap, {{ this.towns|tojson }}, {{ this.options|tojson }});
{% endmacro %}
