{# The time slider of a corpus map: all dates, or one week or month at a time. Each place carries
   t = [period, mentions, articles, ...] for the periods it is named in; the markers shown, their
   numbers and sizes, and the heat layer follow the period chosen. #}
{% macro script(this, kwargs) %}
(function (geo, periods, totals, unit, undated) {
    "use strict";
    var current = 0;      // 0: all dates; k: periods[k - 1]
    var input;
    var label;
    var bars = [];

    function counts(p, k) {
        if (!k) {
            return [p.m, p.n];
        }
        for (var i = 0; i < p.t.length; i += 3) {
            if (p.t[i] === k - 1) {
                return [p.t[i + 1], p.t[i + 2]];
            }
        }
        return [0, 0];
    }
    function apply(k) {
        current = k;
        var add = [];
        var remove = [];
        var shown = 0;
        var container = null;
        Object.keys(geo.places).forEach(function (id) {
            var e = geo.places[id];
            var n = counts(e.data, k)[1];
            var has = e.container.hasLayer(e.layer);
            container = e.container;
            if (n > 0) {
                shown++;
                if (e.shownCount !== n && (e.shownCount !== undefined || n !== e.data.n)) {
                    e.layer.setIcon(geo.placeIcon(e.data, n));
                }
                e.shownCount = n;
                if (!has) {
                    add.push(e.layer);
                }
            } else if (has) {
                remove.push(e.layer);
            }
        });
        // Batched: a cluster group adds and removes many markers far faster at once.
        if (container) {
            if (container.removeLayers) { container.removeLayers(remove); } else { remove.forEach(function (l) { container.removeLayer(l); }); }
            if (container.addLayers) { container.addLayers(add); } else { add.forEach(function (l) { container.addLayer(l); }); }
        }
        if (geo.heat) {
            geo.heat.update(function (p) { return counts(p, k)[0]; });
        }
        label.textContent = (k ? periods[k - 1] : "All dates") + " · " + shown + " place" + (shown === 1 ? "" : "s");
        bars.forEach(function (bar, i) { bar.classList.toggle("geo-timeline-on", i === k - 1); });
        document.documentElement.setAttribute("data-geo-period", String(k));
    }

    var Timeline = L.Control.extend({
        options: {position: "bottomleft"},
        onAdd: function () {
            var box = L.DomUtil.create("div", "leaflet-control geo-control geo-panel geo-timeline");
            var title = L.DomUtil.create("p", "geo-timeline-title", box);
            title.textContent = "Mentions by " + unit;
            var chart = L.DomUtil.create("div", "geo-timeline-chart", box);
            chart.setAttribute("aria-hidden", "true");
            var most = Math.max.apply(null, totals.concat([1]));
            totals.forEach(function (total, i) {
                var bar = L.DomUtil.create("span", "geo-timeline-bar", chart);
                bar.style.height = Math.round(100 * total / most) + "%";
                bar.title = periods[i] + ": " + total + " mention" + (total === 1 ? "" : "s");
                bars.push(bar);
            });
            input = L.DomUtil.create("input", "geo-timeline-input", box);
            input.type = "range";
            input.min = "0";
            input.max = String(periods.length);
            input.step = "1";
            input.value = "0";
            input.setAttribute("aria-label", "Show the places named in one " + unit + " (leftmost: all dates)");
            label = L.DomUtil.create("output", "geo-timeline-label", box);
            if (undated) {
                var note = L.DomUtil.create("p", "geo-timeline-note", box);
                note.textContent = undated + " undated article" + (undated === 1 ? "" : "s") + ": under all dates only";
            }
            input.addEventListener("input", function () { apply(Number(input.value)); });
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        }
    });
    new Timeline().addTo(geo.map);
    apply(0);

    // Asked for a place the period chosen does not name (search, #place=ID): back to all dates first.
    var showPlace = geo.showPlace;
    geo.showPlace = function (id) {
        var e = geo.places[id];
        if (e && current && !counts(e.data, current)[1]) {
            input.value = "0";
            apply(0);
        }
        return showPlace(id);
    };
})(window.geoMap, {{ this.labels|tojson }}, {{ this.totals|tojson }}, {{ this.unit|tojson }}, {{ this.undated|tojson }});
{% endmacro %}
