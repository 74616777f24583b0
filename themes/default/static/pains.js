// Filters of the pain-point index of cxatlas: by severity, stage, persona,
// touchpoint and owner, combined, kept in the URL (pains/?stage=ID&
// severity=high), applied without a reload, over every row of the index,
// not only this page's. The data are small JSON files the build writes
// under pains/filter/ (see generator/render/painfilter.go): the options of
// each filter, the rows of each option, and the rows themselves in shards,
// fetched only when a filter needs them. Persona and touchpoint have
// thousands of options of a few rows each on a large portal: their options
// load when the reader opens the filter, and their rows are in buckets of
// several options each, ordered by id, holding the rows whole. The words come from the data-* attributes of the form,
// written from the portal's message catalogue. Without this script the
// page shows the complete table.
(function () {
  "use strict";
  var form = document.getElementById("pain-filters");
  var table = document.querySelector("table.pain-index");
  if (!form || !table || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var DIMS = ["stage", "persona", "touchpoint", "owner", "severity"];
  var STEP = 100; // rows shown at first and added by "more"
  var body = table.tBodies[0];
  var status = form.querySelector(".filter-count");
  var pagers = document.querySelectorAll(".pager");
  var index = null;
  var cache = {};
  var loaded = {}; // shards fetched so far, by number
  var whole = {}; // rows met whole in a sparse filter's file, by row
  var full = {}; // sparse filters whose options have all loaded
  var shown = STEP;
  var results = null;
  var more = null;
  var run = 0;

  function word(name) {
    return form.getAttribute("data-" + name) || "";
  }

  function fill(text, n) {
    return text.split("{n}").join(String(n));
  }

  // number writes n with the digit grouping of the portal's language.
  function number(n) {
    try {
      return n.toLocaleString(word("lang") || undefined);
    } catch (e) {
      return String(n);
    }
  }

  // plural writes message name (a data-NAME-CATEGORY attribute of the
  // form) for n, the form chosen by the browser's CLDR rules for n.
  function plural(name, n) {
    var category = "other";
    try {
      category = new Intl.PluralRules(word("lang") || undefined).select(n);
    } catch (e) {
      // No Intl: the "other" form.
    }
    return fill(word(name + "-" + category) || word(name + "-other"), number(n));
  }

  // count writes "12 of 340 pain points", the form following the total.
  function count(n, total) {
    return plural("shown", total).split("{shown}").join(number(n));
  }

  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(word("src") + path).then(function (r) {
        if (!r.ok) {
          throw new Error(r.status + " " + path);
        }
        return r.json();
      }).catch(function (e) {
        delete cache[path]; // a later choice may try again
        throw e;
      });
    }
    return cache[path];
  }

  var SECTIONS = { stage: "stages/", touchpoint: "touchpoints/", persona: "personas/", owner: "owners/" };

  // href is the link, from the portal's root, of option id of dim.
  function href(dim, id) {
    return SECTIONS[dim] + encodeURIComponent(id) + "/";
  }

  function sparse(dim) {
    return !Array.isArray(index[dim]);
  }

  // bucket returns the file of sparse filter dim that holds option id:
  // the last whose first id is not after it.
  function bucket(dim, id) {
    var firsts = index[dim].buckets;
    var lo = 0;
    var hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= id) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return dim + "/" + (lo + 1) + ".json";
  }

  // sparseOption returns [id, title, gaps] of option id of sparse filter
  // dim from its bucket, noting the bucket's whole rows for draw; it fails
  // when the bucket lacks the option.
  function sparseOption(dim, id) {
    return get(bucket(dim, id)).then(function (data) {
      if (!data.seen) {
        data.seen = true;
        data.rows.forEach(function (row) {
          whole[row[0]] = row.slice(1);
        });
      }
      for (var i = 0; i < data.options.length; i++) {
        if (data.options[i][0] === id) {
          return data.options[i];
        }
      }
      var e = new Error("no " + dim + " " + id);
      e.missing = true; // an id not in the portal (any more)
      throw e;
    });
  }

  // ungap turns [first row, gaps...] into rows.
  function ungap(gaps) {
    var rows = new Array(gaps.length);
    var r = 0;
    for (var k = 0; k < gaps.length; k++) {
      r += gaps[k];
      rows[k] = r;
    }
    return rows;
  }

  function option(dim, id) {
    var list = index[dim];
    if (sparse(dim)) {
      return id === "" ? -1 : 0; // checked by fetching its file
    }
    for (var i = 0; i < list.length; i++) {
      if (list[i][0] === id) {
        return i;
      }
    }
    return -1;
  }

  // rowsOf returns the rows of option id of dim, decoding the gaps.
  function rowsOf(dim, id) {
    if (sparse(dim)) {
      return sparseOption(dim, id).then(function (o) {
        return ungap(o[2]);
      });
    }
    return get(dim + "/" + encodeURIComponent(id) + ".json").then(ungap);
  }

  function intersect(a, b) {
    var out = [];
    for (var i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] === b[j]) {
        out.push(a[i]);
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  function chosen() {
    var out = [];
    DIMS.forEach(function (dim) {
      var v = form.elements[dim].value;
      var i = v === "" ? -1 : option(dim, v);
      if (i >= 0) {
        out.push({ dim: dim, id: v, i: i });
      }
    });
    return out;
  }

  function keepInURL(picks) {
    var q = new URLSearchParams(location.search);
    DIMS.forEach(function (dim) {
      q.delete(dim);
    });
    picks.forEach(function (p) {
      q.set(p.dim, p.id);
    });
    var s = q.toString();
    history.replaceState(history.state, "", location.pathname + (s ? "?" + s : "") + location.hash);
  }

  function show(filtered) {
    body.hidden = filtered;
    for (var i = 0; i < pagers.length; i++) {
      pagers[i].hidden = filtered;
    }
    if (!filtered) {
      if (results) {
        results.remove();
        results = null;
      }
      if (more) {
        more.hidden = true;
      }
    }
  }

  // apply filters the table by the form's choices.
  function apply() {
    var picks = chosen();
    var mine = ++run;
    keepInURL(picks);
    if (picks.length === 0) {
      show(false);
      status.textContent = count(index.rows, index.rows);
      return Promise.resolve();
    }
    status.textContent = word("loading");
    return Promise.all(picks.map(function (p) {
      return rowsOf(p.dim, p.id);
    })).then(function (lists) {
      var rows = lists.reduce(intersect);
      return draw(rows, mine);
    });
  }

  // draw shows the first rows of the matches, from this page where they
  // are on it and from the shards otherwise.
  function draw(rows, mine) {
    var first = rows.slice(0, shown);
    var shards = {};
    first.forEach(function (r) {
      if (!whole[r] && !body.querySelector('tr[data-row="' + r + '"]')) {
        shards[Math.floor(r / index.shard) + 1] = true;
      }
    });
    return Promise.all(Object.keys(shards).map(function (n) {
      return get("rows/" + n + ".json").then(function (data) {
        loaded[n] = data;
      });
    })).then(function () {
      if (mine !== run) {
        return; // a newer choice is on its way
      }
      var tb = document.createElement("tbody");
      tb.className = "filtered";
      for (var k = 0; k < first.length; k++) {
        tb.appendChild(rowFor(first[k]));
      }
      show(true);
      if (results) {
        results.remove();
      }
      results = tb;
      table.appendChild(tb);
      status.textContent = count(rows.length, index.rows);
      showMore(rows.length - first.length);
    });
  }

  function showMore(left) {
    if (!more) {
      more = document.createElement("p");
      more.className = "pain-more";
      var b = document.createElement("button");
      b.type = "button";
      b.addEventListener("click", function () {
        shown += STEP;
        apply().catch(failed);
      });
      more.appendChild(b);
      table.parentNode.parentNode.insertBefore(more, table.parentNode.nextSibling);
    }
    more.hidden = left <= 0;
    more.firstChild.textContent = fill(word("more"), Math.min(left, STEP));
  }

  // rowFor returns the row r of the index: a copy of this page's row, or
  // one built from its shard.
  function rowFor(r) {
    var own = body.querySelector('tr[data-row="' + r + '"]');
    if (own) {
      var copy = own.cloneNode(true);
      copy.removeAttribute("id");
      return copy;
    }
    if (whole[r]) {
      return built(r, whole[r]);
    }
    var n = Math.floor(r / index.shard) + 1;
    return built(r, loaded[n][r - (n - 1) * index.shard]);
  }

  function cell(tr, tag) {
    var c = document.createElement(tag);
    tr.appendChild(c);
    return c;
  }

  function link(parent, text, href) {
    var a = document.createElement("a");
    a.textContent = text;
    a.href = word("root") + href;
    parent.appendChild(a);
    return a;
  }

  // links lists the first options of dim, by their positions in
  // index.json, as many as a cell of the page lists, then "and N more ..."
  // (plural message more) linking to the pain's page, which has them all.
  function links(td, dim, positions, total, more, page) {
    var inline = parseInt(word("inline"), 10) || positions.length;
    var first = positions.slice(0, inline);
    first.forEach(function (i, k) {
      var o = index[dim][i];
      if (k > 0) {
        td.appendChild(document.createTextNode(", "));
      }
      link(td, o[1], href(dim, o[0]));
    });
    if (total > first.length) {
      td.appendChild(document.createTextNode(" "));
      link(td, plural(more, total - first.length), page).className = "more-link";
    }
  }

  // built makes a row from its entry [text, severity, link, personas,
  // stages, touchpoints, owners, owner count, has a page]; personas and
  // touchpoints are counts, "N personas" linking to the pain's own page
  // when it has one, else to its row.
  function built(r, d) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-row", String(r));
    var num = cell(tr, "td");
    num.className = "num";
    num.textContent = String(r + 1);
    var sev = document.createElement("b");
    sev.className = "sev-" + d[1];
    var s = option("severity", d[1]);
    sev.textContent = s >= 0 ? index.severity[s][1] : d[1];
    cell(tr, "td").appendChild(sev);
    var th = cell(tr, "th");
    th.scope = "row";
    link(th, d[0], d[2]);
    var page = d[8] ? "pains/" + d[2].split("#")[1] + "/" : d[2];
    link(cell(tr, "td"), plural("personas", d[3]), page);
    links(cell(tr, "td"), "stage", d[4], d[4].length, "more-stages", page);
    link(cell(tr, "td"), plural("touchpoints", d[5]), page);
    links(cell(tr, "td"), "owner", d[6], d[7], "more-owners", page);
    return tr;
  }

  function failed() {
    show(false);
    status.textContent = word("failed");
  }

  function options(dim, list) {
    var select = form.elements[dim];
    var keep = select.value;
    while (select.options.length > 1) {
      select.remove(1);
    }
    list.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o[0];
      opt.textContent = o[2] === "" ? o[1] : o[1] + " (" + o[2] + ")";
      select.appendChild(opt);
    });
    select.value = keep;
  }

  // lazy fills the options of sparse filter dim from its file when the
  // reader comes to it; until then it holds only the chosen one, by its
  // title. The promise it returns settles once the chosen option is
  // found, or dropped when its bucket lacks it (a renamed persona, say).
  function lazy(dim, chosen) {
    var select = form.elements[dim];
    var load = function () {
      select.removeEventListener("focus", load);
      select.removeEventListener("pointerenter", load);
      get(dim + ".json").then(function (list) {
        full[dim] = true;
        options(dim, list);
      }).catch(failed);
    };
    select.addEventListener("focus", load);
    select.addEventListener("pointerenter", load);
    if (!chosen) {
      return Promise.resolve();
    }
    return sparseOption(dim, chosen).then(function (o) {
      if (!full[dim]) {
        options(dim, [[chosen, o[1], o[2].length]]);
      }
      select.value = chosen;
    }, function (e) {
      if (!e.missing) {
        throw e;
      }
    });
  }

  // listen applies the filters as the reader changes them.
  function listen() {
    form.addEventListener("change", function () {
      shown = STEP;
      apply().catch(failed);
    });
    form.addEventListener("reset", function () {
      setTimeout(function () {
        shown = STEP;
        apply().catch(failed);
      });
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
    });
  }

  // records splits a CSV file into its records, each as written (quotes
  // and all), without the byte-order mark and the CRLF that ends it.
  function records(text) {
    var out = [];
    var start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    var quoted = false;
    for (var i = start; i < text.length; i++) {
      var c = text.charAt(i);
      if (c === '"') {
        quoted = !quoted;
      } else if (!quoted && c === "\r" && text.charAt(i + 1) === "\n") {
        out.push(text.slice(start, i));
        start = i + 2;
        i++;
      }
    }
    if (start < text.length) {
      out.push(text.slice(start));
    }
    return out;
  }

  // download saves the rows of the index the filters leave as CSV: the
  // header and those records of the whole index's file, as it wrote them
  // (record r + 1 is row r), so their cells are escaped the same way.
  // With no filter set, the link takes the whole file as it is.
  function download(e) {
    var picks = index ? chosen() : [];
    if (picks.length === 0) {
      return;
    }
    e.preventDefault();
    var a = e.currentTarget;
    Promise.all([fetch(a.href).then(function (r) {
      if (!r.ok) {
        throw new Error(r.status + " " + a.href);
      }
      return r.text();
    })].concat(picks.map(function (p) {
      return rowsOf(p.dim, p.id);
    }))).then(function (got) {
      var all = records(got[0]);
      var rows = got.slice(1).reduce(intersect);
      var out = [all[0]];
      rows.forEach(function (r) {
        if (r + 1 < all.length) {
          out.push(all[r + 1]);
        }
      });
      var blob = new Blob(["\ufeff" + out.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      var url = URL.createObjectURL(blob);
      var save = document.createElement("a");
      save.href = url;
      save.download = (a.getAttribute("download") || "pains.csv").replace(/\.csv$/, "") + "-" +
        picks.map(function (p) { return p.id; }).join("-") + ".csv";
      document.body.appendChild(save);
      save.click();
      save.remove();
      setTimeout(function () {
        URL.revokeObjectURL(url);
      }, 60000);
    }).catch(failed);
  }

  var csv = document.getElementById("pains-csv");
  if (csv) {
    csv.addEventListener("click", download);
  }

  form.hidden = false;
  status.textContent = word("loading");
  get("index.json").then(function (data) {
    index = data;
    var q = new URLSearchParams(location.search);
    var found = DIMS.map(function (dim) {
      var v = q.get(dim) || "";
      if (sparse(dim)) {
        return lazy(dim, v);
      }
      options(dim, index[dim]);
      if (v && option(dim, v) >= 0) {
        form.elements[dim].value = v;
      }
      return null;
    });
    // An id the portal lacks is dropped: apply leaves it out of the URL.
    return Promise.all(found).then(function () {
      listen();
      return apply();
    });
  }).catch(failed);
})();
