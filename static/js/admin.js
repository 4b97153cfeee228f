// Pas à pas, Wagtail editor: the « + » buttons that add a block get a visible word, « Ajouter ici ».
// Wagtail draws these buttons with JavaScript (and again for every block added), so an observer labels new ones.
(() => {
  const LABEL = "Ajouter ici";

  const labelButtons = (root) => {
    for (const button of root.querySelectorAll(".c-sf-add-button:not([data-pasapas-labelled])")) {
      button.dataset.pasapasLabelled = "";
      const text = document.createElement("span");
      text.className = "pasapas-add-label";
      text.textContent = LABEL;
      button.append(text);
    }
  };

  const start = () => {
    labelButtons(document);
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) labelButtons(node.parentElement || node);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
