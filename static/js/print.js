// Print view: a button that opens the browser's print dialog (hidden without JavaScript, where Ctrl+P works).
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
