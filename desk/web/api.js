// Shared by every page: the token kept in sessionStorage, calls to the /v1 API with it, and DOM
// helpers that only ever insert text (never HTML built from data).
"use strict";

const cq = {};

cq.token = () => sessionStorage.getItem("cqToken");

// Element factory: attributes are set one by one and children become text nodes, so a hostile
// name such as <script> is shown as characters, never parsed.
cq.el = (tag, attrs, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
};

cq.svg = (tag, attrs, text) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

cq.clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };

cq.status = (text, kind) => {
  const box = document.getElementById("status");
  if (!box) return;
  box.textContent = text || "";
  box.className = kind || "";
};

// An API call; 401 sends the user to /login, other errors throw the server's error document
// (err.data holds the whole answer, e.g. a refused import's report). A FormData body goes as
// multipart/form-data, anything else as JSON.
cq.api = async (method, path, body) => {
  const headers = { "Authorization": "Bearer " + (cq.token() || "") };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers["Content-Type"] = "application/json";
  const res = await fetch(path, {
    method, headers, body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401) {
    location.assign("/login?next=" + encodeURIComponent(location.pathname));
    throw new Error("not signed in");
  }
  if (!res.ok) {
    const err = new Error((data.error && data.error.message) || ("HTTP " + res.status));
    err.status = res.status;
    err.field = data.error && data.error.field;
    err.data = data;
    throw err;
  }
  return data;
};

cq.requireToken = () => {
  if (!cq.token()) location.assign("/login?next=" + encodeURIComponent(location.pathname));
};

cq.money = (m) => (m && m.amount !== undefined ? m.amount + " " + m.currency : "");
cq.duration = (minutes) => {
  if (minutes === null || minutes === undefined) return "";
  const d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
  return (d ? d + "d " : "") + String(h).padStart(2, "0") + "h" + String(m).padStart(2, "0") + "m";
};
cq.seconds = (s) => {
  if (s === null || s === undefined) return "";
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = Math.floor(s % 60);
  return (h ? h + "h " : "") + String(m).padStart(2, "0") + "m " + String(r).padStart(2, "0") + "s";
};
cq.percent = (x) => (x === null || x === undefined ? "" : (100 * x).toFixed(1) + " %");

// Marks the field a JSON Pointer from an error document points at, with the message beside it.
// The pointer's last segments name the field: /shipment/pieces/0/grossWeight/value -> the first
// piece row's weight box.
cq.clearFieldErrors = (form) => {
  for (const e of form.querySelectorAll(".field-error")) e.remove();
  for (const e of form.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
};

cq.fieldFor = (form, pointer) => {
  if (!pointer) return null;
  const parts = pointer.split("/").filter(Boolean);
  const pieceAt = parts.indexOf("pieces");
  if (pieceAt >= 0) {
    const rows = form.querySelectorAll("tbody.pieces tr");
    const row = rows[Number(parts[pieceAt + 1])] || rows[0];
    const key = parts[pieceAt + 2];
    const map = { count: "count", grossWeight: "kg", dimensions: parts[pieceAt + 3] || "length" };
    const name = map[key] || "count";
    return row ? row.querySelector('[data-piece="' + name + '"]') : null;
  }
  for (let i = parts.length - 1; i >= 0; --i) {
    const f = form.querySelector('[data-pointer~="' + parts[i] + '"]');
    if (f) return f;
  }
  return null;
};

cq.showFieldError = (form, err) => {
  const field = cq.fieldFor(form, err.field);
  const note = cq.el("span", { class: "field-error", role: "alert", text: err.message });
  if (field) {
    field.setAttribute("aria-invalid", "true");
    field.insertAdjacentElement("afterend", note);
    field.focus();
  } else {
    form.prepend(note);
  }
};

cq.signOutLink = () => {
  const link = document.getElementById("signout");
  if (link) link.addEventListener("click", () => sessionStorage.removeItem("cqToken"));
};

// Links marked data-role="admin" stay hidden unless the token is an admin's (only an admin may
// list the users; the list itself is not used).
cq.showAdminLinks = async () => {
  const links = document.querySelectorAll('nav [data-role="admin"]');
  if (!links.length || !cq.token()) return;
  const res = await fetch("/v1/users", { headers: { "Authorization": "Bearer " + cq.token() } })
    .catch(() => null);
  if (res && res.ok) for (const a of links) a.hidden = false;
};

// What every signed-in page does first: back to /login without a token, and a working sign-out.
cq.signedInPage = () => {
  cq.requireToken();
  cq.signOutLink();
  cq.showAdminLinks();
};
