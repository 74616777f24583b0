// Search for a cxatlas portal: results as you type under the search box of
// every page, and the full results on the search page (search/?q=WORDS).
// The index is static JSON made by the build (docs/search.md): a manifest,
// shards of keys by their first letters, and the records of the results,
// of which a query loads only the few it shows. The words shown come from
// the data-words attribute of the page, in the portal's language; writers'
// text is only ever set with textContent.
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  if (!form || !window.fetch || !window.JSON) return;
  var input = form.querySelector("input[name=q]");
  var list = form.querySelector("[role=listbox]");
  var base = form.getAttribute("data-index");
  var root = form.getAttribute("data-root");
  var words = JSON.parse(form.getAttribute("data-words") || "{}");
  var lang = document.documentElement.lang || "en";
  var files = {};

  // load fetches a file of the index once per page.
  function load(path) {
    if (!files[path]) {
      files[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return files[path];
  }

  // fold and split follow search.Words of the build: normal form C, lower
  // case, ё read as е; letters, marks and digits, an apostrophe between
  // letters, a full stop or comma between digits.
  function fold(s) {
    return s.normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/\u2019/g, "'");
  }
  var wordRe = /(?:[\p{L}\p{M}\p{Nd}]|(?<=\p{L})'(?=\p{L})|(?<=\p{Nd})[.,](?=\p{Nd}))+/gu;
  function split(s) { return fold(s).match(wordRe) || []; }
  function len(s) { return Array.from(s).length; }
  function head(s, n) { return Array.from(s).slice(0, n).join(""); }

  // slack and matches follow search.Slack and search.Matches: a key
  // matches a query word it begins with at most slack letters left over;
  // the word being typed also matches the keys it begins.
  function slack(k) { return Math.min(4, Math.max(1, len(k) - 2)); }
  function matches(k, q, typing, prefix) {
    if (q.lastIndexOf(k, 0) === 0) return len(q) - len(k) <= slack(k) ? 1 : 0;
    return typing && len(q) >= prefix && k.lastIndexOf(q, 0) === 0 ? 2 : 0;
  }

  function hex(s) {
    return Array.from(new TextEncoder().encode(s), function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  // ids reads the document ids of a posting string (search.appendIDs):
  // differences from the id before, five bits to a digit, lowest first, a
  // digit of 32 or more saying that more follow.
  var digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function ids(s) {
    var out = [], id = 0, v = 0, shift = 0;
    for (var i = 0; i < s.length; i++) {
      var d = digits.indexOf(s.charAt(i));
      v += (d & 31) * Math.pow(2, shift);
      if (d & 32) { shift += 5; continue; }
      id += v;
      out.push(id);
      v = 0;
      shift = 0;
    }
    return out;
  }

  // lookup finds the documents of one query word: a map from document id
  // to weight.
  function lookup(m, q, typing) {
    var names = [];
    for (var n = 1; n <= m.prefix; n++) {
      var name = head(q, n);
      if (len(name) === n && m.shards.indexOf(name) >= 0) names.push(name);
    }
    return Promise.all(names.map(function (name) { return load("t/" + hex(name) + ".json"); })).then(function (shards) {
      var lists = [];
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (k) {
          var how = matches(k, q, typing, m.prefix);
          if (!how) return;
          // A whole word found in more documents than its shard lists has
          // a file of its own with them all, so that it combines with the
          // other words of the query.
          var full = how === 1 && shard[k][0] > m.inline;
          lists.push(full ? load("k/" + hex(k) + ".json").then(function (all) { return [how, all]; }) : [how, shard[k]]);
        });
      });
      return Promise.all(lists);
    }).then(function (lists) {
      var docs = new Map();
      lists.forEach(function (l) {
        l[1].slice(1).forEach(function (group) {
          var w = l[0] === 1 ? group[0] : group[0] - 0.5;
          ids(group[1]).forEach(function (id) {
            if (!(docs.get(id) >= w)) docs.set(id, w);
          });
        });
      });
      return docs;
    });
  }

  // search returns the ids of the documents that match text, best first
  // (done says the query is whole, as on the search page: its last word is
  // not still being typed, so it does not stand for longer words):
  // those with every word found (words found nowhere, such as "the", are
  // left out), by weight, then in the order of the index.
  function search(text, done) {
    var qs = split(text);
    var typing = !done && qs.length > 0 && !/[\s\p{P}]$/u.test(text);
    return load("manifest.json").then(function (m) {
      return Promise.all(qs.map(function (q, i) { return lookup(m, q, typing && i === qs.length - 1); })).then(function (found) {
        found = found.filter(function (d) { return d.size > 0; });
        var score = new Map(), hits = new Map();
        found.forEach(function (docs) {
          docs.forEach(function (w, id) {
            score.set(id, (score.get(id) || 0) + w);
            hits.set(id, (hits.get(id) || 0) + 1);
          });
        });
        var ids = Array.from(score.keys()).filter(function (id) { return hits.get(id) === found.length; });
        ids.sort(function (a, b) { return score.get(b) - score.get(a) || a - b; });
        return { ids: ids, manifest: m, words: qs };
      });
    });
  }

  // records loads the records of ids.
  function records(m, ids) {
    return Promise.all(ids.map(function (id) {
      var k = kindRange(m, id), first = k[1] + Math.floor((id - k[1]) / k[2]) * k[2];
      return load("d/" + first + ".json").then(function (chunk) { return record(chunk, chunk.r[id - first], k[0]); });
    }));
  }

  // record reads a record of a file of records: its title, page, fragment
  // of the link, context, snippet and severity, each text a string or the
  // number of a string of the file's table.
  function record(chunk, r, kind) {
    var table = chunk.s || [];
    var str = function (v) { return typeof v === "number" ? table[v] : v || ""; };
    var frag = str(r[2]);
    return { k: kind, t: str(r[0]), u: str(r[1]) + (frag ? "#" + frag : ""), c: (r[3] || []).map(str), s: str(r[4]), v: str(r[5]) };
  }

  // kindRange gives the range of m.kinds a document is in, from its id:
  // documents are stored kind after kind.
  function kindRange(m, id) {
    var range = m.kinds[0];
    m.kinds.forEach(function (k) { if (id >= k[1]) range = k; });
    return range;
  }

  // highlight writes text into el with the words that match the query in
  // <mark>.
  function highlight(el, text, qs) {
    var last = 0;
    var re = new RegExp(wordRe.source, "gu"), m;
    var folded = fold(text);
    if (folded.length !== text.length) { el.textContent = text; return; }
    while ((m = re.exec(folded))) {
      var w = m[0], hit = qs.some(function (q) { return hitWord(w, q); });
      if (!hit) continue;
      el.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m.index, m.index + w.length);
      el.appendChild(mark);
      last = m.index + w.length;
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }

  // hitWord says whether the word w of a text answers the query word q:
  // q begins it, or they share at least three letters with at most four
  // left over in each.
  function hitWord(w, q) {
    var n = 0, a = Array.from(w), b = Array.from(q);
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    if (n === b.length && (n >= 3 || n === a.length)) return true;
    return n >= 3 && a.length - n <= 4 && b.length - n <= 4;
  }

  function plural(key, n) {
    var forms = words[key] || {};
    var cat = new Intl.PluralRules(lang).select(n);
    var s = forms[cat] || forms.other || forms.many || "";
    return s.replace("{n}", n.toLocaleString(lang));
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  // result builds one record in an element of type tag: a link (or, in
  // the list under the box, whose options must not hold links, a block)
  // with its kind, title with the words marked, context and snippet.
  function result(r, qs, tag, block) {
    var a = el(block ? "span" : "a", "search-hit");
    if (!block) a.href = root + r.u;
    var kind = el("span", "search-kind search-kind-" + r.k, (words.kind || {})[r.k] || r.k);
    a.appendChild(kind);
    var title = el("span", "search-title");
    highlight(title, r.t, qs);
    a.appendChild(title);
    var ctx = (r.c || []).slice();
    if (r.v) ctx.unshift((words.severity || {})[r.v] || r.v);
    if (ctx.length) a.appendChild(el("span", "search-context", ctx.join(" · ")));
    if (r.s) {
      var snip = el("span", "search-snippet");
      highlight(snip, r.s, qs);
      a.appendChild(snip);
    }
    if (r.v) a.classList.add("search-sev-" + r.v);
    var item = el(tag);
    item.appendChild(a);
    return item;
  }

  // The dropdown under the search box: an ARIA combobox with a listbox.
  var shown = 8, active = -1, timer = 0, asked = 0;
  function options() { return list.querySelectorAll("[role=option]"); }
  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }
  function activate(i) {
    var opts = options();
    if (!opts.length) return;
    active = (i + opts.length) % opts.length;
    opts.forEach(function (o, j) { o.setAttribute("aria-selected", j === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", opts[active].id);
    opts[active].scrollIntoView({ block: "nearest" });
  }
  function suggest() {
    var text = input.value, n = ++asked;
    if (!split(text).length) { close(); return; }
    search(text).then(function (found) {
      var top = found.ids.slice(0, shown);
      return records(found.manifest, top).then(function (rs) {
        if (n !== asked) return;
        list.textContent = "";
        rs.forEach(function (r, i) {
          var li = result(r, found.words, "li", true);
          option(li, i, root + r.u);
        });
        var all = el("li", "search-all", found.ids.length ? plural("count", found.ids.length) + " · " + (words.all || "") : (words.none || ""));
        option(all, rs.length, form.getAttribute("action") + "?q=" + encodeURIComponent(text));
        list.setAttribute("data-query", text);
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
        input.removeAttribute("aria-activedescendant");
      });
    }).catch(function (e) { console.warn("search:", e.message); });
  }
  // option makes li the i-th option of the list, leading to href.
  function option(li, i, href) {
    li.id = "site-search-opt-" + i;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.setAttribute("data-href", href);
    list.appendChild(li);
  }
  function go(opt) { location.href = opt.getAttribute("data-href"); }
  list.addEventListener("click", function (e) {
    var opt = e.target.closest("[role=option]");
    if (opt) go(opt);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 100);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (list.hidden) { suggest(); return; }
      e.preventDefault();
      activate(active + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Enter" && active >= 0 && !list.hidden) {
      e.preventDefault();
      go(options()[active]);
    } else if (e.key === "Escape") {
      if (!list.hidden) { e.preventDefault(); close(); } else { input.value = ""; }
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
  list.addEventListener("mousedown", function (e) { e.preventDefault(); });

  // "/" focuses the box, unless the reader is typing elsewhere.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  // The search page: every result of ?q=, a page at a time, grouped by
  // kind, with the counts of each kind.
  var page = document.getElementById("search-results");
  if (!page) return;
  var more = JSON.parse(page.getAttribute("data-words") || "{}");
  Object.keys(more).forEach(function (k) { words[k] = more[k]; });
  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  if (!split(q).length) return;
  var perPage = 20;
  page.setAttribute("aria-busy", "true");
  search(q, true).then(function (found) {
    var m = found.manifest, counts = {};
    found.ids.forEach(function (id) { var k = kindRange(m, id)[0]; counts[k] = (counts[k] || 0) + 1; });
    var summary = el("p", "search-summary");
    summary.id = "search-summary";
    var parts = m.kinds.filter(function (k) { return counts[k[0]]; }).map(function (k) { return plural("count_" + k[0], counts[k[0]]); });
    summary.textContent = found.ids.length ? parts.join(", ") : (words.none || "");
    page.textContent = "";
    page.appendChild(summary);
    var groups = el("div", "search-groups");
    page.appendChild(groups);
    var moreButton = el("button", "search-more", words.more || "");
    moreButton.type = "button";
    var next = 0;
    function show() {
      var ids = found.ids.slice(next, next + perPage);
      next += ids.length;
      return records(m, ids).then(function (rs) {
        rs.forEach(function (r) {
          var list = groups.querySelector("[data-kind=" + r.k + "]");
          if (!list) {
            var sec = el("section", "search-group");
            var h = el("h2", "", (words.kinds || {})[r.k] || r.k);
            sec.appendChild(h);
            list = el("ol", "search-list");
            list.setAttribute("data-kind", r.k);
            sec.appendChild(list);
            var after = null;
            groups.querySelectorAll("section").forEach(function (s) {
              var k = s.querySelector("ol").getAttribute("data-kind");
              if (!after && kindRank(m, k) > kindRank(m, r.k)) after = s;
            });
            groups.insertBefore(sec, after);
          }
          list.appendChild(result(r, found.words, "li"));
        });
        moreButton.hidden = next >= found.ids.length;
      });
    }
    moreButton.addEventListener("click", function () { show(); });
    page.appendChild(moreButton);
    return show();
  }).catch(function (e) {
    page.textContent = words.failed || "";
    console.warn("search:", e.message);
  }).then(function () { page.removeAttribute("aria-busy"); });

  function kindRank(m, kind) {
    for (var i = 0; i < m.kinds.length; i++) if (m.kinds[i][0] === kind) return i;
    return m.kinds.length;
  }
})();
