// Search for /tim-kiem/, reading the index dtisite writes in tim-kiem/chi-muc/ (SearchIndex.swift): a
// table of contents (muc-luc.json), term chunks split by prefix (tu/*.json) and page fragments
// (trang/*.json). Nothing is
// fetched until the reader types (or opens /tim-kiem/?q=…); then only the chunks holding the query's
// terms, and the fragments of the results shown. No dependencies, no inline code, no eval.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var moreButton = document.getElementById("search-more-button");
  if (!input || !list || !status || !window.fetch || !window.Promise) return;
  var root = input.getAttribute("data-index");
  var dir = root.slice(0, root.lastIndexOf("/") + 1);
  var PAGE = 10;
  var contents = null, chunks = {}, fragments = {}, current = 0, shown = [], timer = 0;

  // Folded as dtisite folds: lower case, no tones or marks, đ → d; "&" and "." inside a word join it.
  function words(text) {
    var folded = fold(text), out = [], joined = [], m, re = /[a-z0-9]+(?:[&.][a-z0-9]+)*/g;
    while ((m = re.exec(folded))) {
      var parts = m[0].split(/[&.]/);
      if (parts.length > 1) joined.push(parts.join(""));
      out.push.apply(out, parts);
    }
    return { words: out, joined: joined };
  }
  function fold(text) {
    return (text || "").toLowerCase().replace(/[đð]/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  // One character of folded text for each character of the text, so matches can be marked in the text.
  function foldEach(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) { var f = fold(text[i]); out += f.length === 1 ? f : text[i].toLowerCase(); }
    return out;
  }

  function get(path) {
    return fetch(dir + path).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }
  // The table of contents: the first term of each chunk, the files' names, the first id of each fragment.
  function loadContents() {
    if (!contents) contents = fetch(root, { cache: "no-cache" }).then(function (r) { return r.json(); }).then(function (c) {
      var starts = [], id = 0;
      numbers(c.c).forEach(function (n) { starts.push(id); id += n; });
      return { k: c.k.split(","), t: c.t, w: c.w, v: c.v, starts: starts };
    });
    return contents;
  }
  // Numbers in base 32, one character a digit: 0-9A-V end a number, W-Z a-z - _ are the digits before.
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_", VALUE = {};
  for (var d = 0; d < 64; d++) VALUE[DIGITS.charCodeAt(d)] = d;
  function numbers(text) {
    var out = [], v = 0;
    for (var i = 0; i < text.length; i++) {
      var c = VALUE[text.charCodeAt(i)];
      if (c === undefined) continue;
      if (c >= 32) v = v * 32 + c - 32; else { out.push(v * 32 + c); v = 0; }
    }
    return out;
  }
  // Index of the last entry of the sorted `list` that is ≤ key.
  function floor(list, key) {
    var lo = 0, hi = list.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (list[mid] <= key) lo = mid; else hi = mid - 1; }
    return lo;
  }
  // The chunks holding every term from `from` to `to`, loaded once each.
  function chunksFor(c, from, to) {
    var out = [];
    for (var i = floor(c.k, from), last = floor(c.k, to); i <= last; i++) {
      var name = c.t.substr(i * c.w, c.w);
      if (!chunks[name]) chunks[name] = get("tu/" + name + ".json");
      out.push(chunks[name]);
    }
    return Promise.all(out);
  }
  // Postings of the terms from `from` to `to` (a prefix when they differ): doc id → best weight.
  // `capped`: a term kept only its best postings, so a page it lacks may still hold the word.
  function lookup(c, from, to, exact) {
    return chunksFor(c, from, to).then(function (loaded) {
      var hits = {}, capped = false;
      loaded.forEach(function (chunk) {
        for (var term in chunk) {
          if (term < from || term > to || (term !== exact && term.indexOf(" ", from.length) !== -1 && from[0] !== "~")) continue;
          var text = chunk[term], p = numbers(text), scale = term === exact ? 4 : 3;
          if (text[0] === "!") capped = true;
          for (var i = 0; i < p.length;) {
            var w = Math.ceil(p[i] * scale / 4), n = p[i + 1], id = 0;
            for (i += 2; n > 0; n--, i++) { id += p[i]; if (!(hits[id] >= w)) hits[id] = w; }
          }
        }
      });
      return { hits: hits, capped: capped };
    });
  }

  function search(query) {
    var q = words(query), terms = q.words.concat(q.joined);
    if (!q.words.length) return Promise.resolve(null);
    // The last word is a prefix while it is being typed.
    var typing = !/\s$/.test(query) && q.words[q.words.length - 1].length >= 2 ? q.words.length - 1 : -1;
    return loadContents().then(function (c) {
      var asks = [], roles = [];
      q.words.forEach(function (w, i) {
        asks.push(lookup(c, w, i === typing ? w + "\x7f" : w, w)); roles.push(i);
        if (i > 0) {
          var pair = "~" + q.words[i - 1] + " " + w;
          asks.push(lookup(c, pair, i === typing ? pair + "\x7f" : pair, pair)); roles.push(-1);
        }
      });
      q.joined.forEach(function (w) { asks.push(lookup(c, w, w, w)); roles.push(-2); });
      return Promise.all(asks).then(function (found) {
        var score = {}, matched = {}, open = [];
        found.forEach(function (f, k) {
          var hits = f.hits;
          for (var id in hits) {
            score[id] = (score[id] || 0) + hits[id] * (roles[k] === -1 ? 2 : 1);
            if (roles[k] >= 0 || roles[k] === -2) matched[id] = (matched[id] || 0) + 1;
          }
          if (f.capped && roles[k] >= 0) open.push(hits);
        });
        var need = q.words.length, ids = Object.keys(score).map(Number);
        // A word whose postings were cut matches every page it may be on.
        open.forEach(function (hits) { ids.forEach(function (id) { if (!(id in hits)) matched[id] = (matched[id] || 0) + 1; }); });
        // Every word (or an abbreviation written joined) must match.
        var all = ids.filter(function (id) { return matched[id] >= need || (q.joined.length && matched[id] >= need - q.joined.length); });
        var partial = !all.length;
        var pool = partial ? ids : all;
        pool.sort(function (a, b) {
          return (partial ? matched[b] - matched[a] : 0) || score[b] - score[a] || a - b;
        });
        // When every word kept only its best postings, there are more results than those listed.
        var more = open.length === q.words.length;
        return { ids: pool, partial: partial, more: more, terms: terms, c: c };
      });
    });
  }

  function fragment(c, id) {
    var i = floor(c.starts, id);
    if (!fragments[i]) fragments[i] = get("trang/" + i + ".json?v=" + c.v);
    return fragments[i].then(function (docs) { return docs[id - c.starts[i]]; });
  }

  // The text around the first match of the phrase (or of any word), with the matches marked.
  function excerpt(text, terms, phrase) {
    var li = document.createElement("p");
    if (!text) return li;
    var folded = foldEach(text), at = folded.indexOf(phrase);
    if (at < 0) terms.forEach(function (t) { var k = folded.indexOf(t); if (k >= 0 && (at < 0 || k < at)) at = k; });
    var start = Math.max(0, (at < 0 ? 0 : at) - 80), end = Math.min(text.length, start + 240);
    while (start > 0 && !/\s/.test(text[start - 1])) start++;
    var piece = text.slice(start, end), fpiece = folded.slice(start, end);
    var marks = [];
    terms.concat([phrase]).forEach(function (t) {
      if (!t) return;
      var re = new RegExp("(^|[^a-z0-9])(" + t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[a-z0-9]*)", "g"), m;
      while ((m = re.exec(fpiece))) marks.push([m.index + m[1].length, m.index + m[0].length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    if (start > 0) li.appendChild(document.createTextNode("… "));
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      li.appendChild(document.createTextNode(piece.slice(pos, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(m[0], m[1]);
      li.appendChild(mark);
      pos = m[1];
    });
    li.appendChild(document.createTextNode(piece.slice(pos) + (end < text.length ? " …" : "")));
    return li;
  }

  function show(result, query, token, from) {
    var ids = result.ids.slice(from, from + PAGE);
    var phrase = words(query).words.join(" ");
    return Promise.all(ids.map(function (id) { return fragment(result.c, id); })).then(function (docs) {
      if (token !== current) return;
      docs.forEach(function (d) {
        if (!d) return;
        var li = document.createElement("li"), a = document.createElement("a"), s = document.createElement("span");
        a.href = d.u;
        a.textContent = d.t;
        s.className = "search-section";
        s.textContent = d.s;
        li.appendChild(s);
        li.appendChild(document.createTextNode(" · "));
        li.appendChild(a);
        li.appendChild(excerpt(d.x, result.terms, phrase));
        list.appendChild(li);
      });
      shown = [result, query, from + ids.length];
      more.hidden = from + ids.length >= result.ids.length;
    });
  }

  function run(query) {
    var token = ++current;
    updateURL(query);
    if (!query.trim()) {
      list.textContent = "";
      more.hidden = true;
      status.textContent = "Gõ từ khoá để tìm.";
      return;
    }
    search(query).then(function (result) {
      if (token !== current || !result) return;
      list.textContent = "";
      var n = result.ids.length;
      status.textContent = !n ? "Không tìm thấy “" + query + "”." :
        (result.partial ? "Không có kết quả chứa mọi từ; " + n + " kết quả chứa một phần của “" :
          (result.more ? "Hơn " : "") + n + " kết quả cho “") + query + "”";
      return show(result, query, token, 0);
    }).catch(function () { if (token === current) status.textContent = "Không tải được chỉ mục tìm kiếm."; });
  }

  function updateURL(query) {
    if (!window.history || !history.replaceState) return;
    var url = location.pathname + (query.trim() ? "?q=" + encodeURIComponent(query.trim()).replace(/%20/g, "+") : "");
    history.replaceState(null, "", url);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 120);
  });
  input.form && input.form.addEventListener("submit", function (e) { e.preventDefault(); run(input.value); });
  moreButton && moreButton.addEventListener("click", function () {
    if (shown.length) show(shown[0], shown[1], current, shown[2]);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
