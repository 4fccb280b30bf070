"use strict";
// The login page keeps the pasted token for this tab only and goes back where the user came from.
document.getElementById("login").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const token = document.getElementById("token").value.trim();
  sessionStorage.setItem("cqToken", token);
  const next = new URLSearchParams(location.search).get("next");
  let target = next && /^\/(desk|quote|kpis)$/.test(next) ? next : null;
  if (!target) {
    // Staff land on the desk, customers on self-service: the KPI endpoint tells them apart.
    const res = await fetch("/v1/kpis?by=agent", { headers: { Authorization: "Bearer " + token } });
    if (res.status === 401) { cq.status("That token is not valid.", "error"); return; }
    target = res.status === 403 ? "/quote" : "/desk";
  }
  location.assign(target);
});
