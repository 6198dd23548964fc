// Progressive enhancement for every page (the pages work without it):
// 1. A confirmation dialog (<dialog id="confirm-dialog">) before destructive actions: a form or its submit button with
//    data-confirm="message" (plain forms and htmx forms alike; htmx elements with data-confirm too). Without
//    JavaScript the form simply submits and the server's own rules still apply.
// 2. Tables with class "stack" become one card per row on a phone (site.css); each cell is labelled here with its
//    column's header so that the card reads "牵头单位：…".
(() => {
  "use strict";
  const dialog = () => document.getElementById("confirm-dialog");

  function ask(message, okText, danger) {
    const d = dialog();
    if (!d || typeof d.showModal !== "function") return Promise.resolve(window.confirm(message));
    d.querySelector(".confirm-message").textContent = message;
    const ok = d.querySelector(".confirm-ok");
    ok.textContent = okText || ok.dataset.default;
    ok.classList.toggle("danger", danger);
    ok.classList.toggle("primary", !danger);
    return new Promise(resolve => {
      d.returnValue = "";
      d.addEventListener("close", () => resolve(d.returnValue === "ok"), { once: true });
      d.showModal();
      d.querySelector(".confirm-cancel").focus();
    });
  }

  const confirmed = new WeakSet();
  document.addEventListener("submit", e => {
    const form = e.target, submitter = e.submitter;
    const message = submitter?.dataset.confirm ?? form.dataset.confirm;
    if (!message || confirmed.has(form)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const label = submitter?.dataset.confirmButton ?? form.dataset.confirmButton ?? submitter?.textContent.trim();
    const danger = (submitter ?? form).closest("[data-confirm-kind=primary]") === null;
    ask(message, label, danger).then(yes => {
      if (!yes) return;
      confirmed.add(form);
      try { submitter && submitter.form === form ? form.requestSubmit(submitter) : form.requestSubmit(); }
      finally { confirmed.delete(form); }
    });
  }, true);

  // htmx requests started by something other than a form's submit (hx-post on a button).
  document.addEventListener("htmx:confirm", e => {
    const elt = e.detail.elt;
    if (!elt.dataset || !elt.dataset.confirm || elt.tagName === "FORM" || e.detail.triggeringEvent?.type === "submit") return;
    e.preventDefault();
    ask(elt.dataset.confirm, elt.dataset.confirmButton ?? elt.textContent.trim(), true).then(yes => { if (yes) e.detail.issueRequest(true); });
  });

  function labelTables(root) {
    const tables = [...root.querySelectorAll("table.stack")];
    if (root.matches?.("table.stack")) tables.push(root);
    for (const table of tables) {
      const head = [...table.rows].find(r => r.cells.length > 0 && [...r.cells].every(c => c.tagName === "TH"));
      if (!head) continue;
      const labels = [];
      for (const c of head.cells) for (let i = 0; i < c.colSpan; i++) labels.push(c.textContent.trim());
      for (const row of table.rows) {
        if (row === head) continue;
        let col = 0;
        for (const cell of row.cells) {
          if (!cell.hasAttribute("data-label")) cell.dataset.label = cell.colSpan > 1 ? "" : labels[col] ?? "";
          col += cell.colSpan;
        }
      }
    }
  }
  document.addEventListener("DOMContentLoaded", () => labelTables(document));
  document.addEventListener("htmx:load", e => labelTables(e.detail.elt));
})();
