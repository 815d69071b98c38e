// Staff page: polls the escalation list, shows one escalation with its transcript and audit trail, and
// acknowledges or resolves it. Every value from the server is set with textContent, never as HTML, so
// whatever a visitor typed is shown as text and never runs.
"use strict";

(() => {
  const POLL_MS = 5000;
  const HEADERS = { "X-Staff-Request": "1" };
  const $ = (id) => document.getElementById(id);
  let selectedId = null;
  let timer = null;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString() : "";
  }

  async function api(method, path, body) {
    const init = { method, headers: { ...HEADERS }, credentials: "same-origin", cache: "no-store" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch("/staff/api" + path, init);
    if (response.status === 401 && path !== "/me" && path !== "/session") {
      showSignIn();
      throw new Error("Signed out");
    }
    return response;
  }

  async function start() {
    const response = await api("GET", "/me");
    const me = await response.json();
    if (!me.signedIn) {
      showSignIn(me);
      return;
    }
    $("who-name").textContent = me.name;
    $("who").hidden = false;
    $("sign-in").hidden = true;
    $("board").hidden = false;
    await refresh();
    timer = setInterval(refresh, POLL_MS);
  }

  function showSignIn(me) {
    clearInterval(timer);
    $("board").hidden = true;
    $("who").hidden = true;
    $("sign-in").hidden = false;
    if (me) {
      $("key-form").hidden = !me.key;
      $("entra-sign-in").hidden = !me.entra;
    }
    if (new URLSearchParams(location.search).get("signin") === "failed") {
      $("sign-in-error").textContent = "Sign-in failed, or your account may not use this page.";
    }
  }

  async function signIn(event) {
    event.preventDefault();
    $("sign-in-error").textContent = "";
    const response = await api("POST", "/session", { name: $("key-name").value, key: $("key-value").value });
    if (response.ok) {
      $("key-value").value = "";
      await start();
      return;
    }
    const problem = await response.json().catch(() => ({}));
    $("sign-in-error").textContent = problem.error || "Sign-in failed.";
  }

  async function signOut() {
    await api("DELETE", "/session");
    selectedId = null;
    showSignIn({ key: !$("key-form").hidden, entra: !$("entra-sign-in").hidden });
  }

  async function refresh() {
    try {
      const response = await api("GET", "/escalations?status=" + encodeURIComponent($("filter").value));
      if (!response.ok) throw new Error("HTTP " + response.status);
      const data = await response.json();
      renderList(data.escalations);
      $("updated").textContent = "Updated " + new Date().toLocaleTimeString();
      $("board-error").textContent = "";
      if (selectedId) await showDetail(selectedId);
    } catch (error) {
      if (error.message !== "Signed out") $("board-error").textContent = "Could not load escalations (" + error.message + "); retrying.";
    }
  }

  function renderList(items) {
    const list = $("list");
    list.replaceChildren();
    if (items.length === 0) list.append(el("li", "Nothing here."));
    for (const item of items) {
      const row = el("li", null, "p" + Math.min(item.priority, 3) + (item.id === selectedId ? " selected" : ""));
      row.tabIndex = 0;
      row.dataset.id = item.id;
      row.append(
        el("strong", item.kind + " · priority " + item.priority + " · " + item.status, "line"),
        el("span", when(item.createdAt), "line"),
        el("span", item.triggeringText, "line"));
      row.addEventListener("click", () => select(item.id));
      row.addEventListener("keydown", (event) => { if (event.key === "Enter") select(item.id); });
      list.append(row);
    }
  }

  async function select(id) {
    selectedId = id;
    for (const row of $("list").children) row.classList.toggle("selected", row.dataset.id === id);
    await showDetail(id);
  }

  async function showDetail(id) {
    const response = await api("GET", "/escalations/" + encodeURIComponent(id));
    if (!response.ok) {
      $("detail").hidden = true;
      return;
    }
    renderDetail(await response.json());
  }

  function renderDetail(detail) {
    const e = detail.escalation;
    $("detail").hidden = false;
    $("detail-title").textContent = e.kind + " (priority " + e.priority + ")";
    let status = e.status;
    if (e.acknowledgedBy) status += " · acknowledged by " + e.acknowledgedBy + " " + when(e.acknowledgedAt);
    if (e.resolvedBy) status += " · resolved by " + e.resolvedBy + " " + when(e.resolvedAt);
    $("detail-status").textContent = status;
    $("acknowledge").hidden = e.status !== "open";
    $("resolve").hidden = e.status === "resolved";

    const facts = $("detail-facts");
    facts.replaceChildren();
    const add = (name, value) => { if (value) facts.append(el("dt", name), el("dd", value)); };
    add("Escalation", e.id);
    add("Reasons", e.reasons.join(", "));
    add("Created", when(e.createdAt));
    if (e.contact) {
      add("Phone", e.contact.phone);
      add("Email", e.contact.email);
    }
    $("detail-message").textContent = e.triggeringText;

    const transcript = $("detail-transcript");
    transcript.replaceChildren();
    for (const line of detail.transcript) {
      const item = el("li", null, line.role);
      item.append(el("span", (line.role === "user" ? "Visitor" : "Bot") + " (" + when(line.at) + "): ", line.role), el("span", line.text));
      transcript.append(item);
    }
    if (detail.transcript.length === 0) transcript.append(el("li", detail.transcriptExcerpt || "No transcript kept."));

    const deliveries = $("detail-deliveries");
    deliveries.replaceChildren();
    for (const d of e.deliveries) {
      deliveries.append(el("li", d.sink + ": " + d.status + " after " + d.attempts + " attempt(s)" +
        (d.deliveredAt ? ", " + when(d.deliveredAt) : "") + (d.lastError && d.status !== "delivered" ? " (" + d.lastError + ")" : "")));
    }
    if (e.deliveries.length === 0) deliveries.append(el("li", "No staff sink is configured: this page is the only alert."));

    const audit = $("detail-audit");
    audit.replaceChildren();
    for (const a of detail.audit) audit.append(el("li", when(a.at) + ": " + a.action + " by " + a.actor));
  }

  async function act(verb) {
    if (!selectedId) return;
    const response = await api("POST", "/escalations/" + encodeURIComponent(selectedId) + "/" + verb);
    if (response.ok) {
      renderDetail(await response.json());
      await refresh();
    } else {
      $("board-error").textContent = "Could not " + verb + " (HTTP " + response.status + ").";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("key-form").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", signOut);
    $("filter").addEventListener("change", refresh);
    $("acknowledge").addEventListener("click", () => act("acknowledge"));
    $("resolve").addEventListener("click", () => act("resolve"));
    start().catch((error) => { $("sign-in-error").textContent = "Could not reach the server (" + error.message + ")."; });
  });
})();
