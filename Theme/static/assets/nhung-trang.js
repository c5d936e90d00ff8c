// Runs inside an embed page (/nhung/<id>/): tells the page that holds the iframe how tall the chart is,
// so the iframe can follow its content without scrollbars. It reports on load, on every size change
// (ResizeObserver) and whenever the article's script asks, so a script that arrives late, or an
// iframe loaded lazily, still gets the height. ?theme=auto follows the reader's dark mode, ?theme=dark is dark (the
// default is light, like most articles); ?plain drops the title for articles that have their own.
(function () {
  "use strict";
  var query = window.location.search;
  if (/[?&]theme=(auto|dark)\b/.test(query)) document.documentElement.classList.remove("embed-light");
  if (/[?&]theme=dark\b/.test(query)) document.documentElement.classList.add("embed-dark");
  if (/[?&]plain\b/.test(query)) document.documentElement.classList.add("embed-plain");
  if (window.parent === window) return;
  // In an iframe, no scrollbar: one would take its width from the chart while the iframe is shorter than
  // the content (before the article's script sets its height), so that the height reported at that width
  // is wrong once it goes. The page still scrolls by touch or wheel if the article never sets the height.
  document.documentElement.classList.add("embed-framed");
  var last = 0;
  function post(force) {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last || force === true) {
      last = height;
      window.parent.postMessage({ type: "dtisite-embed-height", href: window.location.href, height: height }, "*");
    }
  }
  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "dtisite-embed-request") post(true);
  });
  window.addEventListener("load", function () { post(true); });
  window.addEventListener("resize", post);
  if (window.ResizeObserver) new ResizeObserver(post).observe(document.documentElement);
  post(true);
})();
