// « Écouter », loaded by templates/components/listen_button.html: a module, so a page with several buttons loads
// and runs it once. Without JavaScript (or speech synthesis) the buttons stay hidden.

// « Écouter »: read a block aloud with the browser's own speech synthesis, in French. No external service.
// What is read is the block's visible text in reading order, one utterance per paragraph, item, label or choice
// list, so each gets its pause. Without a French voice (or when the voice fails) the button says so, and a note
// beside it asks the person who helps to read along: nothing fails silently (docs/architecture.md, « Écouter »).
var synth = window.speechSynthesis;
var LABEL = "Écouter";
var LABEL_STOP = "Arrêter la lecture";
var LABEL_NO_VOICE = "Écouter : pas de voix";
var NO_VOICE_NOTE =
  "Pas de voix française sur cet appareil. Demandez à la personne qui vous accompagne de lire avec vous.";
// Not read: controls, what is only for screen readers or hidden from them, the « Écouter » block itself.
var SKIP = "script, style, template, noscript, button, img, svg, nav, .listen, .visually-hidden, " +
  "[aria-hidden='true'], [data-listen-skip]";
// Inline parts followed by a pause (« Étape 2 sur 5. Ouvrir le site. », « Alerte arnaque. Faux sites. »).
var PAUSE_AFTER = ".step__count, .question__count, .callout__kind, .check__kind";
var speaking = null;
var session = 0;
var voicesSettled = false;
var noVoice = false;

function setLabel(button, text) {
  var label = button.querySelector(".listen-button__label");
  if (label) label.textContent = text;
}

function stopSpeaking() {
  session += 1;
  if (synth) synth.cancel();
  if (speaking) {
    speaking.setAttribute("aria-pressed", "false");
    setLabel(speaking, noVoice ? LABEL_NO_VOICE : LABEL);
    speaking = null;
  }
}

function frenchVoice(voices) {
  return voices.find(function (voice) { return /^fr(-|_|$)/i.test(voice.lang || ""); }) || null;
}

function voices() {
  try { return synth.getVoices() || []; } catch (error) { return []; }
}

// Voices load asynchronously: wait for « voiceschanged », or a short while where it never comes (no voice at all).
function whenVoicesSettled(callback) {
  if (voicesSettled || voices().length) {
    voicesSettled = true;
    callback();
    return;
  }
  var done = false;
  function settle() {
    if (done) return;
    done = true;
    voicesSettled = true;
    callback();
  }
  if (synth.addEventListener) synth.addEventListener("voiceschanged", settle, { once: true });
  window.setTimeout(settle, 1500);
}

// The device has voices but none speaks French, or the voice failed: every button says so from now on.
function markNoVoice() {
  noVoice = true;
  document.querySelectorAll("[data-listen]").forEach(function (button) {
    button.setAttribute("aria-disabled", "true");
    button.setAttribute("aria-pressed", "false");
    setLabel(button, LABEL_NO_VOICE);
  });
}

function showNote(button) {
  var wrapper = button.closest(".listen");
  var note = wrapper && wrapper.querySelector("[data-listen-note]");
  if (!note) return;
  // Emptied first so that a second click is announced again by the live region.
  note.textContent = "";
  window.setTimeout(function () { note.textContent = NO_VOICE_NOTE; }, 50);
}

function shown(element) {
  if (element.hidden) return false;
  if (element.parentElement && element.parentElement.matches("details:not([open])") && element.tagName !== "SUMMARY") {
    return false;
  }
  if (element.checkVisibility) return element.checkVisibility({ visibilityProperty: true });
  var style = window.getComputedStyle(element);
  return style.display !== "none" && style.visibility !== "hidden";
}

function tidy(text) {
  return text.replace(/[✓✗✔✘→←•]/g, " ").replace(/\s+/g, " ").trim();
}

// The visible text of `root` in reading order, cut into parts that each end like a sentence.
function readableParts(root) {
  var parts = [];
  var buffer = "";
  var lastChoices = null;
  function push(text) {
    text = tidy(text);
    if (!text) return;
    parts.push(/[.!?:;…»)]$/.test(text) ? text : text + ".");
  }
  function flush() {
    push(buffer);
    buffer = "";
  }
  function readSelect(select) {
    flush();
    var choices = Array.prototype.filter.call(select.options, function (option) { return option.value !== ""; })
      .map(function (option) { return tidy(option.textContent); });
    var key = choices.join("\n");
    if (choices.length && key !== lastChoices) push("Choix possibles : " + choices.join(" ; ") + ".");
    lastChoices = key;
    var chosen = select.selectedOptions && select.selectedOptions[0];
    if (chosen && chosen.value !== "") push("Votre choix : " + tidy(chosen.textContent) + ".");
  }
  function visit(node) {
    if (node.nodeType === 3) {
      buffer += node.nodeValue;
      return;
    }
    if (node.nodeType !== 1 || node.matches(SKIP) || !shown(node)) return;
    if (node.tagName === "SELECT") {
      readSelect(node);
      return;
    }
    if (node.tagName === "INPUT" || node.tagName === "TEXTAREA") {
      if (node.type !== "radio" && node.type !== "checkbox" && node.type !== "hidden" && node.value) {
        flush();
        push("Votre réponse : " + node.value + ".");
      }
      return;
    }
    var display = window.getComputedStyle(node).display;
    var block = display.indexOf("inline") !== 0 || node.tagName === "BR";
    if (block) flush();
    var control = node.tagName === "LABEL" && node.control;
    if (control && (control.type === "radio" || control.type === "checkbox")) buffer += "Réponse : ";
    Array.prototype.forEach.call(node.childNodes, visit);
    if (block || node.matches(PAUSE_AFTER)) flush();
  }
  visit(root);
  flush();
  return parts;
}

function sourceOf(button) {
  var target = button.getAttribute("data-listen");
  if (target) return document.getElementById(target);
  var wrapper = button.closest(".listen");
  return wrapper ? wrapper.parentElement : null;
}

function fail(button) {
  stopSpeaking();
  markNoVoice();
  showNote(button);
}

// One utterance after the other: each part ends before the next starts, so paragraphs keep their pause.
function speakParts(button, parts) {
  var current = session;
  var voice = frenchVoice(voices());
  var index = 0;
  function next() {
    if (current !== session) return;
    if (index >= parts.length) {
      stopSpeaking();
      return;
    }
    var utterance = new SpeechSynthesisUtterance(parts[index]);
    index += 1;
    utterance.lang = "fr-FR";
    utterance.rate = 0.9;
    if (voice) {
      try { utterance.voice = voice; } catch (error) { /* keep the language alone */ }
    }
    utterance.onend = next;
    utterance.onerror = function (event) {
      if (current !== session) return;
      if (event && (event.error === "interrupted" || event.error === "canceled")) return;
      fail(button);
    };
    synth.speak(utterance);
  }
  next();
}

function listen(button) {
  if (noVoice) {
    showNote(button);
    return;
  }
  var available = voices();
  // Voices listed but none in French: reading French with another language's voice would not be understood.
  if (available.length && !frenchVoice(available)) {
    markNoVoice();
    showNote(button);
    return;
  }
  var source = sourceOf(button);
  var parts = source ? readableParts(source) : [];
  if (!parts.length) return;
  speaking = button;
  button.setAttribute("aria-pressed", "true");
  setLabel(button, LABEL_STOP);
  // No voice listed at all: some browsers still speak French (lang alone); if not, the error says so.
  speakParts(button, parts);
}

if (synth && "SpeechSynthesisUtterance" in window) {
  document.querySelectorAll(".listen").forEach(function (wrapper) { wrapper.hidden = false; });
  whenVoicesSettled(function () {
    var available = voices();
    if (available.length && !frenchVoice(available)) markNoVoice();
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-listen]");
    if (!button) return;
    var wasSpeaking = speaking === button;
    stopSpeaking();
    if (wasSpeaking) return;
    if (voicesSettled || voices().length) {
      listen(button);
    } else {
      whenVoicesSettled(function () { listen(button); });
    }
  });
}
