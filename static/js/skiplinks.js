// Skip links, on every page (templates/base.html). An ES module: deferred, strict, its names its own.
// Without JavaScript the links still jump to their target.

// After following a skip link, move focus to the target even where the browser keeps it on the link. On a phone
// the menu is a closed <details>: « Aller au menu » opens it first.
document.addEventListener("click", function (event) {
  var link = event.target.closest(".skiplinks a");
  if (!link) return;
  var target = document.querySelector(link.getAttribute("href"));
  if (!target) return;
  var closed = target.closest("details:not([open])");
  if (closed) closed.open = true;
  target.focus();
});
