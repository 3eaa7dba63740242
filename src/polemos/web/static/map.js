/* Map page: country outlines from world-atlas (no tile server) and events as circles coloured by quad class. */
"use strict";
(function () {
  const form = document.getElementById("map-filters");
  const summary = document.getElementById("map-summary");
  const map = L.map("map", { worldCopyJump: false, minZoom: 1, maxZoom: 10 }).setView([30, 30], 2);
  map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
  let layer = L.layerGroup().addTo(map);

  fetch("/vendor/world-atlas/countries-110m.json").then((r) => r.json()).then((topo) => {
    const countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      style: { color: "#8a8f94", weight: 0.7, fillColor: "#eceae4", fillOpacity: 1 },
      onEachFeature: (f, l) => l.bindTooltip(f.properties.name || "", { sticky: true }),
    }).addTo(map).bringToBack();
    document.getElementById("map").dataset.outlines = String(countries.features.length);
  });

  function popup(e) {
    const box = P.el("div", { class: "map-pop" },
      P.el("b", { text: e.type }), " " + (e.date || "") + " · " + e.place.name, P.el("br"),
      P.actorLinks(e.source), " → ", P.actorLinks(e.target), P.evidence(e));
    return box;
  }

  async function load() {
    const p = P.query(form);
    p.set("limit", "1000");
    let body;
    try { body = await P.getJSON("/api/events?" + p.toString()); }
    catch (err) { summary.textContent = "error: " + err.message; return; }
    layer.clearLayers();
    let shown = 0;
    for (const e of body.events) {
      if (!e.place || e.place.lat === null || e.place.lon === null) continue;
      shown += 1;
      const jitter = (k) => (((e.id * 9301 + k * 49297) % 233280) / 233280 - 0.5) * 0.15;
      L.circleMarker([e.place.lat + jitter(1), e.place.lon + jitter(2)], {
        radius: 6, color: "#333", weight: 0.6, fillColor: P.quadColours[e.quad_class], fillOpacity: 0.85,
      }).bindPopup(() => popup(e), { maxWidth: 380 }).addTo(layer).getElement()?.setAttribute("data-type", e.type);
    }
    summary.textContent = `${shown} of ${body.total} events have coordinates`;
    document.getElementById("map").dataset.markers = String(shown);
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  load();
})();
