// Progressive enhancement: sortable tables. A table with data-sortable gets buttons in the headers
// marked data-sort="text|number"; cells give their machine value in data-value. Without this script
// the table keeps the order the page was built with.
(function () {
  "use strict";
  var tables = document.querySelectorAll("table[data-sortable]");
  function value(cell) {
    if (!cell) return "";
    var v = cell.getAttribute("data-value");
    return v === null ? cell.textContent.trim() : v;
  }
  if (tables.length) document.documentElement.classList.add("js");
  Array.prototype.forEach.call(tables, function (table) {
    var body = table.tBodies[0];
    if (!body) return;
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, column) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a.cells[column]), y = value(b.cells[column]);
          // A missing value is not a zero: it goes last whichever way the column is sorted.
          if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
          var order = kind === "number" ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "vi");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    table.classList.add("is-sortable");
  });
})();
