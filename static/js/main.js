// Pas à pas — small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // After following a skip link, move focus to the target even where the browser keeps it on the link.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".skiplinks a");
    if (!link) return;
    var target = document.querySelector(link.getAttribute("href"));
    if (target) {
      target.focus();
    }
  });
})();
