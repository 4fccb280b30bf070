// The staff desk: quote an inquiry, compare its ranked options (table, details, chart), see
// what is outside the SLA or not priced, send the customer quote, book; today's inquiries.
"use strict";

cq.signedInPage();

const form = document.getElementById("inquiry");
const results = document.getElementById("results");
const quoteBox = document.getElementById("quote");
let current = null;  // the inquiry shown

const th = (t) => cq.el("th", { scope: "col" }, t);
const td = (t, cls) => cq.el("td", cls ? { class: cls } : {}, t);
const hours = (min) => min / 60;

// Limits an SLA breach names are drawn on the chart: the transit limit in hours and the price
// limit as a share over the cheapest option.
const slaLimits = (result, cheapest) => {
  const limits = { maxX: null, maxY: null };
  for (const r of result.slaRejections || []) {
    for (const b of r.breaches || []) {
      const n = parseFloat(b.allowed);
      if (b.limit === "max_transit_hours" && !isNaN(n)) limits.maxX = n;
      if (b.limit === "max_price_over_cheapest" && !isNaN(n)) limits.maxY = cheapest * (1 + n / 100);
      if (b.limit === "max_price" && !isNaN(n)) limits.maxY = n;
    }
  }
  return limits;
};

const detailsOf = (o) => {
  const opt = o.option || {};
  const price = opt.price || {};
  const quoted = opt.quoted || {};
  // Amounts in the quote currency (quoted.ratelines, a rounding line last when the converted
  // lines miss the converted total); basis, quantity and rate as rated (price.ratelines).
  const currency = (quoted.buyTotal && quoted.buyTotal.currency) || price.currency || "";
  const caption = "Charge lines (" + currency +
    (price.currency && price.currency !== currency ? ", priced in " + price.currency : "") + ")";
  const lines = cq.el("table", { class: "lines" },
    cq.el("caption", {}, caption),
    cq.el("thead", {}, cq.el("tr", {}, th("Code"), th("Description"), th("Basis"), th("Quantity"), th("Rate"), th("Amount"))));
  const lb = cq.el("tbody");
  const rated = price.ratelines || [];
  (quoted.ratelines || []).forEach((q, i) => {
    const l = rated[i] || {};
    lb.append(cq.el("tr", {}, td(q.code), td(q.description), td(l.basis || ""),
      td(l.quantity ? l.quantity.value + " " + l.quantity.unit : ""), td(l.rate ? cq.money(l.rate) : ""),
      td(cq.money(q.amount), "num")));
  });
  lb.append(cq.el("tr", { class: "total" }, td(""), td("Buy total"), td(""), td(""), td(""), td(cq.money(o.buyTotal), "num")));
  lb.append(cq.el("tr", { class: "total" }, td(""), td("Margin " + ((price.margin && price.margin.marginId) || "")), td(""), td(""), td(""), td(cq.money(o.margin), "num")));
  lb.append(cq.el("tr", { class: "total" }, td(""), td("Sell total"), td(""), td(""), td(""), td(cq.money(o.sellTotal), "num")));
  lines.append(lb);
  const legs = cq.el("table", { class: "legs" }, cq.el("caption", {}, "Legs"),
    cq.el("thead", {}, cq.el("tr", {}, th("Flight"), th("From"), th("Departs (local)"), th("To"), th("Arrives (local)"), th("Aircraft"))));
  const gb = cq.el("tbody");
  for (const g of opt.transportLegs || []) {
    gb.append(cq.el("tr", {}, td(g.flightNumber), td(g.departureLocation), td(g.departure && g.departure.local),
      td(g.arrivalLocation), td(g.arrival && g.arrival.local), td(g.aircraftType + " " + g.aircraftCategory)));
  }
  legs.append(gb);
  const times = cq.el("p", { class: "times" },
    "Cut-off " + ((opt.latestAcceptanceTime || {}).local || "") + ", available " + ((opt.timeOfAvailability || {}).local || "") +
    ", chargeable " + ((opt.chargeableWeight || {}).chargeableWeight || "") + " kg, rate line " +
    ((opt.rateSheet || {}).lineId || "") + ", offer valid " + o.offerValidFrom + " to " + o.offerValidTo + ".");
  return cq.el("details", { class: "option", "data-rank": o.rank },
    cq.el("summary", {}, "#" + o.rank + " " + o.routing + ": charge lines, legs and times"),
    lines, legs, times);
};

const render = (data) => {
  current = data;
  cq.clear(results);
  quoteBox.hidden = true;
  const result = data.result || {};
  const sel = result.selection || {};
  results.append(cq.el("h2", {}, "Inquiry " + data.id + ": " + data.lane + (data.customer ? " for " + data.customer : "")),
    cq.el("p", { class: "hint" }, "SLA " + (sel.sla || "none") + ", ranked by " + (sel.method || "") + " (" +
      (sel.methodSource || "") + " weights " + (sel.weights || "") + ")" + (sel.prepaymentRequired ? ", prepayment required" : "") + "."));
  const byRank = new Map((result.bookingOptions || []).map((b) => [b.rank, b]));
  const table = cq.el("table", { id: "options", class: "options" },
    cq.el("thead", {}, cq.el("tr", {}, th("Offer"), th("Rank"), th("Carrier"), th("Sell"), th("Buy"), th("Margin"),
      th("Transit"), th("Reliability"), th("Risk"), th("CO2e kg"), th("Pareto"), th("Why"))));
  const body = cq.el("tbody");
  for (const o of data.options) {
    const a = (byRank.get(o.rank) || o.option || {}).assessment || {};
    const c = a.criteria || {};
    body.append(cq.el("tr", {},
      cq.el("td", {}, cq.el("input", { type: "checkbox", class: "offer", value: o.rank, checked: o.rank === 1,
                                        "aria-label": "Offer option " + o.rank })),
      td(o.rank), cq.el("td", {}, ((o.option && o.option.carrier && o.option.carrier.name) || o.carrier),
        cq.el("br"), cq.el("small", {}, o.routing)), td(cq.money(o.sellTotal), "num"), td(cq.money(o.buyTotal), "num"),
      td(cq.money(o.margin), "num"), td(cq.duration(o.transitMinutes)), td(cq.percent(c.reliability)), td(cq.percent(c.risk)),
      td(c.co2eKg !== undefined ? Math.round(c.co2eKg) : ""), td(a.pareto ? "\u2605" : ""),
      td(a.why || (o.rank === 1 ? "ranks first: the best balance under these weights" : ""))));
  }
  table.append(body);
  const sendButton = cq.el("button", { type: "button", id: "send", onclick: send }, "Send quote (Alt+S)");
  results.append(table, cq.el("p", { class: "actions" }, sendButton));
  results.append(...data.options.map(detailsOf));

  const currency = (data.options[0] && data.options[0].sellTotal && data.options[0].sellTotal.currency) || "";
  const points = data.options.map((o) => {
    const a = (byRank.get(o.rank) || o.option || {}).assessment || {};
    return { x: hours(o.transitMinutes || 0), y: parseFloat(o.sellTotal.amount), label: "#" + o.rank + " " + o.carrier, pareto: !!a.pareto };
  });
  for (const r of result.slaRejections || []) {
    const c = r.criteria || {};
    points.push({ x: hours(c.transitMinutes || 0), y: c.price || 0, label: (r.option && r.option.carrier && r.option.carrier.code), outside: true });
  }
  const cheapest = Math.min(...points.map((p) => p.y));
  results.append(cq.el("figure", {}, cqChart.scatter(points, slaLimits(result, cheapest), currency),
    cq.el("figcaption", {}, "Sell price against transit. Stars and the line: the Pareto front; hollow: outside the SLA; dashed: SLA limits; a triangle at the edge is off scale.")));

  const outside = cq.el("ul", { id: "outside-sla" });
  for (const r of result.slaRejections || []) {
    const c = r.criteria || {};
    outside.append(cq.el("li", {}, (r.option && r.option.carrier ? r.option.carrier.code + " " + r.option.carrier.name : "") +
      ": " + (c.price || 0).toFixed(2) + " " + currency + ", transit " + cq.duration(c.transitMinutes) + ": " +
      (r.breaches || []).map((b) => b.limit + " " + b.actual + " (limit " + b.allowed + ")").join("; ")));
  }
  const unpriced = cq.el("ul", { id: "not-priced" });
  for (const r of result.rejections || []) {
    unpriced.append(cq.el("li", {}, r.reason + ": " + r.message + " (" + r.itinerary + ")"));
  }
  results.append(cq.el("h3", {}, "Outside the SLA (" + outside.children.length + ")"), outside,
    cq.el("h3", {}, "Could not be priced (" + unpriced.children.length + ")"), unpriced);
};

async function send() {
  if (!current) return;
  const ranks = [...results.querySelectorAll("input.offer:checked")].map((c) => Number(c.value));
  try {
    const quote = await cq.api("POST", "/v1/inquiries/" + current.id + "/send", { options: ranks.length ? ranks : [1] });
    cqQuote.show(quoteBox, quote, () => loadToday());
    cq.status("Quote " + quote.reference + " sent.", "ok");
    quoteBox.querySelector("#copy-quote").focus();
    loadToday();
  } catch (err) { cq.status(err.message, "error"); }
}

cqForm.wire(form, "cqDeskLast", async (v) => {
  cq.status("Quoting\u2026");
  const data = await cq.api("POST", "/v1/inquiries", cqForm.request(v));
  cq.status(data.options.length + " option(s) priced.", "ok");
  render(data);
  loadToday();
  const send = document.getElementById("send");
  if (send) send.focus();
});

document.addEventListener("keydown", (ev) => {
  if (ev.altKey && (ev.key === "s" || ev.key === "S")) { ev.preventDefault(); send(); }
});

// Today's inquiries (received since midnight UTC) and a running handling clock on open ones.
const today = document.querySelector("#today tbody");
async function loadToday() {
  const from = new Date().toISOString().slice(0, 10);
  try {
    const page = await cq.api("GET", "/v1/inquiries?limit=50&from=" + from);
    cq.clear(today);
    for (const i of page.items) {
      const clock = cq.el("td", { class: "clock", "data-since": i.status === "open" ? i.receivedAt : "" });
      today.append(cq.el("tr", { class: "status-" + i.status }, td(i.id), td(i.lane), td(i.customer || ""), td(i.channel),
        td(i.status === "quoted" ? "sent" : i.status === "open" ? "new/open" : i.status), td(i.receivedAt.slice(11, 19) + "Z"), clock));
    }
    tick();
  } catch (err) { if (err.status === 403) cq.status("You may not list inquiries.", "error"); }
}
function tick() {
  for (const c of today.querySelectorAll("td.clock")) {
    const since = c.getAttribute("data-since");
    c.textContent = since ? cq.seconds((Date.now() - Date.parse(since)) / 1000) : "";
  }
}
loadToday();
setInterval(tick, 1000);
setInterval(loadToday, 30000);
