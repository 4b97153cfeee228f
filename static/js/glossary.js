// Glossary words in a tutorial (templates/learning/tutorial_page.html), defined in the page's « glossary-data ».
// Without JavaScript each word stays a link to its entry in the glossary.

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
