// Live reload for the preview server of cxatlas. The server sends "hello"
// with the id of the last good build when the page connects, "reload" after
// each successful build, and "problems", one a line, after a failed one.
// The page reloads, or lists the problems over itself until they are fixed.
// The words of the overlay come from the data-* attributes of the script's
// tag, written by the server from the portal's message catalogue.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var script = document.currentScript;
  var build = script ? script.getAttribute("data-build") : null;
  var overlay = null;

  function word(name) {
    return (script && script.getAttribute("data-" + name)) || "";
  }

  // errors writes a number of errors in the portal's language, choosing
  // the plural form by the browser's CLDR rules.
  function errors(n) {
    var form = "other";
    try {
      form = new Intl.PluralRules(word("lang") || undefined).select(n);
    } catch (e) {
      // No Intl: the "other" form.
    }
    return (word("errors-" + form) || word("errors-other")).split("{n}").join(String(n));
  }

  function el(tag, css, text) {
    var e = document.createElement(tag);
    e.style.cssText = css;
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(text) {
    hide();
    var problems = text.split("\n").filter(function (l) { return l !== ""; });
    var font = "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#fff;";
    overlay = el("div", font + "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "box-sizing:border-box;padding:2rem;background:rgba(24,24,27,.94);text-align:left");
    overlay.id = "cxatlas-problems";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "cxatlas-problems-title");
    var title = el("h2", font + "margin:0 0 1rem;font-size:16px;font-weight:bold;color:#fca5a5",
      word("failed").split("{errors}").join(errors(problems.length)));
    title.id = "cxatlas-problems-title";
    var list = el("ol", font + "margin:0 0 1.5rem;padding-left:2rem");
    problems.forEach(function (p) {
      list.appendChild(el("li", font + "margin:0 0 .5rem;white-space:pre-wrap;overflow-wrap:anywhere", p));
    });
    var close = el("button", font + "padding:.4rem 1rem;border:1px solid #fff;border-radius:4px;" +
      "background:transparent;cursor:pointer", word("dismiss"));
    close.type = "button";
    close.addEventListener("click", hide);
    overlay.appendChild(title);
    overlay.appendChild(list);
    overlay.appendChild(close);
    (document.body || document.documentElement).appendChild(overlay);
    close.focus();
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      hide();
    }
  });

  var source = new EventSource("/_cxatlas/events");
  source.addEventListener("hello", function (e) {
    if (build !== null && e.data !== build) {
      location.reload();
    }
  });
  source.addEventListener("reload", function () {
    location.reload();
  });
  source.addEventListener("problems", function (e) {
    show(e.data);
  });
})();
