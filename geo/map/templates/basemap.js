{# The Natural Earth basemap: country and division borders and rivers, styled by basemap.STYLES. #}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (styles) { return L.geoJSON({{ this.data|tojson }}, {
    pane: "geoBasemap",
    // Canvas: thousands of border vertices draw faster than as SVG, and nothing here is clicked.
    renderer: L.canvas({pane: "geoBasemap", padding: 0.5}),
    interactive: false,
    style: function (feature) {
        return styles[feature.properties.layer];
    }
}); })({{ this.styles|tojson }});
{% endmacro %}
