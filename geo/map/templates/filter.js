{# The articles filter: titles grouped by source (or sources only), all/none, a date range when the
   articles have dates, and downloads of what is shown. Every string is set as text. #}
{% macro script(this, kwargs) %}
(function (geo, articles, by, stem) {
    "use strict";
    var checked = articles.map(function () { return true; });
    var dates = Array.from(new Set(articles.map(function (a) { return a.d; }).filter(Boolean))).sort();
    var range = [0, Math.max(0, dates.length - 1)];
    var sources = new Map();
    articles.forEach(function (a) {
        var key = a.s || "";
        if (!sources.has(key)) {
            sources.set(key, []);
        }
        sources.get(key).push(a);
    });
    var sourceKeys = Array.from(sources.keys()).sort(function (x, y) {
        return (x === "") - (y === "") || x.localeCompare(y);
    });
    var inputs = [];       // {article, input} of the rows built so far
    var groups = [];       // {key, input, count}
    var summaryCount;
    var fromInput, toInput, rangeLabel, all;

    function inRange(a) {
        if (dates.length < 2 || (range[0] === 0 && range[1] === dates.length - 1)) {
            return true;   // the whole range: undated articles too
        }
        return Boolean(a.d) && a.d >= dates[range[0]] && a.d <= dates[range[1]];
    }
    function apply() {
        var shown = articles.filter(function (a) { return checked[a.i] && inRange(a); });
        geo.select(shown.length === articles.length ? null : shown.map(function (a) { return a.i; }));
        inputs.forEach(function (r) { r.input.checked = checked[r.article.i]; });
        groups.forEach(function (g) {
            var members = sources.get(g.key);
            var on = members.filter(function (a) { return checked[a.i]; }).length;
            g.input.checked = on === members.length;
            g.input.indeterminate = on > 0 && on < members.length;
            g.count.textContent = on === members.length ? String(members.length) : on + "/" + members.length;
        });
        summaryCount.textContent = shown.length === articles.length ? String(articles.length) : shown.length + " of " + articles.length;
        if (rangeLabel) {
            rangeLabel.textContent = dates[range[0]] + " – " + dates[range[1]];
        }
        document.documentElement.setAttribute("data-geo-shown", String(shown.length));
    }
    function el(tag, className, parent, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        if (parent) {
            parent.appendChild(node);
        }
        return node;
    }
    function articleRow(a, list) {
        var label = el("label", "geo-filter-article", el("li", "", list));
        var input = el("input", "", label);
        input.type = "checkbox";
        input.checked = checked[a.i];
        input.dataset.a = String(a.i);
        el("span", "geo-filter-title", label, a.t);
        if (a.d) {
            el("time", "geo-date", label, a.d);
        }
        input.addEventListener("change", function () {
            checked[a.i] = input.checked;
            apply();
        });
        inputs.push({article: a, input: input});
    }
    function sourceGroup(key, parent) {
        var members = sources.get(key);
        var box = el(by === "article" ? "details" : "div", "geo-filter-source", parent);
        var head = el(by === "article" ? "summary" : "div", "geo-filter-source-head", box);
        var label = el("label", "", head);
        var input = el("input", "", label);
        input.type = "checkbox";
        input.dataset.source = key;
        el("span", "geo-filter-source-name", label, key || "unknown source");
        var count = el("span", "geo-filter-n", head);
        input.addEventListener("change", function () {
            members.forEach(function (a) { checked[a.i] = input.checked; });
            apply();
        });
        groups.push({key: key, input: input, count: count});
        if (by === "article") {
            var list = el("ul", "geo-filter-articles", box);
            var built = false;
            var build = function () {
                if (!built) {
                    built = true;
                    members.forEach(function (a) { articleRow(a, list); });
                }
            };
            // One source, or few articles: listed at once; else built when the group is opened.
            if (sourceKeys.length === 1 || articles.length <= 40) {
                box.open = true;
                build();
            }
            box.addEventListener("toggle", build);
        }
    }
    function rangeInput(parent, value, text) {
        var label = el("label", "geo-filter-range-end", parent);
        el("span", "", label, text);
        var input = el("input", "", label);
        input.type = "range";
        input.min = "0";
        input.max = String(dates.length - 1);
        input.step = "1";
        input.value = String(value);
        return input;
    }

    // -- downloads: what is shown --------------------------------------------------------------
    function save(name, type, text) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([text], {type: type}));
        link.download = name;
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }
    function shownPlaces() {
        return Object.keys(geo.places).map(function (id) { return geo.places[id]; }).filter(function (e) { return e.count > 0; });
    }
    function articleProps(a) {
        return {article: a.id, title: a.t, source: a.s || null, date: a.d || null, url: a.u || null};
    }
    function placesGeoJSON() {
        return {type: "FeatureCollection", features: shownPlaces().map(function (e) {
            var p = e.data;
            return {type: "Feature", geometry: {type: "Point", coordinates: [p.lon, p.lat]},
                    properties: {geonameid: p.id, name: p.label, geonames_name: p.name, kind: p.kind, feature_code: p.code,
                                 where: p.where, articles: e.count,
                                 article_ids: p.a.filter(geo.isSelected).map(function (i) { return articles[i].id; })}};
        })};
    }
    function mentionsGeoJSON() {
        var features = [];
        shownPlaces().forEach(function (e) {
            var p = e.data;
            p.ms.forEach(function (m) {
                if (geo.isSelected(m[0])) {
                    var props = {geonameid: p.id, place: p.label, geonames_name: p.name, kind: p.kind, text: p.texts[m[3]], start: m[1], end: m[2]};
                    Object.assign(props, articleProps(articles[m[0]]));
                    features.push({type: "Feature", geometry: {type: "Point", coordinates: [p.lon, p.lat]}, properties: props});
                }
            });
        });
        return {type: "FeatureCollection", features: features};
    }
    function csvCell(value) {
        var text = value === null || value === undefined ? "" : String(value);
        if (/^[=+\-@\t\r]/.test(text)) {
            text = "'" + text;   // no formula for a spreadsheet to run
        }
        return '"' + text.replace(/"/g, '""') + '"';
    }
    function claimsCSV() {
        var columns = ["article", "title", "source", "date", "url", "verdict", "type", "quote", "subject", "subject_ids",
                       "anchor", "anchor_ids", "stated", "measured", "explanation", "start", "end"];
        var lines = [columns.join(",")];
        (geo.claimRows || []).forEach(function (c) {
            if (geo.isSelected(c.a)) {
                var row = Object.assign(articleProps(articles[c.a]), c.row);
                lines.push(columns.map(function (k) { return csvCell(row[k]); }).join(","));
            }
        });
        return lines.join("\r\n") + "\r\n";
    }

    var Filter = L.Control.extend({
        options: {position: "topright"},
        onAdd: function () {
            var box = L.DomUtil.create("div", "leaflet-control geo-control geo-panel-control");
            var panel = el("details", "geo-panel geo-filter geo-collapsible", box);
            panel.id = "geo-filter";
            var summary = el("summary", "", panel);
            el("span", "", summary, "Articles ");
            summaryCount = el("span", "geo-filter-count", summary);
            var body = el("div", "geo-panel-body", panel);
            var bar = el("p", "geo-filter-bar", body);
            all = el("button", "geo-filter-all", bar, "All");
            var none = el("button", "geo-filter-none", bar, "None");
            all.type = none.type = "button";
            all.addEventListener("click", function () {
                checked = checked.map(function () { return true; });
                range = [0, Math.max(0, dates.length - 1)];
                if (fromInput) {
                    fromInput.value = "0";
                    toInput.value = String(dates.length - 1);
                }
                apply();
            });
            none.addEventListener("click", function () {
                checked = checked.map(function () { return false; });
                apply();
            });
            if (dates.length >= 2) {
                var dated = el("fieldset", "geo-filter-dates", body);
                el("legend", "", dated, "Dates");
                fromInput = rangeInput(dated, 0, "from");
                toInput = rangeInput(dated, dates.length - 1, "to");
                rangeLabel = el("output", "geo-filter-range", dated);
                var moved = function (event) {
                    var a = Number(fromInput.value);
                    var b = Number(toInput.value);
                    if (a > b) {
                        if (event.target === fromInput) { toInput.value = String(a); b = a; } else { fromInput.value = String(b); a = b; }
                    }
                    range = [a, b];
                    apply();
                };
                fromInput.addEventListener("input", moved);
                toInput.addEventListener("input", moved);
                var undated = articles.filter(function (a) { return !a.d; }).length;
                if (undated) {
                    el("p", "geo-filter-note", dated, undated + " undated article" + (undated === 1 ? "" : "s") + ": shown with the whole range only");
                }
            }
            var list = el("div", "geo-filter-sources", body);
            sourceKeys.forEach(function (key) { sourceGroup(key, list); });
            var downloads = el("p", "geo-downloads", body);
            el("span", "", downloads, "Download what is shown: ");
            [["places", "places (GeoJSON)", function () { save(stem + "-places.geojson", "application/geo+json", JSON.stringify(placesGeoJSON())); }],
             ["mentions", "mentions (GeoJSON)", function () { save(stem + "-mentions.geojson", "application/geo+json", JSON.stringify(mentionsGeoJSON())); }],
             ["claims", "claims (CSV)", function () { save(stem + "-claims.csv", "text/csv", claimsCSV()); }]].forEach(function (d) {
                var button = el("button", "geo-download", downloads, d[1]);
                button.type = "button";
                button.dataset.download = d[0];
                button.addEventListener("click", d[2]);
            });
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        }
    });
    new Filter().addTo(geo.map);
    geo.downloads = {places: placesGeoJSON, mentions: mentionsGeoJSON, claims: claimsCSV};
    // A place asked for that the filter hides: core.js shows every article again; the boxes follow.
    geo.onSelect(function (selected) {
        if (selected === null && articles.some(function (a) { return !(checked[a.i] && inRange(a)); })) {
            all.click();
        }
    });
    apply();
})(window.geoMap, {{ this.articles|tojson }}, {{ this.by|tojson }}, {{ this.file_stem|tojson }});
{% endmacro %}
