/* Build a cytoscape graph from /api/network data: node size by events, edge colour by cooperation vs conflict. */
"use strict";
window.PGraph = {
  edgeColour(w) {
    if (w >= 0.34) return "#2171b5";
    if (w <= -0.34) return "#cb181d";
    return "#999999";
  },
  elements(net) {
    const nodes = net.nodes.map((n) => ({ data: { id: n.key, label: n.name, code: n.code || "", events: n.events } }));
    const edges = net.edges.map((e) => ({
      data: {
        id: e.source + "->" + e.target, source: e.source, target: e.target, events: e.events, weight: e.weight,
        colour: PGraph.edgeColour(e.weight), width: Math.min(12, 1.5 + 1.5 * Math.log2(1 + e.events)),
        label: `${e.events} (${e.cooperation}+/${e.conflict}−)`,
      },
    }));
    return nodes.concat(edges);
  },
  draw(container, net, center) {
    return cytoscape({
      container,
      elements: PGraph.elements(net),
      wheelSensitivity: 0.3,
      maxZoom: 1.6,
      minZoom: 0.2,
      style: [
        { selector: "node", style: {
          label: "data(label)", "font-size": 13, "text-valign": "bottom", "text-margin-y": 3,
          "text-background-color": "#ffffff", "text-background-opacity": 0.7, "text-background-padding": 1,
          width: "mapData(events, 0, 50, 14, 44)", height: "mapData(events, 0, 50, 14, 44)",
          "background-color": "#54616e", color: "#222" } },
        { selector: `node[id = "${(center || "").replace(/"/g, "")}"]`, style: { "background-color": "#e6a400" } },
        { selector: "edge", style: {
          width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8, label: "data(label)",
          "font-size": 8, color: "#555", "text-rotation": "autorotate" } },
        { selector: "edge:selected", style: { opacity: 1, "overlay-opacity": 0.15, "overlay-color": "#e6a400" } },
      ],
      layout: { name: net.nodes.length > 1 ? "cose" : "grid", animate: false, randomize: false,
        nodeRepulsion: () => 400000, idealEdgeLength: () => 90, nodeOverlap: 20, componentSpacing: 60,
        gravity: 60, numIter: 1500, padding: 24 },
    });
  },
};
