// Progressive enhancement for /tim-kiem/: filters the page list as the reader types.
// Without this script the page still lists every page of the site.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !window.fetch) return;

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }

  function render(entries, query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var hits = entries.filter(function (e) {
      var hay = e.folded;
      return words.every(function (w) { return hay.indexOf(w) !== -1; });
    });
    list.textContent = "";
    hits.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = e.url;
      a.textContent = e.title;
      li.appendChild(a);
      if (e.summary) {
        var p = document.createElement("p");
        p.textContent = e.summary;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    status.textContent = words.length ? hits.length + " kết quả cho “" + query + "”" : "Tất cả các trang của cổng thông tin:";
  }

  fetch(input.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (entries) {
    entries.forEach(function (e) { e.folded = fold(e.title + " " + e.summary + " " + e.text); });
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) input.value = params.get("q");
    render(entries, input.value);
    input.addEventListener("input", function () { render(entries, input.value); });
  }).catch(function () { /* keep the full list */ });
})();
