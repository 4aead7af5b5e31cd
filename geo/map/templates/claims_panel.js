{# The claims panel: the list rendered (escaped) in Python, moved into a Leaflet control. #}
{% macro html(this, kwargs) %}
<div hidden>{{ this.panel }}</div>
{% endmacro %}
{% macro script(this, kwargs) %}
(function (geo) {
    "use strict";
    var panel = document.getElementById("geo-claims-panel");
    var Panel = L.Control.extend({
        options: {position: "bottomleft"},
        onAdd: function () {
            var box = L.DomUtil.create("div", "leaflet-control geo-control");
            box.appendChild(panel);
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        }
    });
    new Panel().addTo(geo.map);
    panel.addEventListener("click", function (event) {
        var button = event.target.closest("button.geo-show-claim");
        if (button) {
            geo.showClaim(Number(button.dataset.claim));
        }
    });
})(window.geoMap);
{% endmacro %}
