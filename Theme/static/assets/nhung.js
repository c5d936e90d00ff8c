// Included by a news article next to the iframe snippet: sets each dtisite iframe's height to the
// height its embed page reports, so the chart shows at full width without scrollbars. Embed pages
// report on their own; this script also asks every dtisite iframe when it starts and when an iframe
// (re)loads, so an iframe that loaded before the script, or lazily after it, is never missed.
(function () {
  "use strict";
  if (window.__dtisiteEmbed) return;
  window.__dtisiteEmbed = true;
  function frames() { return document.querySelectorAll("iframe[data-dtisite-embed]"); }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "dtisite-embed-height" || typeof data.height !== "number") return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === event.source) {
        list[i].style.height = Math.max(120, Math.min(data.height, 4000)) + "px";
      }
    }
  });
  function ask(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: "dtisite-embed-request" }, "*");
  }
  // Chromium does not lay out a cross-origin iframe that is off screen, so its own ResizeObserver can
  // miss a change made meanwhile (the article's column widened, the iframe loaded lazily): each iframe
  // is asked again when it comes near the screen and when its width changes.
  var near = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) ask(entry.target); });
  }, { rootMargin: "200px 0px" }) : null;
  var widths = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var width = Math.round(entry.contentRect.width);
      if (entry.target.__dtisiteWidth !== width) {
        entry.target.__dtisiteWidth = width;
        ask(entry.target);
        // The iframe's new width may reach its page after this request: ask once more a little later.
        setTimeout(function () { ask(entry.target); }, 300);
      }
    });
  }) : null;
  function watch() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (!list[i].__dtisiteWatched) {
        list[i].__dtisiteWatched = true;
        list[i].addEventListener("load", function (event) { ask(event.target); });
        if (near) near.observe(list[i]);
        if (widths) widths.observe(list[i]);
      }
      ask(list[i]);
    }
  }
  watch();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  window.addEventListener("load", watch);
  // An iframe the article adds later (an editor's preview, a page built by script) is watched too.
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      var added = records.some(function (record) {
        return Array.prototype.some.call(record.addedNodes, function (node) {
          return node.nodeType === 1 && (node.matches("iframe[data-dtisite-embed]") || node.querySelector("iframe[data-dtisite-embed]"));
        });
      });
      if (added) watch();
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
