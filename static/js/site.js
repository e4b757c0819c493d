// Enhancements only: every page works without this file.
(function () {
  "use strict";
  // The practice list's filters are a disclosure (closed on a phone, so the results come
  // first); on a wide screen they are the side panel, open from the start.
  var filters = document.getElementById("filters");
  if (filters && window.matchMedia("(min-width: 56rem)").matches) {
    filters.open = true;
  }
  // A whole card is one link (its title's); a click on the card's text follows it too,
  // unless the reader was selecting that text.
  document.addEventListener("click", function (event) {
    var card = event.target.closest && event.target.closest(".card");
    if (!card || event.button !== 0 || event.target.closest("a, button, input, summary")) {
      return;
    }
    if (String(window.getSelection()).trim()) {
      return;
    }
    var link = card.querySelector(".card-title a");
    if (link) {
      link.click();
    }
  });
})();
