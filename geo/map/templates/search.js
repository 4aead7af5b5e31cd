{# A search box for places: matches the place's name and every spelling the articles use. #}
{% macro script(this, kwargs) %}
(function (geo, limit) {
    "use strict";
    function fold(text) {
        // Case- and accent-insensitive, as the gazetteer's own name matching is.
        return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['’ʼ`]/g, "").replace(/[-\s]+/g, " ").trim();
    }
    var index = Object.keys(geo.places).map(function (id) {
        var p = geo.places[id].data;
        return {place: p, terms: p.terms.map(fold)};
    });
    var Search = L.Control.extend({
        options: {position: "topright"},
        onAdd: function () {
            var box = L.DomUtil.create("div", "leaflet-control geo-control geo-search");
            var input = L.DomUtil.create("input", "geo-search-input", box);
            input.type = "search";
            input.placeholder = "Find a place";
            input.setAttribute("aria-label", "Find a place on the map");
            var list = L.DomUtil.create("ol", "geo-search-results", box);
            list.setAttribute("role", "listbox");
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);

            function choose(id) {
                list.replaceChildren();
                // After the click has run its course: nothing of it may reach the popup opened.
                setTimeout(function () { geo.showPlace(id); }, 0);
            }
            function update() {
                var q = fold(input.value);
                list.replaceChildren();
                if (!q) {
                    return;
                }
                var found = index.filter(function (e) {
                    return e.terms.some(function (t) { return t.indexOf(q) >= 0; });
                });
                found.sort(function (a, b) {
                    var pa = a.terms.some(function (t) { return t.indexOf(q) === 0; }) ? 0 : 1;
                    var pb = b.terms.some(function (t) { return t.indexOf(q) === 0; }) ? 0 : 1;
                    return pa - pb || b.place.n - a.place.n || (a.place.label || a.place.name).localeCompare(b.place.label || b.place.name);
                });
                found.slice(0, limit).forEach(function (e) {
                    var item = L.DomUtil.create("li", "geo-search-result", list);
                    var button = L.DomUtil.create("button", "kind-" + e.place.kind, item);
                    button.type = "button";
                    button.dataset.geonameid = String(e.place.id);
                    var name = L.DomUtil.create("span", "geo-search-name", button);
                    name.textContent = e.place.label || e.place.name;
                    var where = L.DomUtil.create("span", "geo-search-where", button);
                    where.textContent = e.place.kind + (e.place.label && e.place.label !== e.place.name ? " · " + e.place.name : "") +
                        (e.place.where ? " · " + e.place.where : "");
                    button.addEventListener("click", function (event) {
                        // The list is emptied at once: the click must not reach the map, which would
                        // take it for a click on empty map and close the popup just opened.
                        L.DomEvent.stopPropagation(event);
                        choose(e.place.id);
                    });
                });
                if (!found.length) {
                    L.DomUtil.create("li", "geo-search-none", list).textContent = "no place on this map";
                }
            }
            input.addEventListener("input", update);
            input.addEventListener("keydown", function (event) {
                var first = list.querySelector("button");
                if (event.key === "Enter" && first) {
                    choose(Number(first.dataset.geonameid));
                } else if (event.key === "Escape") {
                    input.value = "";
                    update();
                }
            });
            return box;
        }
    });
    new Search().addTo(geo.map);
})(window.geoMap, {{ this.limit|tojson }});
{% endmacro %}
