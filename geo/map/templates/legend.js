{# The legend: kinds of place, marker size, clusters, claim verdicts, conflicts. #}
{% macro html(this, kwargs) %}
<div hidden>
<details class="geo-panel geo-legend geo-collapsible" id="geo-legend" open>
<summary>Legend</summary>
<div class="geo-panel-body">
<ul class="geo-legend-kinds">
{%- for kind, label in this.kinds %}
<li><span class="geo-marker kind-{{ kind }}"></span>{{ label }}</li>
{%- endfor %}
{%- if this.clusters %}
<li><span class="geo-cluster geo-cluster-small geo-legend-cluster"><span>5</span></span>a cluster of nearby places (how many); zoom in or click to see them</li>
{%- endif %}
</ul>
<p class="geo-legend-note">Marker size and number: how many articles name the place (of those shown).
{%- if this.shapes %} Regions with a known
border are outlined, rivers with a known course drawn as lines.{% endif %}</p>
{%- for note in this.notes %}
<p class="geo-legend-note">{{ note|e }}</p>
{%- endfor %}
{%- if this.claims %}
<p class="geo-legend-head">Claims, by verdict</p>
<ul class="geo-legend-verdicts">
<li><span class="geo-verdict verdict-inconsistent">inconsistent</span></li>
<li><span class="geo-verdict verdict-unverifiable">unverifiable</span></li>
<li><span class="geo-verdict verdict-consistent">consistent</span></li>
</ul>
<p class="geo-legend-note">A dashed line from the place measured from to the place placed, labelled with the stated
and the measured distance and bearing; a dashed outline for a region a claim names (an outline, not territory).</p>
{%- if this.conflicts %}
<p class="geo-legend-note"><span class="geo-marker kind-settlement geo-conflict geo-legend-conflict"></span>a place the articles disagree about (see its popup and the claims panel).</p>
{%- endif %}
{%- endif %}
</div>
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
            var box = L.DomUtil.create("div", "leaflet-control geo-control geo-panel-control");
            box.appendChild(legend);
            L.DomEvent.disableClickPropagation(box);
            L.DomEvent.disableScrollPropagation(box);
            return box;
        }
    });
    new Legend().addTo(geo.map);
    if (geo.small) {
        legend.open = false;
    }
})(window.geoMap);
{% endmacro %}
