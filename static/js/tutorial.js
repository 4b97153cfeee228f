// Tutorial page: one step at a time on small screens, steps marked done without reloading, « Je vérifie ».
// Without this file every step shows on one page and each form posts normally.
(function () {
  "use strict";

  var section = document.querySelector("[data-stepper]");
  if (!section) return;
  var steps = Array.prototype.slice.call(section.querySelectorAll("[data-step]"));
  var end = document.querySelector("[data-tutorial-end]");
  var smallScreen = window.matchMedia("(max-width: 40em)");
  var current = 0;

  function stepIndexFromHash() {
    var match = /^#etape-(\d+)$/.exec(window.location.hash);
    if (match) return Math.min(Math.max(parseInt(match[1], 10) - 1, 0), steps.length - 1);
    if (window.location.hash === "#fin") return steps.length;
    var next = parseInt(section.getAttribute("data-next-step"), 10);
    return next ? next - 1 : 0;
  }

  function buildNav(step, index) {
    var nav = document.createElement("nav");
    nav.className = "step__nav";
    nav.setAttribute("aria-label", "Étapes précédente et suivante");
    if (index > 0) {
      var previous = document.createElement("button");
      previous.type = "button";
      previous.className = "button button--secondary";
      previous.textContent = "Étape précédente";
      previous.addEventListener("click", function () { show(index - 1, true); });
      nav.appendChild(previous);
    }
    var next = document.createElement("button");
    next.type = "button";
    next.className = "button button--secondary";
    next.textContent = index < steps.length - 1 ? "Étape suivante" : "Terminer";
    next.addEventListener("click", function () { show(index + 1, true); });
    nav.appendChild(next);
    step.appendChild(nav);
  }

  function show(index, moveFocus) {
    current = index;
    if (!smallScreen.matches) return;
    steps.forEach(function (step, i) { step.hidden = i !== index; });
    if (end) end.hidden = index < steps.length;
    if (moveFocus) {
      var target = index < steps.length ? steps[index].querySelector(".step__title") : end;
      if (target) target.focus();
      history.replaceState(null, "", index < steps.length ? "#etape-" + (index + 1) : "#fin");
    }
  }

  function applyLayout() {
    section.classList.toggle("steps--one-by-one", smallScreen.matches);
    if (smallScreen.matches) {
      show(stepIndexFromHash(), false);
    } else {
      steps.forEach(function (step) { step.hidden = false; });
      if (end) end.hidden = false;
    }
  }

  // On a phone « Avant de commencer » starts closed, so that the first step shows on the first screen.
  var checklist = document.querySelector("[data-checklist]");
  if (checklist && smallScreen.matches) checklist.open = false;

  steps.forEach(buildNav);
  applyLayout();
  smallScreen.addEventListener("change", applyLayout);
  window.addEventListener("hashchange", function () { show(stepIndexFromHash(), false); });

  // Mark a step done in the background; the plain form post remains the fallback.
  function updateProgress(data) {
    var wrapper = document.querySelector("[data-tutorial-progress]");
    if (wrapper) wrapper.hidden = false;
    var bar = document.querySelector("#progress-tutorial");
    if (bar) bar.value = data.percent;
    var text = document.querySelector("label[for='progress-tutorial'] [data-progress-text]");
    if (text) text.textContent = data.percent + " %";
  }

  steps.forEach(function (step, index) {
    var form = step.querySelector("[data-step-done-form]");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          step.classList.add("step--done");
          var status = document.createElement("p");
          status.className = "step__done-status";
          status.setAttribute("role", "status");
          var mark = document.createElement("span");
          mark.setAttribute("aria-hidden", "true");
          mark.textContent = "✓";
          status.appendChild(mark);
          status.appendChild(document.createTextNode(" Étape faite"));
          if (button) button.replaceWith(status);
          updateProgress(data);
          if (data.completed) {
            var endTitle = document.getElementById("end-title");
            if (endTitle) endTitle.textContent = "Bravo, vous avez fini ce tutoriel !";
          }
          // The button just pressed is gone: focus moves on to what comes next (the next step's heading, or the
          // end of the tutorial), which screen readers announce, instead of falling to the page itself.
          var nextIndex = data.completed ? steps.length : index + 1;
          if (smallScreen.matches) {
            show(nextIndex, true);
          } else {
            var target = nextIndex < steps.length ? steps[nextIndex].querySelector(".step__title") : end;
            if (target) target.focus();
          }
        })
        .catch(function () {
          form.submit();
        });
    });
  });

  // « Je vérifie »: immediate feedback, said aloud by screen readers through the live region.
  document.querySelectorAll("[data-check]").forEach(function (fieldset) {
    var button = fieldset.querySelector("[data-check-button]");
    var feedback = fieldset.querySelector("[data-check-feedback]");
    var answer = fieldset.querySelector("[data-check-answer]");
    if (!button || !feedback) return;
    button.hidden = false;
    if (answer) answer.hidden = true;
    button.addEventListener("click", function () {
      var chosen = fieldset.querySelector("input[type=radio]:checked");
      if (!chosen) {
        feedback.textContent = "Choisissez une réponse, puis vérifiez.";
        return;
      }
      if (chosen.hasAttribute("data-correct")) {
        feedback.textContent = "Bonne réponse !";
        feedback.className = "check__feedback check__feedback--right";
      } else {
        feedback.textContent = "Pas tout à fait. La bonne réponse est : " + fieldset.getAttribute("data-correct") + ".";
        feedback.className = "check__feedback check__feedback--wrong";
      }
      if (answer) answer.hidden = false;
    });
  });
})();
