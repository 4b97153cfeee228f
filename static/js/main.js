// Pas à pas — small progressive enhancements shared by every page. Every page works without this file.
(function () {
  "use strict";

  // After following a skip link, move focus to the target even where the browser keeps it on the link.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".skiplinks a");
    if (!link) return;
    var target = document.querySelector(link.getAttribute("href"));
    if (target) target.focus();
  });

  // « Écouter »: read a block aloud with the browser's own speech synthesis, in French. No external service.
  var synth = window.speechSynthesis;
  var speaking = null;
  function stopSpeaking() {
    if (synth) synth.cancel();
    if (speaking) {
      speaking.setAttribute("aria-pressed", "false");
      speaking.querySelector(".listen-button__label").textContent = "Écouter";
      speaking = null;
    }
  }
  function frenchVoice() {
    var voices = synth.getVoices() || [];
    return voices.find(function (voice) { return /^fr(-|_|$)/i.test(voice.lang); }) || null;
  }
  if (synth && "SpeechSynthesisUtterance" in window) {
    document.querySelectorAll("[data-listen]").forEach(function (button) {
      button.hidden = false;
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-listen]");
      if (!button) return;
      var wasSpeaking = speaking === button;
      stopSpeaking();
      if (wasSpeaking) return;
      var source = document.getElementById(button.getAttribute("data-listen"));
      if (!source) return;
      var utterance = new SpeechSynthesisUtterance(source.textContent.replace(/\s+/g, " ").trim());
      utterance.lang = "fr-FR";
      utterance.rate = 0.9;
      var voice = frenchVoice();
      if (voice) utterance.voice = voice;
      utterance.onend = stopSpeaking;
      utterance.onerror = stopSpeaking;
      speaking = button;
      button.setAttribute("aria-pressed", "true");
      button.querySelector(".listen-button__label").textContent = "Arrêter la lecture";
      synth.speak(utterance);
    });
  }

  // Glossary: each linked term becomes a disclosure that shows its definition right below, by click or keyboard.
  // The link keeps flowing with the text (a <button> cannot wrap across lines); it acts as a button.
  var dataElement = document.getElementById("glossary-data");
  if (dataElement) {
    var definitions = JSON.parse(dataElement.textContent || "{}");
    document.querySelectorAll("a.glossary-term[data-term]").forEach(function (link, index) {
      var entry = definitions[link.getAttribute("data-term")];
      if (!entry) return;
      var id = "definition-" + index;
      var definition = document.createElement("span");
      definition.className = "glossary-definition";
      definition.id = id;
      definition.hidden = true;
      var term = document.createElement("strong");
      term.textContent = entry.term + " : ";
      definition.appendChild(term);
      definition.appendChild(document.createTextNode(entry.definition + " "));
      var more = document.createElement("a");
      more.href = link.getAttribute("href");
      more.textContent = "Voir le glossaire";
      definition.appendChild(more);
      link.setAttribute("role", "button");
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-controls", id);
      link.setAttribute("title", "Voir la définition");
      var block = link.closest("p, li, div, legend") || link.parentNode;
      block.insertAdjacentElement("afterend", definition);
      function toggle(event) {
        event.preventDefault();
        var open = link.getAttribute("aria-expanded") === "true";
        link.setAttribute("aria-expanded", open ? "false" : "true");
        definition.hidden = open;
      }
      link.addEventListener("click", toggle);
      link.addEventListener("keydown", function (event) {
        if (event.key === " ") toggle(event);
        if (event.key === "Escape" && link.getAttribute("aria-expanded") === "true") toggle(event);
      });
    });
  }
})();
