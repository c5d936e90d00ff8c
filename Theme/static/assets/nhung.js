// Included by a news article next to the iframe snippet: sets each dtisite iframe's height to the
// height its embed page reports, so the chart shows at full width without scrollbars.
(function () {
  "use strict";
  if (window.__dtisiteEmbed) return;
  window.__dtisiteEmbed = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "dtisite-embed-height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe[data-dtisite-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(120, Math.min(data.height, 4000)) + "px";
      }
    }
  });
})();
