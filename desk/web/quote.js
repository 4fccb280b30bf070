// Customer self-service: the sell side only (the API gives a customer nothing else): price,
// transit, validity and CO2e per option; booking one sends the quote for it and books it.
"use strict";

cq.signedInPage();

const form = document.getElementById("inquiry");
const results = document.getElementById("results");
const quoteBox = document.getElementById("quote");

const book = async (inquiry, rank) => {
  const quote = await cq.api("POST", "/v1/inquiries/" + inquiry + "/send", { options: [rank] });
  const booking = await cq.api("POST", "/v1/quotes/" + encodeURIComponent(quote.reference) + "/book", { option: rank });
  quote.booking = booking;
  cqQuote.show(quoteBox, quote);
  cq.clear(results).hidden = true;
  cq.status("Booked: " + quote.reference + ", option " + booking.optionRank + ".", "ok");
  loadHistory();
};

const render = (data) => {
  cq.clear(results);
  results.hidden = false;
  quoteBox.hidden = true;
  results.append(cq.el("h2", {}, data.options.length + " offer(s) for " + data.lane));
  const list = cq.el("div", { class: "offers", id: "offers" });
  for (const o of data.options) {
    const legs = (o.transportLegs || []).map((g) => g.flightNumber + " " + g.departureLocation + "\u2192" + g.arrivalLocation).join(", ");
    list.append(cq.el("div", { class: "offer-card", "data-rank": o.rank },
      cq.el("div", { class: "price" }, cq.money(o.price && o.price.total)),
      cq.el("div", {}, (o.carrier && o.carrier.name) + ": " + legs),
      cq.el("div", {}, "Transit " + cq.duration(o.totalTransitMinutes) + ", arrives " + ((o.timeOfAvailability || {}).local || "")),
      cq.el("div", {}, "CO2e " + (o.co2eKg !== null && o.co2eKg !== undefined ? Math.round(o.co2eKg) + " kg" : "n/a") +
        ", offer valid " + o.offerValidFrom + " to " + o.offerValidTo),
      cq.el("button", { type: "button", class: "book", onclick: async (ev) => {
        ev.target.disabled = true;
        try { await book(data.id, o.rank); } catch (err) { ev.target.disabled = false; cq.status(err.message, "error"); }
      } }, "Book this option")));
  }
  if (!data.options.length) list.append(cq.el("p", {}, "No flight offer matches this request; please contact us."));
  results.append(list);
};

cqForm.wire(form, "cqSelfLast", async (v) => {
  cq.status("Pricing\u2026");
  const data = await cq.api("POST", "/v1/inquiries", cqForm.request(v));
  cq.status("", "");
  render(data);
  loadHistory();
  const first = results.querySelector("button.book");
  if (first) first.focus();
});

const history = document.querySelector("#history tbody");
async function loadHistory() {
  const page = await cq.api("GET", "/v1/inquiries?limit=20");
  cq.clear(history);
  for (const i of page.items) {
    history.append(cq.el("tr", {}, cq.el("td", {}, i.id), cq.el("td", {}, i.lane),
      cq.el("td", {}, i.status === "quoted" ? "offered" : i.status), cq.el("td", {}, i.receivedAt.replace("T", " "))));
  }
}
loadHistory().catch((err) => cq.status(err.message, "error"));
