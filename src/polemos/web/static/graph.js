/* Build a cytoscape graph from /api/network data: node size by events, edge colour by cooperation vs conflict.

Readability: the busiest edges ("top") are drawn thickest, on top of the others and always labelled, as are
the actors at their ends and the most active actors ("hub"); other labels appear only once zoomed in.
*/
"use strict";
window.PGraph = {
  TOP_EDGES: 6,        // busiest edges always labelled and drawn on top
  HUB_NODES: 12,       // most active actors always labelled
  SMALL_GRAPH: 30,     // up to this many edges (or nodes) every label is shown
  LABEL_ZOOM: 0.85,    // below this zoom, labels of other nodes and edges are hidden
  edgeColour(w) {
    if (w >= 0.34) return "#2171b5";
    if (w <= -0.34) return "#cb181d";
    return "#999999";
  },
  elements(net) {
    const counts = net.edges.map((e) => e.events);
    const lo = counts.length ? Math.min(...counts) : 1, hi = counts.length ? Math.max(...counts) : 1;
    const small = net.edges.length <= PGraph.SMALL_GRAPH;
    // Edges arrive busiest first; the top ones are those with more than one event (or all, in a small graph).
    const top = new Set(net.edges.filter((e) => small || e.events >= 2).slice(0, small ? net.edges.length : PGraph.TOP_EDGES)
      .map((e) => e.source + "->" + e.target));
    const hubs = new Set(net.nodes.length <= PGraph.SMALL_GRAPH ? net.nodes.map((n) => n.key)
      : [...net.nodes].sort((a, b) => b.events - a.events).slice(0, PGraph.HUB_NODES).map((n) => n.key));
    net.edges.forEach((e) => { if (top.has(e.source + "->" + e.target)) { hubs.add(e.source); hubs.add(e.target); } });
    const nodes = net.nodes.map((n) => ({
      data: { id: n.key, label: n.name, code: n.code || "", events: n.events }, classes: hubs.has(n.key) ? "hub" : "",
    }));
    const edges = net.edges.map((e, i) => {
      const id = e.source + "->" + e.target;
      const share = hi > lo ? Math.sqrt((e.events - lo) / (hi - lo)) : 0.2;
      return {
        data: {
          id, source: e.source, target: e.target, events: e.events, weight: e.weight,
          colour: PGraph.edgeColour(e.weight), width: 1.2 + 7 * share, z: net.edges.length - i,
          label: `${e.events} (${e.cooperation}+/${e.conflict}−)`,
        },
        classes: top.has(id) ? "top" : "",
      };
    });
    return nodes.concat(edges);
  },
  /* Show or hide labels for the current zoom; hub and top-edge labels keep a readable size on screen. */
  readable(cy) {
    const z = cy.zoom(), close = z >= PGraph.LABEL_ZOOM;
    cy.batch(() => {
      cy.nodes().not(".hub").toggleClass("quiet", !close);
      cy.edges().not(".top").toggleClass("quiet", !close);
      cy.nodes(".hub").style("font-size", Math.min(60, Math.max(12, 12 / z)));
      cy.edges(".top").style("font-size", Math.min(48, Math.max(10, 10 / z)));
      cy.edges(".top").forEach((e) => { e.style("width", Math.min(40, Math.max(e.data("width"), 4.5 / z))); });
    });
  },
  draw(container, net, center) {
    const big = net.nodes.length > 60;  // pack a large graph tighter, so it is drawn at a readable zoom
    const cy = cytoscape({
      container,
      elements: PGraph.elements(net),
      wheelSensitivity: 0.3,
      maxZoom: 1.6,
      minZoom: 0.1,
      style: [
        { selector: "node", style: {
          label: "data(label)", "font-size": 12, "text-valign": "bottom", "text-margin-y": 3,
          "text-background-color": "#ffffff", "text-background-opacity": 0.7, "text-background-padding": 1,
          width: "mapData(events, 0, 50, 14, 44)", height: "mapData(events, 0, 50, 14, 44)",
          "background-color": "#54616e", color: "#222", "min-zoomed-font-size": 4 } },
        { selector: "node.hub", style: { "font-weight": "bold", "z-index": 20 } },
        { selector: `node[id = "${(center || "").replace(/"/g, "")}"]`, style: { "background-color": "#e6a400" } },
        { selector: "edge", style: {
          width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.55, label: "data(label)",
          "font-size": 9, color: "#444", "text-rotation": "autorotate", "z-index": 1,
          "text-background-color": "#ffffff", "text-background-opacity": 0.6 } },
        { selector: "edge.top", style: { opacity: 0.95, "z-index": "data(z)", "font-weight": "bold" } },
        { selector: ".quiet", style: { "text-opacity": 0, "text-background-opacity": 0 } },
        { selector: "edge:selected", style: { opacity: 1, "overlay-opacity": 0.15, "overlay-color": "#e6a400" } },
      ],
      layout: { name: net.nodes.length > 1 ? "cose" : "grid", animate: false, randomize: false,
        nodeRepulsion: () => (big ? 60000 : 400000), idealEdgeLength: () => (big ? 50 : 90), nodeOverlap: 20,
        componentSpacing: big ? 30 : 60,
        gravity: 60, numIter: 1500, padding: 24 },
    });
    PGraph.readable(cy);
    cy.on("zoom layoutstop", () => PGraph.readable(cy));
    return cy;
  },
};
