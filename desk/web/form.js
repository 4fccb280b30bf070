// The inquiry form shared by /desk and /quote: the pieces table (Enter adds a row), the request
// document built from the fields, and the last inquiry's values one key away (Alt+L).
"use strict";

const cqForm = {};

cqForm.addPiece = (form, values) => {
  const body = form.querySelector("tbody.pieces");
  const n = body.rows.length + 1;
  const v = values || {};
  const cell = (name, label, value, attrs) => cq.el("td", {},
    cq.el("input", Object.assign({
      "data-piece": name, "aria-label": label + ", piece row " + n, inputmode: "decimal",
      value: value === undefined ? "" : value, size: 5,
    }, attrs || {})));
  const row = cq.el("tr", {},
    cell("count", "Count", v.count ?? 1, { inputmode: "numeric" }),
    cell("length", "Length cm", v.length),
    cell("width", "Width cm", v.width),
    cell("height", "Height cm", v.height),
    cell("kg", "Weight per piece kg", v.kg),
    cq.el("td", {}, cq.el("button", {
      type: "button", class: "small", "aria-label": "Remove piece row " + n,
      onclick: () => { if (body.rows.length > 1) row.remove(); },
    }, "\u00d7")));
  body.append(row);
  return row;
};

cqForm.pieces = (form) => [...form.querySelectorAll("tbody.pieces tr")].map((r) => {
  const val = (n) => r.querySelector('[data-piece="' + n + '"]').value.trim();
  return { count: val("count"), length: val("length"), width: val("width"), height: val("height"),
           kg: val("kg") };
}).filter((p) => p.length || p.width || p.height || p.kg);

cqForm.values = (form) => {
  const get = (id) => { const f = form.querySelector("#" + id); return f ? f.value.trim() : ""; };
  return { origin: get("origin").toUpperCase(), destination: get("destination").toUpperCase(),
           ready: get("ready"), commodity: get("commodity").toUpperCase(),
           customer: get("customer").toUpperCase(), declared: get("declared"),
           currency: get("declared-currency").toUpperCase(), sla: get("sla"),
           pieces: cqForm.pieces(form) };
};

// The quote request document (cargoquote.quote_request/1). Numbers stay text: the API parses
// decimals exactly and answers a bad one with a pointer to it.
cqForm.request = (v) => {
  const shipment = {
    origin: v.origin, destination: v.destination, commodity: v.commodity || "GEN",
    readyTime: v.ready,
    pieces: v.pieces.map((p) => ({
      count: Number(p.count || 1),
      grossWeight: { value: p.kg, unit: "KGM" },
      dimensions: { length: p.length, width: p.width, height: p.height, unit: "CMT" },
    })),
  };
  if (v.customer) shipment.customer = v.customer;
  if (v.declared) shipment.declaredValue = { amount: v.declared, currency: v.currency || "EUR" };
  const req = { schema: "cargoquote.quote_request/1", shipment };
  if (v.sla) req.sla = v.sla;
  return req;
};

cqForm.fill = (form, v) => {
  const set = (id, x) => { const f = form.querySelector("#" + id); if (f && x !== undefined) f.value = x; };
  set("origin", v.origin); set("destination", v.destination); set("ready", v.ready);
  set("commodity", v.commodity); set("customer", v.customer); set("declared", v.declared);
  set("declared-currency", v.currency); set("sla", v.sla);
  const body = cq.clear(form.querySelector("tbody.pieces"));
  for (const p of v.pieces && v.pieces.length ? v.pieces : [{}]) cqForm.addPiece(form, p);
  void body;
};

// Wires the form: Enter in a piece row adds the next row (Ctrl+Enter always submits), Alt+L
// recalls the last inquiry, and `submit(values)` is called with the form's values.
cqForm.wire = (form, storageKey, submit) => {
  cqForm.addPiece(form);
  const ready = form.querySelector("#ready");
  if (ready && !ready.value) {
    const t = new Date(Date.now() + 86400000);
    t.setMinutes(0, 0, 0);
    ready.value = new Date(t - t.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  }
  form.querySelector("tbody.pieces").addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter" || ev.ctrlKey) return;
    ev.preventDefault();
    const row = ev.target.closest("tr");
    const next = row.nextElementSibling || cqForm.addPiece(form);
    next.querySelector("input").focus();
  });
  form.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && ev.ctrlKey) { ev.preventDefault(); form.requestSubmit(); }
    if (ev.altKey && (ev.key === "l" || ev.key === "L")) {
      ev.preventDefault();
      const last = localStorage.getItem(storageKey);
      if (last) cqForm.fill(form, JSON.parse(last));
    }
  });
  const recall = form.querySelector(".recall");
  if (recall) recall.addEventListener("click", () => {
    const last = localStorage.getItem(storageKey);
    if (last) cqForm.fill(form, JSON.parse(last));
  });
  form.querySelector(".add-piece").addEventListener("click", () => {
    cqForm.addPiece(form).querySelector("input").focus();
  });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    cq.clearFieldErrors(form);
    const v = cqForm.values(form);
    localStorage.setItem(storageKey, JSON.stringify(v));
    try {
      await submit(v);
    } catch (err) {
      cq.status("", "");
      if (err.status === 400 || err.status === 403) cq.showFieldError(form, err);
      else cq.status(err.message, "error");
    }
  });
};
