/* Actor dossier: draw the actor's network neighbourhood. */
"use strict";
(function () {
  const box = document.getElementById("mini-net");
  const net = JSON.parse(box.dataset.network);
  if (!net.nodes.length) { box.replaceChildren(P.el("p", { class: "muted", text: "No events with other actors." })); return; }
  const cy = PGraph.draw(box, net, box.dataset.center);
  cy.on("tap", "node", (ev) => { window.location = "/actors/" + encodeURIComponent(ev.target.id()); });
})();
