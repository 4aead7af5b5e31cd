{# Last on the page: fit the view to the places, follow #place=ID / #claim=N, and say it is ready. #}
{% macro script(this, kwargs) %}
(function (geo, bounds) {
    "use strict";
    geo.refresh();
    if (bounds) {
        // Keep the places clear of the claims panel on the left.
        var panel = document.getElementById("geo-claims-panel");
        var left = panel && panel.offsetWidth < geo.map.getSize().x / 2 ? panel.offsetWidth + 30 : 24;
        geo.map.fitBounds(bounds, {paddingTopLeft: [left, 24], paddingBottomRight: [24, 24], maxZoom: 11, animate: false});
    } else {
        geo.map.setView([20, 0], 2, {animate: false});
    }
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
})(window.geoMap, {{ this.bounds|tojson }});
{% endmacro %}
