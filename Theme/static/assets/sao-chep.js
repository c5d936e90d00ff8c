// Progressive enhancement: a "Sao chép mã" button beside each embed snippet. Without this script the
// <pre> stays, to be selected by hand. No inline code: the page's Content-Security-Policy allows none.
(function () {
  "use strict";
  var snippets = document.querySelectorAll("pre.snippet");
  Array.prototype.forEach.call(snippets, function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Sao chép mã";
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    pre.parentNode.insertBefore(button, pre.nextSibling);
    pre.parentNode.insertBefore(status, button.nextSibling);
    function done(ok) {
      status.textContent = ok ? "Đã sao chép." : "Không sao chép được: hãy chọn đoạn mã và sao chép.";
    }
    button.addEventListener("click", function () {
      var text = pre.textContent;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallback()); });
      } else {
        done(fallback());
      }
      function fallback() {
        var range = document.createRange();
        range.selectNodeContents(pre);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        try { return document.execCommand("copy"); } catch (e) { return false; }
      }
    });
  });
})();
