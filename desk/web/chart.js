// Small inline-SVG charts: price against transit (Pareto front, SLA limits, outliers clipped
// to a robust range so one extreme option cannot squash the rest) and horizontal bars.
"use strict";

const cqChart = {};

const quantile = (sorted, q) => {
  if (!sorted.length) return 0;
  const i = (sorted.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
};

// The axis end: the largest value within Q3 + 1.5 IQR (Tukey's fence), and never below the
// limit lines, so the points inside are spread over the plot and anything past it is marked.
const robustMax = (values, extra) => {
  const s = [...values].sort((a, b) => a - b);
  const q1 = quantile(s, 0.25), q3 = quantile(s, 0.75);
  const fence = q3 + 1.5 * (q3 - q1);
  const inside = s.filter((v) => v <= fence);
  return Math.max(inside.length ? inside[inside.length - 1] : s[s.length - 1], ...extra);
};
const robustMin = (values) => Math.min(...values);

// points: [{x: transit hours, y: price, label, pareto, outside}]; limits: {maxX, maxY} or nulls.
cqChart.scatter = (points, limits, units) => {
  const W = 560, H = 300, L = 70, R = 20, T = 20, B = 50;
  const svg = cq.svg("svg", { viewBox: "0 0 " + W + " " + H, class: "chart", role: "img",
                              "aria-label": "Price against transit time of every priced option" });
  if (!points.length) return svg;
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const lim = limits || {};
  const x0 = Math.max(0, robustMin(xs) * 0.9);
  const x1 = robustMax(xs, lim.maxX ? [lim.maxX] : []) * 1.05;
  const y0 = robustMin(ys) * 0.95;
  const y1 = robustMax(ys, lim.maxY ? [lim.maxY] : []) * 1.03;
  const sx = (x) => L + (Math.min(x, x1) - x0) / (x1 - x0 || 1) * (W - L - R);
  const sy = (y) => H - B - (Math.min(y, y1) - y0) / (y1 - y0 || 1) * (H - T - B);
  svg.append(cq.svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, class: "axis" }));
  svg.append(cq.svg("line", { x1: L, y1: T, x2: L, y2: H - B, class: "axis" }));
  for (let i = 0; i <= 4; ++i) {
    const xv = x0 + (x1 - x0) * i / 4, yv = y0 + (y1 - y0) * i / 4;
    svg.append(cq.svg("text", { x: sx(xv), y: H - B + 16, class: "tick", "text-anchor": "middle" }, xv.toFixed(0)));
    svg.append(cq.svg("text", { x: L - 6, y: sy(yv) + 4, class: "tick", "text-anchor": "end" }, yv.toFixed(0)));
  }
  svg.append(cq.svg("text", { x: (L + W - R) / 2, y: H - 12, class: "label", "text-anchor": "middle" }, "transit (hours)"));
  svg.append(cq.svg("text", { x: 14, y: (T + H - B) / 2, class: "label", "text-anchor": "middle",
                               transform: "rotate(-90 14 " + (T + H - B) / 2 + ")" }, "sell price (" + units + ")"));
  if (lim.maxX) {
    svg.append(cq.svg("line", { x1: sx(lim.maxX), y1: T, x2: sx(lim.maxX), y2: H - B, class: "limit" }));
    svg.append(cq.svg("text", { x: sx(lim.maxX) - 4, y: T + 10, class: "limit-label", "text-anchor": "end" }, "SLA max transit"));
  }
  if (lim.maxY) {
    svg.append(cq.svg("line", { x1: L, y1: sy(lim.maxY), x2: W - R, y2: sy(lim.maxY), class: "limit" }));
    svg.append(cq.svg("text", { x: W - R - 4, y: sy(lim.maxY) - 4, class: "limit-label", "text-anchor": "end" }, "SLA price limit"));
  }
  const front = points.filter((p) => p.pareto).sort((a, b) => a.x - b.x);
  if (front.length > 1) {
    svg.append(cq.svg("polyline", { points: front.map((p) => sx(p.x) + "," + sy(p.y)).join(" "), class: "front" }));
  }
  for (const p of points) {
    const clipped = p.x > x1 || p.y > y1;
    const cls = "dot" + (p.pareto ? " pareto" : "") + (p.outside ? " outside" : "");
    const mark = clipped
      ? cq.svg("path", { d: "M" + sx(p.x) + " " + (sy(p.y) - 7) + " l6 10 h-12 z", class: cls + " clipped" })
      : cq.svg("circle", { cx: sx(p.x), cy: sy(p.y), r: p.pareto ? 6 : 4.5, class: cls });
    mark.append(cq.svg("title", {}, p.label + ": " + p.y.toFixed(2) + " " + units + ", " + p.x.toFixed(1) + " h" + (clipped ? " (off scale)" : "")));
    svg.append(mark);
    svg.append(cq.svg("text", { x: sx(p.x) + 7, y: sy(p.y) - 7, class: "dot-label" }, p.label + (clipped ? " \u2191 off scale" : "")));
  }
  return svg;
};

// rows: [{label, value, text}] drawn as horizontal bars scaled to the largest value.
cqChart.bars = (rows, title) => {
  const W = 520, row = 24, L = 150, H = rows.length * row + 30;
  const svg = cq.svg("svg", { viewBox: "0 0 " + W + " " + H, class: "chart bars", role: "img", "aria-label": title });
  svg.append(cq.svg("text", { x: 4, y: 14, class: "label" }, title));
  const max = Math.max(...rows.map((r) => r.value || 0), 1e-9);
  rows.forEach((r, i) => {
    const y = 24 + i * row;
    svg.append(cq.svg("text", { x: L - 6, y: y + 14, class: "tick", "text-anchor": "end" }, r.label.slice(0, 22)));
    svg.append(cq.svg("rect", { x: L, y: y + 2, width: Math.max(1, (W - L - 90) * (r.value || 0) / max), height: row - 8, class: "bar" }));
    svg.append(cq.svg("text", { x: L + (W - L - 90) * (r.value || 0) / max + 6, y: y + 14, class: "tick" }, r.text));
  });
  return svg;
};
