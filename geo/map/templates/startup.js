{# Last on the page: lay the controls out for the screen, fit the view to the story (a control fits it
   to every place), follow #place=ID / #claim=N, and say it is ready. #}
{% macro script(this, kwargs) %}
(function (geo, story, everything) {
    "use strict";
    var map = geo.map;
    var container = map.getContainer();
    if (geo.small) {
        // One column of buttons at the bottom left, the credits below them: nothing overlaps.
        var left = container.querySelector(".leaflet-bottom.leaflet-left");
        container.querySelectorAll(".leaflet-bottom.leaflet-right > .leaflet-control").forEach(function (control) {
            left.insertBefore(control, left.firstChild);
        });
        left.appendChild(map.attributionControl.getContainer());
        var topRight = container.querySelector(".leaflet-top.leaflet-right");
        var filter = document.getElementById("geo-filter");
        if (filter && topRight.contains(filter)) {
            left.insertBefore(filter.parentNode, left.firstChild);
        }
    }
    function padding() {
        // Keep the places clear of the panels open at the start (their widths are map.css's: reading them
        // from the page would lay out thousands of elements before they are all there).
        var size = map.getSize();
        var panel = document.getElementById("geo-claims-panel");
        var legend = document.getElementById("geo-legend");
        var leftPad = !geo.small && panel && panel.open && size.x > 900 ? 390 : 24;
        var rightPad = !geo.small && legend && legend.open && size.x > 900 ? 310 : 24;
        return {paddingTopLeft: [leftPad, geo.small ? 120 : 40], paddingBottomRight: [rightPad, geo.small ? 90 : 30]};
    }
    function fit(bounds, animate) {
        if (!bounds) {
            map.setView([20, 0], 2, {animate: false});
            return;
        }
        var options = padding();
        options.maxZoom = 10;
        options.animate = animate;
        map.fitBounds(bounds, options);
    }
    geo.fitStory = function () { fit(story || everything, true); };
    geo.fitAll = function () { fit(everything || story, true); };

    var Fit = L.Control.extend({
        options: {position: "topleft"},
        onAdd: function () {
            var bar = L.DomUtil.create("div", "leaflet-bar leaflet-control geo-fit");
            [["geo-fit-story", "◎", "Back to the story: the places most articles name", geo.fitStory],
             ["geo-fit-all", "⤢", "Fit all places", geo.fitAll]].forEach(function (b) {
                var button = L.DomUtil.create("a", b[0], bar);
                button.href = "#";
                button.textContent = b[1];
                button.title = b[2];
                button.setAttribute("role", "button");
                button.setAttribute("aria-label", b[2]);
                L.DomEvent.on(button, "click", function (event) {
                    L.DomEvent.preventDefault(event);
                    L.DomEvent.stopPropagation(event);
                    b[3]();
                });
            });
            return bar;
        }
    });
    if (story || everything) {
        new Fit().addTo(map);
    }
    geo.refresh();
    fit(story || everything, false);
    function follow() {
        var hash = decodeURIComponent(window.location.hash.slice(1));
        var place = /^place=(\d+)$/.exec(hash);
        var claim = /^claim=(\d+)$/.exec(hash);
        if (place) {
            geo.showPlace(Number(place[1]));
        } else if (claim) {
            geo.showClaim(Number(claim[1]));
        }
    }
    window.addEventListener("hashchange", follow);
    follow();
    document.documentElement.setAttribute("data-geo-ready", "1");
})(window.geoMap, {{ this.bounds|tojson }}, {{ this.everything|tojson }});
{% endmacro %}
