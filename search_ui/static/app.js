// Gonggao search: progressive enhancement only; every feature works without this file.
// (No auto-submit on <select> change: WCAG 3.2.2 — keyboard users change options one by one.)
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // Keep shared URLs short: empty fields (no dates, default sort) are left out of the query.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("search")) return;
    Array.prototype.forEach.call(form.elements, function (el) {
      if ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el.name && el.value === "") {
        el.disabled = true;
      }
    });
    // re-enable after the navigation starts, so the back/forward cache shows a usable form
    setTimeout(function () {
      Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
    }, 0);
  });

  // Copy buttons (the citation, the feed address): shown only where the clipboard API is there to run it.
  function copyButton(button, field) {
    if (!button || !field || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = button.getAttribute("data-copied");
      }, function () {
        field.select();
      });
    });
  }
  copyButton(document.getElementById("copy-citation"), document.getElementById("citation"));
  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    copyButton(button, document.getElementById(button.getAttribute("data-copy")));
  });

  // The filter drawer on narrow screens: the filters button opens the filters over the results
  // (a modal dialog: the rest of the page is inert, Escape or "back to results" closes it).
  var narrow = window.matchMedia("(max-width: 48rem)");
  function drawerParts() {
    return {button: document.getElementById("filters-button"), facets: document.getElementById("facets"),
            close: document.getElementById("drawer-close")};
  }
  function setInert(on) {
    // everything but the drawer and its ancestors: the siblings at each level up to <body>
    var node = document.getElementById("facets");
    while (node && node !== document.body && node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node) sibling.inert = on;
      });
      node = node.parentElement;
    }
  }
  function openDrawer() {
    var d = drawerParts();
    root.classList.add("drawer-open");
    d.facets.setAttribute("role", "dialog");
    d.facets.setAttribute("aria-modal", "true");
    d.button.setAttribute("aria-expanded", "true");
    setInert(true);
    d.facets.focus();
  }
  function closeDrawer() {
    var d = drawerParts();
    if (!root.classList.contains("drawer-open")) return;
    root.classList.remove("drawer-open");
    d.facets.removeAttribute("role");
    d.facets.removeAttribute("aria-modal");
    setInert(false);
    if (d.button) {
      d.button.setAttribute("aria-expanded", "false");
      d.button.focus();
    }
  }
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("#filters-button, #drawer-close") : null;
    if (!target || !narrow.matches) return;
    event.preventDefault();
    if (target.id === "filters-button") openDrawer(); else closeDrawer();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeDrawer();
  });
  narrow.addEventListener("change", function () { closeDrawer(); });
  var initial = drawerParts();
  if (initial.button) initial.button.setAttribute("aria-expanded", "false");

  // Instant results: typing in the query box swaps in the results region, rendered by the server
  // (/search/results, the same template as the page), debounced, with the URL kept in step.
  var form = document.getElementById("search-form");
  var box = document.getElementById("q");
  var live = document.getElementById("instant-status");
  if (!form || !box || !window.fetch || !window.URLSearchParams || !window.history.replaceState) return;
  var DELAY_MS = 300;
  var timer = null;
  var inflight = null;
  var lastQuery = null;

  function queryString() {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.value === "") return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      params.append(el.name, el.value);
    });
    params.delete("page");
    return params.toString();
  }

  function refresh() {
    var qs = queryString();
    if (qs === lastQuery) return;
    lastQuery = qs;
    if (inflight) inflight.abort();
    var controller = window.AbortController ? new AbortController() : null;
    inflight = controller;
    fetch("/search/results" + (qs ? "?" + qs : ""), {signal: controller ? controller.signal : undefined,
                                                    headers: {"Accept": "text/html"}, credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        if (inflight !== controller) return;          // a newer request is on its way
        var current = document.getElementById("search-body");
        if (!current) return;
        var holder = document.createElement("div");
        holder.innerHTML = html;                      // our own server-rendered, escaped HTML
        var fresh = holder.querySelector("#search-body");
        if (!fresh) return;
        current.replaceWith(fresh);
        var url = fresh.getAttribute("data-url");
        if (url) window.history.replaceState(null, "", url);
        var feed = document.querySelector('link[type="application/atom+xml"]');
        if (feed && fresh.getAttribute("data-feed")) feed.setAttribute("href", fresh.getAttribute("data-feed"));
        var name = document.title.split(" – ").pop();
        document.title = box.value.trim() ? box.value.trim() + " – " + name : name;
        if (live) live.textContent = fresh.getAttribute("data-updated") || "";
      })
      .catch(function () { /* aborted or failed: the form still submits as usual */ });
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, DELAY_MS);
  }
  lastQuery = queryString();
  box.addEventListener("input", function (event) {
    if (event.isComposing) return;                    // wait for the input method to finish (pinyin)
    schedule();
  });
  box.addEventListener("compositionend", schedule);
})();
