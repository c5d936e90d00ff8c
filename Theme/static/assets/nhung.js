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
  function watch() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (!list[i].__dtisiteWatched) {
        list[i].__dtisiteWatched = true;
        list[i].addEventListener("load", function (event) { ask(event.target); });
      }
      ask(list[i]);
    }
  }
  watch();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  window.addEventListener("load", watch);
})();
