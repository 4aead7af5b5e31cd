{# The legend: kinds of place, marker size, claim verdicts, and the data credits. #}
{% macro html(this, kwargs) %}
<div hidden>
<details class="geo-panel geo-legend" id="geo-legend" open>
<summary>Legend</summary>
<ul class="geo-legend-kinds">
{%- for kind, label in this.kinds %}
<li><span class="geo-marker kind-{{ kind }}"></span>{{ label }}</li>
{%- endfor %}
</ul>
<p class="geo-legend-note">Marker size and number: how many articles name the place.
{%- if this.shapes %} Regions with a known
border are drawn as areas, rivers with a known course as lines.{% endif %}</p>
{%- for note in this.notes %}
<p class="geo-legend-note">{{ note|e }}</p>
{%- endfor %}
{%- if this.claims %}
<ul class="geo-legend-verdicts">
<li><span class="geo-verdict verdict-inconsistent">inconsistent</span></li>
<li><span class="geo-verdict verdict-unverifiable">unverifiable</span></li>
<li><span class="geo-verdict verdict-consistent">consistent</span></li>
</ul>
<p class="geo-legend-note">Claims: a line from the place measured from to the place placed, labelled with the stated
and the measured distance and bearing; a region a claim names is outlined.</p>
{%- endif %}
</details>
</div>
{% endmacro %}
{% macro script(this, kwargs) %}
(function (geo) {
    "use strict";
    var legend = document.getElementById("geo-legend");
    var Legend = L.Control.extend({
        options: {position: "bottomright"},
        onAdd: function () {
            var box = L.DomUtil.create("div", "leaflet-control geo-control");
            box.appendChild(legend);
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        }
    });
    new Legend().addTo(geo.map);
})(window.geoMap);
{% endmacro %}
