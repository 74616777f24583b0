// Live reload for the preview server of cxatlas. The server sends "hello"
// with the id of the last good build when the page connects, "reload" after
// each successful build, "css" with the build's id after one that changed
// stylesheets only, and "problems", one a line, after a failed one. The
// page reloads, keeping its scroll position, swaps its stylesheets, or
// lists the problems over itself until they are fixed.
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

  // The scroll position is kept across a reload under the page's path: the
  // page being edited stays where the writer was reading, even when it
  // grew or shrank above that point and the browser's own restoring would
  // not find it.
  var scrollKey = "cxatlas-scroll:" + location.pathname;

  function store(key, value) {
    try {
      if (value === null) {
        sessionStorage.removeItem(key);
      } else {
        sessionStorage.setItem(key, value);
      }
    } catch (e) {
      // No storage (private mode, a sandbox): the browser's own restoring.
    }
  }

  // scrolling says whether this entry of the history is scrolled by this
  // script rather than by the browser.
  function scrolling(manual) {
    if ("scrollRestoration" in history) {
      history.scrollRestoration = manual ? "manual" : "auto";
    }
  }

  // restoring is set from the time this page was loaded by a reload until
  // its position is set for the last time: a reload that comes before
  // then keeps the saved position, not the one the page has not reached
  // yet.
  var restoring = false;

  function reload() {
    if (!restoring) {
      store(scrollKey, Math.round(window.scrollX) + " " + Math.round(window.scrollY));
    }
    scrolling(true);
    location.reload();
  }

  function restoreScroll() {
    var saved = null;
    try {
      saved = sessionStorage.getItem(scrollKey);
    } catch (e) {
      return;
    }
    if (saved === null) {
      return;
    }
    // Back and forward are the browser's again.
    scrolling(false);
    var xy = saved.split(" ").map(Number);
    var to = function () {
      window.scrollTo(xy[0] || 0, xy[1] || 0);
    };
    to();
    if (document.readyState === "complete") {
      store(scrollKey, null);
      return;
    }
    // Images and fonts may still change the page's height: scroll again
    // once they are in, then forget the position.
    restoring = true;
    window.addEventListener("load", function () {
      to();
      restoring = false;
      store(scrollKey, null);
    });
  }

  // swapStyles fetches the page's own stylesheets again under a new query,
  // putting each new link after the old one and dropping the old one once
  // the new one is in, so that the page never shows unstyled.
  function swapStyles(id) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (old) {
      var url = new URL(old.href, location.href);
      if (url.origin !== location.origin) {
        return;
      }
      url.searchParams.set("cxatlas", id);
      var link = old.cloneNode(false);
      link.href = url.pathname + url.search;
      var done = function () {
        old.remove();
      };
      link.addEventListener("load", done);
      link.addEventListener("error", done);
      old.parentNode.insertBefore(link, old.nextSibling);
    });
  }

  restoreScroll();

  var source = new EventSource("/_cxatlas/events");
  source.addEventListener("hello", function (e) {
    if (build !== null && e.data !== build) {
      reload();
    }
  });
  // A reload may list pages that show the new build already, having
  // reloaded early from the build it names: such a page takes the new
  // build's id and stays.
  source.addEventListener("reload", function (e) {
    var lines = e.data.split("\n");
    var here = location.pathname;
    try {
      here = decodeURI(here);
    } catch (err) {}
    if (lines.length > 2 && build === lines[1] && lines.slice(2).indexOf(here) >= 0) {
      build = lines[0];
      return;
    }
    reload();
  });
  source.addEventListener("css", function (e) {
    hide();
    build = e.data;
    swapStyles(e.data);
  });
  source.addEventListener("problems", function (e) {
    show(e.data);
  });
})();
