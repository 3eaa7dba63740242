/* Network page: filters, a time slider over event days, and a click on an edge lists its events with evidence. */
"use strict";
(function () {
  const form = document.getElementById("net-filters");
  const panel = document.getElementById("edge-panel");
  const slider = document.getElementById("time-slider");
  const sliderDay = document.getElementById("slider-day");
  const windowSel = document.getElementById("window");
  const summary = document.getElementById("net-summary");
  const box = document.getElementById("net");
  const hidden = document.getElementById("net-hidden");
  const downloads = document.querySelectorAll("#download-menu a[data-format]");
  // The filters an export understands (those of /api/events); country and min_events are the network's own.
  const EXPORT_FILTERS = ["date_from", "date_to", "type", "quad_class", "actor"];
  let cy = null, lastParams = null;

  const DAY = 86400000;
  const first = form.dataset.first, last = form.dataset.last;
  const dayAt = (i) => new Date(Date.parse(first) + i * DAY).toISOString().slice(0, 10);
  const span = first && last ? Math.round((Date.parse(last) - Date.parse(first)) / DAY) : 0;
  slider.max = String(span); slider.value = String(span);

  function params() { return P.query(form); }

  function updateDownloads(p) {
    const q = new URLSearchParams();
    for (const k of EXPORT_FILTERS) if (p.get(k)) q.set(k, p.get(k));
    const qs = q.toString();
    downloads.forEach((a) => { a.href = "/api/export/" + a.dataset.format + (qs ? "?" + qs : ""); });
  }

  async function load() {
    const p = params();
    lastParams = p;
    updateDownloads(p);
    let net;
    try { net = await P.getJSON("/api/network?" + p.toString()); }
    catch (err) { summary.textContent = "error: " + err.message; return; }
    summary.textContent = `${net.nodes.length} actors, ${net.edges.length} edges`;
    const least = Number(p.get("min_events") || 1);
    hidden.textContent = net.hidden_edges
      ? `(${net.hidden_edges} edges with fewer than ${least} events hidden: set “Min. events per edge” to 1 to show them)` : "";
    if (cy) cy.destroy();
    box.replaceChildren();
    cy = PGraph.draw(box, net, p.get("actor"));
    window.PNet = cy;
    cy.on("tap", "edge", (ev) => showEdge(ev.target.data()));
    cy.on("tap", "node", (ev) => { window.location = "/actors/" + encodeURIComponent(ev.target.id()); });
    box.dataset.ready = "1";
  }

  async function showEdge(d) {
    const p = new URLSearchParams(lastParams);
    p.set("source", d.source); p.set("target", d.target);
    panel.replaceChildren(P.el("p", { class: "muted", text: "Loading…" }));
    const body = await P.getJSON("/api/network/edge?" + p.toString());
    const src = cy.getElementById(d.source).data("label"), tgt = cy.getElementById(d.target).data("label");
    const list = P.el("ol", { class: "edge-events" });
    for (const e of body.events) {
      list.append(P.el("li", {},
        P.el("div", { class: "edge-head" }, P.el("b", { text: e.type }), " ",
          P.el("span", { class: "quad", style: "background:" + P.quadColours[e.quad_class], text: e.quad_class ? "Q" + e.quad_class : "–" }),
          " " + (e.date || "undated") + " · ", P.actorLinks(e.source), " → ", P.actorLinks(e.target),
          e.place ? " · " + e.place.name : ""),
        P.evidence(e)));
    }
    panel.replaceChildren(P.el("h3", { text: `${src} → ${tgt}: ${body.events.length} events` }), list);
  }

  function fromSlider() {
    const end = dayAt(Number(slider.value));
    sliderDay.textContent = end;
    form.elements.date_to.value = end;
    const w = Number(windowSel.value);
    form.elements.date_from.value = w ? dayAt(Math.max(0, Number(slider.value) - w + 1)) : first;
    load();
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  form.elements.min_events.addEventListener("change", load);
  slider.addEventListener("input", fromSlider);
  windowSel.addEventListener("change", fromSlider);
  document.getElementById("play").addEventListener("click", () => {
    let i = 0;
    const timer = setInterval(() => {
      slider.value = String(i); fromSlider();
      i += Math.max(1, Math.ceil(span / 30));
      if (i > span) { clearInterval(timer); slider.value = String(span); fromSlider(); }
    }, 600);
  });
  load();
})();
