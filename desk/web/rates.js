// An admin's rate sheet import: Check sends the workbook and its mapping as a dry run and shows
// the validation report and the diff against the rates in force; Apply, enabled only after a
// clean check of the same files, sends them again for real.
"use strict";

cq.signedInPage();

const form = document.getElementById("sheet");
const workbook = document.getElementById("workbook");
const mapping = document.getElementById("mapping");
const applyButton = document.getElementById("apply");
const report = document.getElementById("report");
const diff = document.getElementById("diff");

const categories = ["new", "removed", "increased", "decreased", "changed", "unchanged"];

function upload(dryRun) {
  const data = new FormData();
  data.append("workbook", workbook.files[0]);
  data.append("mapping", mapping.files[0]);
  return cq.api("POST", "/v1/admin/rate-sheets?dry_run=" + dryRun, data);
}

// One line per break that moved: "45: 31.90 -> 32.90 (+1.00)".
function changesCell(items) {
  if (!items.length) return cq.el("td", {});
  return cq.el("td", {}, cq.el("ul", { class: "breaks" }, ...items.map((i) =>
    cq.el("li", {}, cq.el("span", { class: "break" }, i.item + ":"), " " + (i.before ?? "-") + " \u2192 " +
      (i.after ?? "-") + (i.change ? " (" + i.change + ")" : "")))));
}

function showReport(result) {
  cq.clear(report);
  const errors = result.errors || [];
  report.append(cq.el("h2", {}, "Validation"),
    cq.el("p", { class: errors.length ? "bad" : "good" }, result.sheet + ": " + result.rows + " row(s), " +
      (errors.length ? errors.length + " error(s): nothing can be written" : "no errors") +
      (result.first_valid_day ? ", first valid day " + result.first_valid_day : "")));
  if (!errors.length) return;
  report.append(cq.el("table", { id: "errors" },
    cq.el("thead", {}, cq.el("tr", {}, cq.el("th", { scope: "col" }, "Cell"), cq.el("th", { scope: "col" }, "Problem"))),
    cq.el("tbody", {}, ...errors.map((e) => cq.el("tr", {}, cq.el("td", {}, e.location), cq.el("td", {}, e.message))))));
}

function showDiff(result) {
  cq.clear(diff);
  const lines = result.lines || [];
  if (!result.ok) return;
  const s = result.summary || {};
  diff.append(cq.el("h2", {}, "Against the rates in force"),
    cq.el("p", { id: "summary" }, categories.map((c) => (s[c] || 0) + " " + c).join(", ")));
  for (const category of categories) {
    const rows = lines.filter((l) => l.change === category);
    if (!rows.length) continue;
    diff.append(cq.el("table", { class: "diff", "data-change": category },
      cq.el("caption", {}, category + " (" + rows.length + ")"),
      cq.el("thead", {}, cq.el("tr", {}, ...["Carrier", "Lane", "Class", "Commodity", "Currency", "Line", "Replaces", "Per break (before \u2192 after)"]
        .map((h) => cq.el("th", { scope: "col" }, h)))),
      cq.el("tbody", {}, ...rows.map((l) => cq.el("tr", {},
        cq.el("td", {}, l.carrier), cq.el("td", {}, l.origin + "-" + l.destination), cq.el("td", {}, l.rate_class),
        cq.el("td", {}, l.commodity), cq.el("td", {}, l.currency), cq.el("td", {}, l.line_id),
        cq.el("td", {}, l.previous_line_id), changesCell(l.items))))));
  }
  if ((result.ended || []).length) {
    diff.append(cq.el("h3", {}, "Previous versions ended"),
      cq.el("ul", { id: "ended" }, ...result.ended.map((e) => cq.el("li", {}, e.line_id + " now ends " + e.valid_to))));
  }
}

function show(result) {
  showReport(result);
  showDiff(result);
}

async function send(dryRun) {
  applyButton.disabled = true;
  cq.status(dryRun ? "Checking\u2026" : "Applying\u2026");
  try {
    const result = await upload(dryRun);
    show(result);
    if (dryRun) {
      applyButton.disabled = false;
      cq.status("The sheet is clean: Apply writes it.", "ok");
    } else {
      cq.status("Applied: the desk now quotes on rate snapshot " + result.rateSnapshot + ".", "ok");
    }
  } catch (err) {
    if (err.status === 422 && err.data && err.data.errors) {
      show(err.data);
      cq.status("The sheet has errors: fix them and check again.", "error");
    } else if (err.status === 403) {
      cq.status("Only admins may import rate sheets.", "error");
    } else {
      cq.clear(report);
      cq.clear(diff);
      cq.status((err.field ? err.field + ": " : "") + err.message, "error");
    }
  }
}

// Other files than the ones checked must be checked again before they can be applied.
for (const input of [workbook, mapping]) input.addEventListener("change", () => { applyButton.disabled = true; });
form.addEventListener("submit", (ev) => { ev.preventDefault(); send(true); });
applyButton.addEventListener("click", () => send(false));
