{# The page's shared state: panes, attribution, the registry of places and claims, and the filter
   that shows only what the ticked articles (or sources) mention. Every other element uses window.geoMap. #}
{% macro header(this, kwargs) %}
<style>
{{ this.css }}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
window.geoMap = (function (map, options) {
    "use strict";
    map.createPane("geoBasemap").style.zIndex = 250;   // above tiles, below every overlay
    map.createPane("geoShapes").style.zIndex = 380;    // regions and rivers, below claims and markers
    map.createPane("geoClaims").style.zIndex = 420;
    options.attribution.forEach(function (text) {
        map.attributionControl.addAttribution(text);
    });
    var Title = L.Control.extend({
        options: {position: "topright"},
        onAdd: function () {
            var el = L.DomUtil.create("h1", "leaflet-control geo-title");
            el.textContent = options.title;
            return el;
        }
    });
    new Title().addTo(map);

    var places = {};     // geonameid -> {data, layer, container, root}
    var claims = [];     // panel index -> {data, layer, container}
    var switches = [];   // {group, layer}: the layer control's article (or source) entries
    // Bumped by every showPlace/showClaim. Their deferred steps (zoomToShowLayer's callback, which can
    // come on some later move, and the fallback timer) act only if no newer request came meanwhile:
    // else an earlier search reopens its own popup over the one just asked for.
    var request = 0;

    function activeGroups() {
        var on = {};
        switches.forEach(function (s) {
            if (map.hasLayer(s.layer)) {
                on[s.group] = true;
            }
        });
        return on;
    }
    function visible(groups, on) {
        return !switches.length || groups.some(function (g) { return on[g]; });
    }
    function setShown(entries, on) {
        // Batched: a cluster group adds and removes many markers far faster at once.
        var add = new Map();
        var remove = new Map();
        entries.forEach(function (e) {
            var want = visible(e.data.groups || [e.data.group], on);
            var has = e.container.hasLayer(e.layer);
            if (want !== has) {
                var todo = want ? add : remove;
                if (!todo.has(e.container)) {
                    todo.set(e.container, []);
                }
                todo.get(e.container).push(e.layer);
            }
        });
        remove.forEach(function (layers, container) {
            if (container.removeLayers) { container.removeLayers(layers); } else { layers.forEach(function (l) { container.removeLayer(l); }); }
        });
        add.forEach(function (layers, container) {
            if (container.addLayers) { container.addLayers(layers); } else { layers.forEach(function (l) { container.addLayer(l); }); }
        });
    }
    function refresh() {
        var on = activeGroups();
        setShown(Object.keys(places).map(function (id) { return places[id]; }), on);
        setShown(claims.filter(Boolean), on);
    }
    function ensureShown(entry, groups) {
        if (!entry.container.hasLayer(entry.layer)) {
            switches.forEach(function (s) {
                if (groups.indexOf(s.group) >= 0) {
                    map.addLayer(s.layer);
                }
            });
        }
        if (entry.root && !map.hasLayer(entry.root)) {
            map.addLayer(entry.root);
        }
    }
    function whenStill(then) {
        // A move already under way (the last popup's auto-pan, a zoom animation) ends with a moveend that
        // markercluster's zoomToShowLayer takes for the end of its own move: it opens the popup at once,
        // then its real move clusters the marker away and the popup with it. So start from a still map:
        // stop a pan now (its moveend fires here, before anyone listens); let a zoom animation end, as
        // Leaflet ignores a new zoom meanwhile (Leaflet 1.9 has no public flag for it).
        map.stop();
        if (map._animatingZoom) {
            map.once("zoomend", function () { setTimeout(then, 0); });
        } else {
            then();
        }
    }
    map.on("overlayadd overlayremove", function (event) {
        if (switches.some(function (s) { return s.layer === event.layer; })) {
            refresh();
        }
    });

    return {
        map: map,
        places: places,
        claims: claims,
        addPlace: function (data, layer, container, root) {
            places[data.id] = {data: data, layer: layer, container: container, root: root};
            container.addLayer(layer);
        },
        addClaim: function (data, layer, container) {
            claims[data.i] = {data: data, layer: layer, container: container};
            container.addLayer(layer);
        },
        addSwitch: function (group, layer) {
            switches.push({group: group, layer: layer});
        },
        refresh: refresh,
        showPlace: function (id) {
            var e = places[id];
            if (!e) {
                return false;
            }
            var mine = ++request;
            ensureShown(e, e.data.groups);
            whenStill(function () {
                if (mine !== request) {
                    return;   // another place or claim was asked for while a zoom ran
                }
                var at = L.latLng(e.data.lat, e.data.lon);
                if (e.container.zoomToShowLayer) {
                    var opened = false;
                    e.container.zoomToShowLayer(e.layer, function () {
                        if (mine === request) {
                            opened = true;
                            e.layer.openPopup();
                        }
                    });
                    // zoomToShowLayer waits for a move, which never comes when the view need not change:
                    // then zoom in all the way and open the marker (or its spiderfied cluster) ourselves.
                    // Not if it did show it (the user may have closed that popup since), nor once superseded.
                    setTimeout(function () {
                        if (mine === request && !opened) {
                            map.setView(at, map.getMaxZoom(), {animate: false});
                            var shown = e.container.getVisibleParent(e.layer);
                            if (shown && shown !== e.layer && shown.spiderfy) {
                                shown.spiderfy();
                            }
                            e.layer.openPopup();
                        }
                    }, 1500);
                } else if (e.layer.getBounds) {
                    map.fitBounds(e.layer.getBounds(), {maxZoom: 9, padding: [20, 20]});
                    e.layer.openPopup(at);
                } else {
                    map.setView(at, Math.max(map.getZoom(), 10));
                    e.layer.openPopup();
                }
            });
            return true;
        },
        showClaim: function (i) {
            var e = claims[i];
            if (!e) {
                return false;
            }
            request++;   // cancels what a pending showPlace has yet to do
            ensureShown(e, [e.data.group]);
            if (!map.hasLayer(e.container)) {
                map.addLayer(e.container);
            }
            map.fitBounds(e.layer.getBounds(), {maxZoom: 10, padding: [40, 40]});
            e.layer.openPopup();
            return true;
        }
    };
})({{ this._parent.get_name() }}, {{ this.options|tojson }});
{% endmacro %}
