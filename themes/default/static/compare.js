// compare.js: the persona picker of the comparison page (compare/). The
// reader ticks up to data-max personas; the chart shows exactly their
// curves, the pain table only their columns, and the address follows the
// choice as compare/?p=ID,ID so it can be shared. Words come from data-*
// attributes the page sets from the message catalogue. Without this script
// the page shows the curves of the personas of highest priority.
(function () {
  "use strict";
  var root = document.querySelector(".compare");
  if (!root) return;
  var pick = root.querySelector(".compare-pick");
  var boxes = Array.prototype.slice.call(pick.querySelectorAll("input[name=p]"));
  var status = pick.querySelector(".compare-status");
  var caption = root.querySelector(".compare-caption");
  var max = parseInt(root.getAttribute("data-max"), 10) || 5;
  var offered = boxes.map(function (b) { return b.value; });

  // unknown counts the ids in the address that are not offered.
  var unknown = 0;

  // chosenFromURL reads ?p=ID,ID: known ids, each once, at most max.
  function chosenFromURL() {
    var p = new URLSearchParams(location.search).get("p");
    var out = [];
    (p || "").split(",").forEach(function (id) {
      if (id === "") return;
      if (offered.indexOf(id) < 0) unknown++;
      else if (out.indexOf(id) < 0 && out.length < max) out.push(id);
    });
    return out;
  }

  // show draws the chosen personas, each in a slot of its own, in the
  // order chosen, and hides every other series, legend entry and column.
  function show(chosen) {
    document.querySelectorAll("[data-persona]").forEach(function (el) {
      var slot = chosen.indexOf(el.getAttribute("data-persona"));
      if (el.matches(".cmp-series, .compare-legend li")) {
        if (slot >= 0) el.setAttribute("data-slot", String(slot));
        else el.removeAttribute("data-slot");
      }
      // The chart's series hide through the stylesheet, without a slot.
      if (!el.matches(".cmp-series")) el.hidden = slot < 0;
    });
    boxes.forEach(function (b) {
      b.checked = chosen.indexOf(b.value) >= 0;
      b.disabled = !b.checked && chosen.length >= max;
    });
    status.textContent = chosen.length >= max ? root.getAttribute("data-max-message") : "";
    caption.textContent = caption.getAttribute("data-chosen");
  }

  // current is the choice in the order made, kept on the section.
  function current() {
    return (root.getAttribute("data-order") || "").split(",").filter(function (id) { return id !== ""; });
  }

  function choose(chosen) {
    root.setAttribute("data-order", chosen.join(","));
    show(chosen);
  }

  pick.addEventListener("change", function (e) {
    var id = e.target.value;
    var chosen = current().filter(function (c) { return c !== id; });
    if (e.target.checked && chosen.length < max) chosen.push(id);
    choose(chosen);
    var url = new URL(location.href);
    url.search = chosen.length ? "?p=" + chosen.map(encodeURIComponent).join(",") : "";
    history.replaceState(null, "", url.href);
  });

  var initial = chosenFromURL();
  if (initial.length === 0) initial = offered.slice(0, Math.min(2, offered.length));
  pick.hidden = false;
  choose(initial);
  if (unknown > 0) status.textContent = root.getAttribute("data-unknown-message");
})();
