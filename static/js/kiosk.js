// Pas à pas — sessions on shared computers. Loaded only for logged-in people (see accounts/kiosk.py).
// The server ends a session after a time without activity whatever happens here; this file only warns before
// the end, lets the person continue, and leaves the page when the time is up so that nothing stays on screen.
(function () {
  "use strict";

  var body = document.body;
  var timeout = parseInt(body.getAttribute("data-idle-timeout"), 10);
  var warning = parseInt(body.getAttribute("data-idle-warning"), 10);
  // Time really left on the server when the page was made (activity is recorded at most once a minute).
  var secondsLeft = parseInt(body.getAttribute("data-idle-left"), 10);
  var dialog = document.getElementById("idle-warning");
  if (!timeout || !dialog) return;
  if (!(warning > 0) || warning >= timeout) warning = Math.max(1, Math.floor(timeout / 2));

  var continueForm = dialog.querySelector("form[data-idle-continue]");
  var continueButton = continueForm.querySelector("button");
  var deadline = 0;
  var returnFocus = null;
  var leaving = false;

  function restart() {
    deadline = Date.now() + timeout * 1000;
  }

  function isOpen() {
    return dialog.hasAttribute("open");
  }

  function open() {
    returnFocus = document.activeElement;
    if (typeof dialog.showModal === "function") {
      dialog.showModal();
    } else {
      dialog.setAttribute("open", "");
    }
    continueButton.focus();
  }

  function close() {
    if (typeof dialog.close === "function") {
      dialog.close();
    } else {
      dialog.removeAttribute("open");
    }
    if (returnFocus && typeof returnFocus.focus === "function" && document.contains(returnFocus)) {
      returnFocus.focus();
    }
    returnFocus = null;
  }

  // Time is up: load the page again. The server has ended the session and answers with the login page.
  function leave(url) {
    if (leaving) return;
    leaving = true;
    window.location.assign(url || window.location.pathname + window.location.search);
  }

  function keepAlive() {
    continueButton.disabled = true;
    fetch(continueForm.action, {
      method: "POST",
      body: new FormData(continueForm),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          if (response.ok && data.active) {
            restart();
            close();
          } else {
            leave(data.login_url);
          }
        });
      })
      .catch(function () {
        leave();
      })
      .then(function () {
        continueButton.disabled = false;
      });
  }

  continueForm.addEventListener("submit", function (event) {
    event.preventDefault();
    keepAlive();
  });

  // Escape means the person is there: it counts as « Continuer ».
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    keepAlive();
  });

  // Timers slow down in background tabs: compare with the clock rather than count ticks.
  function tick() {
    var left = deadline - Date.now();
    if (left <= -500) {
      leave();
    } else if (left <= warning * 1000 && !isOpen()) {
      open();
    }
  }

  deadline = Date.now() + (secondsLeft >= 0 && secondsLeft <= timeout ? secondsLeft : timeout) * 1000;
  window.setInterval(tick, 250);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) tick();
  });
})();
