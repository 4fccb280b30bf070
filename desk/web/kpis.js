// The desk's KPIs over a chosen period: a table, bar charts and a CSV export of the same rows.
"use strict";

cq.signedInPage();

const form = document.getElementById("period");
const body = document.querySelector("#kpis tbody");
const charts = document.getElementById("charts");
let shown = null;

const columns = ["key", "label", "inquiries", "quotesSent", "bookings", "conversion", "medianHandlingSeconds", "p90HandlingSeconds"];

async function load() {
  const q = new URLSearchParams({ by: document.getElementById("by").value });
  const from = document.getElementById("from").value, to = document.getElementById("to").value;
  if (from) q.set("from", from);
  if (to) q.set("to", to);
  try {
    shown = await cq.api("GET", "/v1/kpis?" + q);
  } catch (err) {
    cq.status(err.status === 403 ? "Only staff and admins may see the KPIs." : err.message, "error");
    return;
  }
  cq.status(shown.groups.length + " group(s).", "ok");
  cq.clear(body);
  for (const g of shown.groups) {
    body.append(cq.el("tr", {}, cq.el("td", {}, g.label || g.key), cq.el("td", { class: "num" }, g.inquiries),
      cq.el("td", { class: "num" }, g.quotesSent), cq.el("td", { class: "num" }, g.bookings),
      cq.el("td", { class: "num" }, cq.percent(g.conversion)), cq.el("td", { class: "num" }, cq.seconds(g.medianHandlingSeconds)),
      cq.el("td", { class: "num" }, cq.seconds(g.p90HandlingSeconds))));
  }
  cq.clear(charts);
  const label = (g) => String(g.label || g.key);
  charts.append(
    cqChart.bars(shown.groups.map((g) => ({ label: label(g), value: g.conversion, text: cq.percent(g.conversion) })), "Conversion"),
    cqChart.bars(shown.groups.map((g) => ({ label: label(g), value: g.medianHandlingSeconds || 0, text: cq.seconds(g.medianHandlingSeconds) })), "Median handling time"));
}

// RFC 4180 fields; a leading = + - @ is prefixed with ' so a spreadsheet never runs it.
const csvField = (v) => {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@]/.test(s)) s = "'" + s;
  return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
};

document.getElementById("csv").addEventListener("click", () => {
  if (!shown) return;
  const lines = [columns.join(",")].concat(shown.groups.map((g) => columns.map((c) => csvField(g[c])).join(",")));
  const blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" });
  const a = cq.el("a", { href: URL.createObjectURL(blob), download: "kpis-" + shown.by + ".csv" });
  document.body.append(a);
  a.click();
  a.remove();
});

form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
document.getElementById("by").addEventListener("change", load);
load();
