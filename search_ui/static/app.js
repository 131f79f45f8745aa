// Gonggao search: progressive enhancement only; every feature works without this file.
// (No auto-submit on <select> change: WCAG 3.2.2 — keyboard users change options one by one.)
(function () {
  "use strict";
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
  // The citation's copy button: shown only where the clipboard API is there to run it.
  var copy = document.getElementById("copy-citation");
  var citation = document.getElementById("citation");
  if (copy && citation && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(citation.value).then(function () {
        copy.textContent = copy.getAttribute("data-copied");
      }, function () {
        citation.select();
      });
    });
  }
})();
