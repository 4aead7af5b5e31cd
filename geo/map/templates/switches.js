{# One layer control entry per article (or source): an empty layer whose presence on the map
   says whether the places and claims of that article are shown. #}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.layerGroup();
window.geoMap.addSwitch({{ this.group|tojson }}, {{ this.get_name() }});
{% endmacro %}
