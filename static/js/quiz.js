// Quiz: one question per screen on small screens, answers saved as the person goes.
// Without this file the whole quiz is one form, and "Enregistrer" keeps the answers.
(function () {
  "use strict";

  var form = document.querySelector("[data-quiz]");
  if (!form) return;
  var questions = Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
  var actions = form.querySelector(".quiz__actions") || form.querySelector(".button-group");
  var smallScreen = window.matchMedia("(max-width: 40em)");
  var status = document.querySelector("[data-save-status]");
  var saveUrl = form.getAttribute("data-save-url");

  function show(index, moveFocus) {
    if (!smallScreen.matches) return;
    questions.forEach(function (question, i) { question.hidden = i !== index; });
    if (actions) actions.hidden = index !== questions.length - 1;
    if (moveFocus) {
      var legend = questions[index].querySelector(".question__count");
      if (legend) {
        legend.setAttribute("tabindex", "-1");
        legend.focus();
      }
    }
  }

  questions.forEach(function (question, index) {
    var nav = document.createElement("div");
    nav.className = "question__nav";
    if (index > 0) {
      var previous = document.createElement("button");
      previous.type = "button";
      previous.className = "button button--secondary";
      previous.textContent = "Question précédente";
      previous.addEventListener("click", function () { show(index - 1, true); });
      nav.appendChild(previous);
    }
    if (index < questions.length - 1) {
      var next = document.createElement("button");
      next.type = "button";
      next.className = "button";
      next.textContent = "Question suivante";
      next.addEventListener("click", function () { show(index + 1, true); });
      nav.appendChild(next);
    }
    question.appendChild(nav);
  });

  function applyLayout() {
    form.classList.toggle("quiz--one-by-one", smallScreen.matches);
    if (smallScreen.matches) {
      show(0, false);
    } else {
      questions.forEach(function (question) { question.hidden = false; });
      if (actions) actions.hidden = false;
    }
  }
  applyLayout();
  smallScreen.addEventListener("change", applyLayout);

  // « Terminer » with questions left blank asks first: one tap must not send empty answers.
  function answered(question) {
    var fields = question.querySelectorAll("input, select, textarea");
    return Array.prototype.some.call(fields, function (field) {
      if (field.type === "radio" || field.type === "checkbox") return field.checked;
      if (field.type === "hidden") return false;
      return field.value.trim() !== "";
    });
  }
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || submitter.name !== "terminer") return;
    var blank = questions.filter(function (question) { return !answered(question); }).length;
    if (!blank) return;
    var message = blank === 1
      ? "Une question n'a pas de réponse. Voulez-vous quand même terminer ?"
      : blank + " questions n'ont pas de réponse. Voulez-vous quand même terminer ?";
    if (!window.confirm(message)) event.preventDefault();
  });

  if (!saveUrl) return;
  var timers = {};
  function save(question) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    data.append("question", question.getAttribute("data-question"));
    question.querySelectorAll("input, select").forEach(function (field) {
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) return;
      data.append(field.name, field.value);
    });
    fetch(saveUrl, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (status) status.textContent = result.saved ? "Réponse enregistrée." : result.error || "";
      })
      .catch(function () {
        if (status) status.textContent = "Réponse non enregistrée : vérifiez la connexion.";
      });
  }
  questions.forEach(function (question) {
    question.addEventListener("change", function () {
      clearTimeout(timers[question.id]);
      timers[question.id] = setTimeout(function () { save(question); }, 300);
    });
  });
})();
