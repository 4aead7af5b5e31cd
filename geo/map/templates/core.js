{# The page's shared state: panes, attribution, the title, the registry of places and claims, and the
   selection of articles shown (filter.js sets it; places, claims, popups and panels follow it).
   Every other element uses window.geoMap. #}
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
    map.createPane("geoLabels").style.zIndex = 450;    // place names: above claims, below markers
    map.getPane("geoLabels").style.pointerEvents = "none";
    options.attribution.forEach(function (text) {
        map.attributionControl.addAttribution(text);
    });
    var small = window.matchMedia("(max-width: 640px)").matches;
    map.getContainer().classList.toggle("geo-small", small);
    // The title first in the top left corner, above the zoom control: never over it.
    var Title = L.Control.extend({
        options: {position: "topleft"},
        onAdd: function () {
            var el = L.DomUtil.create("h1", "leaflet-control geo-title");
            el.textContent = options.title;
            el.title = options.title;
            return el;
        }
    });
    var title = new Title().addTo(map);
    var corner = title.getContainer().parentNode;
    corner.insertBefore(title.getContainer(), corner.firstChild);

    var places = {};     // geonameid -> {data, layer, container, root, count}
    var claims = [];     // panel index -> {data, layer, container}
    var listeners = [];  // called after every change of the selection
    // The articles shown: null for all, else {index: true}. Places count only the articles shown.
    var selected = null;
    // Bumped by every showPlace/showClaim. Their deferred steps (zoomToShowLayer's callback, which can
    // come on some later move, and the fallback timer) act only if no newer request came meanwhile:
    // else an earlier search reopens its own popup over the one just asked for.
    var request = 0;

    function isSelected(i) {
        return selected === null || selected[i] === true;
    }
    function shownCount(data) {
        // How many of the articles shown name the place (a corpus place has no list: all of them).
        if (!data.a) {
            return data.n;
        }
        if (selected === null) {
            return data.a.length;
        }
        var n = 0;
        for (var k = 0; k < data.a.length; k++) {
            if (selected[data.a[k]] === true) {
                n++;
            }
        }
        return n;
    }
    function setShown(entries, want) {
        // Batched: a cluster group adds and removes many markers far faster at once.
        var add = new Map();
        var remove = new Map();
        entries.forEach(function (e) {
            var on = want(e);
            var has = e.container.hasLayer(e.layer);
            if (on !== has) {
                var todo = on ? add : remove;
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
        var list = Object.keys(places).map(function (id) { return places[id]; });
        list.forEach(function (e) {
            var n = shownCount(e.data);
            if (n !== e.count && n > 0 && e.restyle) {
                e.restyle(n);
            }
            e.count = n;
        });
        setShown(list, function (e) { return e.count > 0; });
        setShown(claims.filter(Boolean), function (e) { return isSelected(e.data.a); });
        listeners.forEach(function (fn) { fn(selected); });
    }
    function ensureShown(entry, articles) {
        if (articles && !articles.some(isSelected)) {
            selected = null;   // asked for something the filter hides: show every article again
            refresh();
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
    // Popups no wider or taller than the screen allows; on a small screen clear of the zoom buttons on
    // the left and the title and search box above (controls stay on top of popups).
    function popupOptions() {
        var size = map.getSize();
        var left = small ? 56 : 10;
        var top = small ? 112 : 56;
        return {maxWidth: Math.max(180, Math.min(380, size.x - left - 24)), minWidth: Math.min(220, size.x - left - 30),
                maxHeight: Math.max(160, Math.min(380, Math.round((size.y - top) * 0.6))),
                autoPanPaddingTopLeft: [left, top], autoPanPaddingBottomRight: [10, small ? 60 : 20], className: "geo-popup-container"};
    }
    // On a small screen one panel at a time is open: opening one closes the others.
    map.getContainer().addEventListener("toggle", function (event) {
        var opened = event.target;
        if (small && opened.open && opened.classList && opened.classList.contains("geo-collapsible")) {
            map.getContainer().querySelectorAll("details.geo-collapsible[open]").forEach(function (d) {
                if (d !== opened) {
                    d.open = false;
                }
            });
        }
    }, true);

    return {
        map: map,
        places: places,
        claims: claims,
        small: small,
        popupOptions: popupOptions,
        addPlace: function (data, layer, container, root, restyle) {
            places[data.id] = {data: data, layer: layer, container: container, root: root, count: data.a ? data.a.length : data.n,
                               restyle: restyle};
            container.addLayer(layer);
        },
        addClaim: function (data, layer, container) {
            claims[data.i] = {data: data, layer: layer, container: container};
            container.addLayer(layer);
        },
        isSelected: isSelected,
        shownCount: shownCount,
        /* The articles to show: null for all, else a list of indices. */
        select: function (indices) {
            if (indices === null) {
                selected = null;
            } else {
                selected = {};
                indices.forEach(function (i) { selected[i] = true; });
            }
            refresh();
        },
        onSelect: function (fn) {
            listeners.push(fn);
        },
        refresh: refresh,
        showPlace: function (id) {
            var e = places[id];
            if (!e) {
                return false;
            }
            var mine = ++request;
            ensureShown(e, e.data.a);
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
            ensureShown(e, [e.data.a]);
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
