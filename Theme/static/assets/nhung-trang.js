// Runs inside an embed page (/nhung/<id>/): tells the page that holds the iframe how tall the chart is,
// so the iframe can follow its content without scrollbars.
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "dtisite-embed-height", href: window.location.href, height: height }, "*");
    }
  }
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  if (window.ResizeObserver) new ResizeObserver(post).observe(document.documentElement);
  post();
})();
