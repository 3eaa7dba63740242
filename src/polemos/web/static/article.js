/* Article page: a click on a highlight shows the records whose spans cover it. */
"use strict";
(function () {
  const records = JSON.parse(document.getElementById("records").textContent);
  const panel = document.getElementById("record-panel");
  const { el } = P;

  function row(dl, label, value) {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.append(el("dt", { text: label }), el("dd", {}, value instanceof Node ? value : String(value)));
  }

  function card(id) {
    const { kind, record: r } = records[id];
    const box = el("section", { class: "record rec-" + kind, "data-id": id });
    const dl = el("dl");
    if (kind === "actor") {
      box.append(el("h3", {}, "Actor: ", el("a", { href: "/actors/" + encodeURIComponent(r.key), text: r.actor })));
      row(dl, "text", r.text); row(dl, "label", r.label); row(dl, "code", r.code); row(dl, "key", r.key);
      row(dl, "role", r.role);
    } else if (kind === "quote") {
      box.append(el("h3", { text: "Quote (" + r.kind + ")" }));
      const sp = r.speaker.key ? el("a", { href: "/actors/" + encodeURIComponent(r.speaker.key), text: r.speaker.name })
        : (r.speaker.name || "unknown");
      row(dl, "speaker", sp); row(dl, "speaker code", r.speaker.code); row(dl, "description", r.speaker.description);
      row(dl, "cue", r.cue); row(dl, "content", r.content); row(dl, "addressee", r.addressee);
      row(dl, "outlet", r.outlet); row(dl, "date", r.date); row(dl, "confidence", r.confidence);
      row(dl, "flags", (r.flags || []).join(", "));
    } else if (kind === "event") {
      box.append(el("h3", { text: "Event: " + r.type + (r.mode ? " / " + r.mode : "") }));
      row(dl, "source", P.actorLinks(r.source)); row(dl, "target", P.actorLinks(r.target));
      row(dl, "CAMEO", r.cameo);
      row(dl, "quad class", r.quad_class ? r.quad_class + " " + P.quadLabels[r.quad_class] : null);
      row(dl, "Goldstein", r.goldstein); row(dl, "date", r.date ? r.date + " (" + (r.date_precision || "?") + ")" : null);
      row(dl, "place", r.place ? r.place.name : null); row(dl, "confidence", r.confidence);
      row(dl, "hedge", r.hedge); row(dl, "claimant", r.claimant ? r.claimant.name : null);
      row(dl, "trigger", r.trigger.text); row(dl, "evidence", r.evidence.text);
    } else if (kind === "place") {
      box.append(el("h3", { text: "Place: " + (r.name || r.text) }));
      row(dl, "text", r.text); row(dl, "GeoNames id", r.geonameid);
      row(dl, "coordinates", r.lat !== null && r.lat !== undefined ? r.lat + ", " + r.lon : null);
      row(dl, "country", r.country); row(dl, "admin1", r.admin1); row(dl, "feature", r.feature_code);
      row(dl, "precision", r.precision);
      row(dl, r.geonameid !== null && r.geonameid !== undefined ? "resolved by" : "unresolved because", r.reason);
    } else {
      box.append(el("h3", { text: "Date: " + r.text }));
      row(dl, "value", r.value); row(dl, "precision", r.precision); row(dl, "reason", r.reason);
    }
    if (kind !== "event") row(dl, "sentence", r.evidence.sentence);
    row(dl, "offsets", (kind === "event" ? r.trigger.start + "–" + r.trigger.end : r.evidence.start + "–" + r.evidence.end));
    box.append(dl);
    return box;
  }

  function show(span) {
    document.querySelectorAll(".hl.active").forEach((s) => s.classList.remove("active"));
    span.classList.add("active");
    panel.replaceChildren(...span.dataset.refs.split(" ").map(card));
  }

  document.getElementById("article-text").addEventListener("click", (ev) => {
    const span = ev.target.closest(".hl");
    if (span) show(span);
  });
  document.getElementById("article-text").addEventListener("keydown", (ev) => {
    const span = ev.target.closest(".hl");
    if (span && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); show(span); }
  });
})();
