// The timeline's range selection: drag across the chart, or click two bars, to set from / to.
// Progressive enhancement: without this file every bar is a link to its own period, and the table
// under the chart links every period too. Events are delegated from the document, so a chart put
// into the page later (instant results) works as well.
(function () {
  "use strict";
  var drag = null;      // {area, first, last} while the pointer is down
  var pending = null;   // {area, first} after a first click, waiting for the second

  function bars(area) { return area.querySelectorAll("a.bar"); }

  function indexAt(area, clientX) {
    var svg = area.querySelector("svg.chart");
    var box = svg.getBoundingClientRect();
    var n = bars(area).length;
    var i = Math.floor((clientX - box.left) / box.width * n);
    return Math.max(0, Math.min(n - 1, i));
  }

  function mark(area, first, last) {
    var box = area.querySelector("svg.chart").getBoundingClientRect();
    var outer = area.getBoundingClientRect();
    var n = bars(area).length;
    var lo = Math.min(first, last), hi = Math.max(first, last);
    var band = area.querySelector(".range-band");
    if (!band) {
      band = document.createElement("div");
      band.className = "range-band";
      band.setAttribute("aria-hidden", "true");
      area.appendChild(band);
    }
    band.style.left = (box.left - outer.left + box.width * lo / n) + "px";
    band.style.width = (box.width * (hi - lo + 1) / n) + "px";
    band.hidden = false;
  }

  function clear(area) {
    var band = area.querySelector(".range-band");
    if (band) band.hidden = true;
    hint(area, null);
    pending = null;
  }

  function hint(area, text) {
    var section = area.closest(".timeline");
    var line = section && section.querySelector(".range-hint");
    if (!line) return;
    if (!line.getAttribute("data-default")) line.setAttribute("data-default", line.textContent);
    line.textContent = text || line.getAttribute("data-default");
  }

  function go(area, first, last) {
    var list = bars(area);
    var lo = list[Math.min(first, last)], hi = list[Math.max(first, last)];
    var url = new URL(window.location.href);
    if (url.pathname === "/") url.pathname = "/search";
    url.searchParams.set("from", lo.getAttribute("data-from"));
    url.searchParams.set("to", hi.getAttribute("data-to"));
    url.searchParams.delete("page");
    window.location.assign(url.toString());
  }

  function areaOf(event) {
    var target = event.target;
    return target && target.closest ? target.closest(".chart-area") : null;
  }

  // with this file, a click no longer narrows at once: the range hint replaces the no-JS note
  function show(area) {
    var section = area.closest(".timeline");
    if (!section) return;
    var line = section.querySelector(".range-hint"), note = section.querySelector(".timeline-note");
    if (line) line.hidden = false;
    if (note) note.hidden = true;
  }
  document.querySelectorAll(".chart-area").forEach(show);

  document.addEventListener("pointerdown", function (event) {
    var area = areaOf(event);
    if (!area || event.button !== 0) return;
    show(area);
    var i = indexAt(area, event.clientX);
    drag = {area: area, first: i, last: i};
    mark(area, i, i);
    event.preventDefault();
  });

  document.addEventListener("pointermove", function (event) {
    if (!drag) return;
    drag.last = indexAt(drag.area, event.clientX);
    mark(drag.area, drag.first, drag.last);
  });

  document.addEventListener("pointerup", function (event) {
    if (!drag) return;
    var area = drag.area, first = drag.first, last = indexAt(area, event.clientX);
    drag = null;
    if (first !== last) { go(area, first, last); return; }
    if (pending && pending.area === area) { go(area, pending.first, last); return; }
    pending = {area: area, first: first};
    mark(area, first, first);
    var label = bars(area)[first].getAttribute("data-label");
    hint(area, area.getAttribute("data-hint-start").replace("{period}", label));
  });

  // a bar's own link would navigate on the first click: the second click decides instead
  document.addEventListener("click", function (event) {
    if (areaOf(event) && event.target.closest("a.bar")) event.preventDefault();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && pending) clear(pending.area);
  });
})();
