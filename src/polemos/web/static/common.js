/* Small DOM helpers shared by the pages (all text goes in via textContent, never as HTML). */
"use strict";
window.P = {
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  },
  actorLinks(refs) {
    const span = P.el("span");
    (refs || []).forEach((a, i) => {
      if (i) span.append(", ");
      span.append(a.key ? P.el("a", { href: "/actors/" + encodeURIComponent(a.key), title: a.code || "", text: a.name })
        : a.name);
    });
    if (!refs || !refs.length) span.append("—");
    return span;
  },
  evidence(e) {
    const ev = e.evidence, box = P.el("blockquote", { class: "evidence" });
    const t0 = e.trigger ? e.trigger.start - ev.start : -1, t1 = e.trigger ? e.trigger.end - ev.start : -1;
    if (t0 >= 0 && t1 > t0 && t1 <= ev.text.length) {
      box.append(ev.text.slice(0, t0), P.el("mark", { class: "trigger", text: ev.text.slice(t0, t1) }), ev.text.slice(t1));
    } else box.append(ev.text);
    const title = (e.article && e.article.title) || ev.article;
    box.append(P.el("cite", {}, P.el("a", { href: "/articles/" + encodeURIComponent(ev.article) + "#s" + ev.sentence, text: title }),
      `, sentence ${ev.sentence}, chars ${ev.start}–${ev.end}`));
    return box;
  },
  quadColours: { 1: "#6baed6", 2: "#2171b5", 3: "#fd8d3c", 4: "#cb181d", null: "#999999" },
  quadLabels: { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" },
  async getJSON(url) {
    const r = await fetch(url);
    const body = await r.json();
    if (!r.ok) throw new Error(body.detail || r.statusText);
    return body;
  },
  query(form) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) params.set(k, v);
    return params;
  },
};
