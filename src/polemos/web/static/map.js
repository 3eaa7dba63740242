/* Map page: country outlines from world-atlas (no tile server) and events as circles coloured by quad class. */
"use strict";
(function () {
  const form = document.getElementById("map-filters");
  const summary = document.getElementById("map-summary");
  const map = L.map("map", { worldCopyJump: false, minZoom: 1, maxZoom: 10 }).setView([30, 30], 2);
  map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
  let layer = L.layerGroup().addTo(map);
  const colourBy = document.getElementById("colour-by");
  const legend = document.getElementById("map-legend");
  const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4",
    "#b2df8a", "#fb9a99", "#cab2d6", "#6a3d9a", "#b15928", "#8dd3c7", "#555555"];
  const typeColours = {};
  function colourOf(e) {
    if (colourBy.value === "quad") return P.quadColours[e.quad_class];
    if (!(e.type in typeColours)) typeColours[e.type] = PALETTE[Object.keys(typeColours).length % PALETTE.length];
    return typeColours[e.type];
  }
  function drawLegend(events) {
    const entries = colourBy.value === "quad"
      ? [1, 2, 3, 4].map((q) => [P.quadColours[q], P.quadLabels[q]]).concat([[P.quadColours[null], "no quad class"]])
      : [...new Set(events.map((e) => e.type))].sort().map((t) => [colourOf({ type: t }), t]);
    legend.replaceChildren(...entries.map(([c, label]) => P.el("span", {}, P.el("i", { style: "background:" + c }), label)));
  }

  // Rings that cross the antimeridian jump from +180 to -180; shift longitudes so each ring is continuous.
  function unwrap(ring) {
    const out = [ring[0].slice()];
    for (let i = 1; i < ring.length; i++) {
      let lon = ring[i][0];
      const prev = out[i - 1][0];
      while (lon - prev > 180) lon -= 360;
      while (lon - prev < -180) lon += 360;
      out.push([lon, ring[i][1]]);
    }
    return out;
  }
  function unwrapGeometry(g) {
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(unwrap));
  }

  fetch("/vendor/world-atlas/countries-110m.json").then((r) => r.json()).then((topo) => {
    const countries = topojson.feature(topo, topo.objects.countries);
    countries.features = countries.features.filter((f) => f.properties.name !== "Antarctica");
    countries.features.forEach((f) => f.geometry && unwrapGeometry(f.geometry));
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
        radius: 6, color: "#333", weight: 0.6, fillColor: colourOf(e), fillOpacity: 0.85,
      }).bindPopup(() => popup(e), { maxWidth: 380 }).addTo(layer).getElement()?.setAttribute("data-type", e.type);
    }
    drawLegend(body.events.filter((e) => e.place && e.place.lat !== null));
    summary.textContent = `${shown} of ${body.total} events have coordinates`;
    document.getElementById("map").dataset.markers = String(shown);
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  colourBy.addEventListener("change", load);
  load();
})();
