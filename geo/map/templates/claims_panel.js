{# The claims panel: the list rendered (escaped) in Python, moved into a Leaflet control; it lists only
   the claims (and conflicts) of the articles shown, and counts them. #}
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
            var box = L.DomUtil.create("div", "leaflet-control geo-control geo-panel-control");
            box.appendChild(panel);
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        }
    });
    new Panel().addTo(geo.map);
    if (geo.small) {
        panel.open = false;
    }
    panel.addEventListener("click", function (event) {
        var button = event.target.closest("button.geo-show-claim");
        if (button) {
            if (geo.small) {
                panel.open = false;   // the map, not the list, on a small screen
            }
            geo.showClaim(Number(button.dataset.claim));
        }
    });
    // A claim asked for (its button, #claim=N from an article page): marked in the list, shown on the map.
    var showClaim = geo.showClaim;
    geo.showClaim = function (i) {
        panel.querySelectorAll(".geo-claim-current").forEach(function (li) { li.classList.remove("geo-claim-current"); });
        var item = document.getElementById("geo-claim-" + i);
        var drawn = showClaim(i);
        if (item) {
            item.classList.add("geo-claim-current");
            if (!drawn) {
                panel.open = true;
            }
            if (panel.open) {
                item.scrollIntoView({block: "nearest"});
            }
        }
        return drawn || Boolean(item);
    };
    var items = Array.prototype.slice.call(panel.querySelectorAll(".geo-claim-item"));
    var conflicts = Array.prototype.slice.call(panel.querySelectorAll(".geo-conflict-item"));
    geo.onSelect(function () {
        var counts = {inconsistent: 0, unverifiable: 0, consistent: 0};
        items.forEach(function (li) {
            var on = geo.isSelected(Number(li.dataset.a));
            li.hidden = !on;
            if (on) {
                counts[li.dataset.verdict]++;
            }
        });
        var disputes = 0;
        conflicts.forEach(function (li) {
            var on = li.dataset.a.split(" ").every(function (i) { return geo.isSelected(Number(i)); });
            li.hidden = !on;
            disputes += on ? 1 : 0;
        });
        Object.keys(counts).forEach(function (v) {
            panel.querySelector(".geo-count-" + v).textContent = String(counts[v]);
        });
        var shown = panel.querySelector(".geo-count-conflicts");
        if (shown) {
            shown.textContent = String(disputes);
            panel.querySelector(".geo-conflicts").hidden = !disputes;
        }
    });
})(window.geoMap);
{% endmacro %}
