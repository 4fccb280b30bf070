// The customer-facing quote (reference, sell price, validity, routing) as the server wrote it,
// shown as text ready to copy and print, with a Book button per offered option. Used by both
// the desk and self-service pages.
"use strict";

const cqQuote = {};

cqQuote.show = (box, quote, onBooked) => {
  cq.clear(box);
  box.hidden = false;
  const pre = cq.el("pre", { id: "quote-text", class: "quote-text", tabindex: "0" }, quote.text);
  const copy = cq.el("button", { type: "button", id: "copy-quote", onclick: async () => {
    try { await navigator.clipboard.writeText(quote.text); cq.status("Quote copied."); }
    catch (e) {
      const range = document.createRange(); range.selectNodeContents(pre);
      const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range);
      cq.status("Quote selected: press Ctrl+C to copy.");
    }
  } }, "Copy quote");
  const print = cq.el("button", { type: "button", onclick: () => window.print() }, "Print");
  const books = cq.el("p", { class: "actions no-print" });
  for (const o of quote.options || []) {
    books.append(cq.el("button", {
      type: "button", class: "book", "data-rank": o.rank,
      onclick: async (ev) => {
        ev.target.disabled = true;
        try {
          const booking = await cq.api("POST", "/v1/quotes/" + encodeURIComponent(quote.reference) + "/book", { option: o.rank });
          cq.status("Booked option " + booking.optionRank + " of " + booking.quote + ".", "ok");
          box.querySelector(".booked").textContent = "Booked: option " + booking.optionRank + " at " + booking.bookedAt;
          for (const b of books.querySelectorAll("button")) b.disabled = true;
          if (onBooked) onBooked(booking);
        } catch (err) { ev.target.disabled = false; cq.status(err.message, "error"); }
      },
    }, "Book option " + o.rank + " (" + (o.carrier && o.carrier.code) + ", " + cq.money(o.price && o.price.total) + ")"));
  }
  box.append(
    cq.el("h2", {}, "Quote " + quote.reference),
    cq.el("p", { class: "no-print" }, "Valid " + quote.offerValidFrom + " to " + quote.offerValidTo + ". ", copy, " ", print),
    pre, books, cq.el("p", { class: "booked", role: "status" }));
  if (quote.booking) {
    box.querySelector(".booked").textContent = "Booked: option " + quote.booking.optionRank;
    for (const b of books.querySelectorAll("button")) b.disabled = true;
  }
};
