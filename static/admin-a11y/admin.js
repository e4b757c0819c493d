// Accessibility fixes to widgets the admin builds in the browser (select2 autocompletes,
// the jQuery UI language tabs of django-modeltranslation). They run whenever such a widget
// appears, because the widgets are created after the page has loaded.
(function () {
  "use strict";

  function labelTextFor(select) {
    var label = select && select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function fix(root) {
    // select2: the search box of a multiple select has no label of its own.
    root.querySelectorAll(".select2-search__field:not([aria-label])").forEach(function (field) {
      var container = field.closest(".select2-container");
      var select = container ? container.previousElementSibling : null;
      var text = labelTextFor(select);
      if (text) field.setAttribute("aria-label", text);
    });
    // select2: a single choice names itself by the chosen value, so an empty one (an optional
    // organiser, say) has no name; it gets its field's label.
    root.querySelectorAll('.select2-selection--single[role="combobox"]:not([aria-label])').forEach(function (box) {
      var container = box.closest(".select2-container");
      var select = container ? container.previousElementSibling : null;
      var text = labelTextFor(select);
      if (!text) return;
      box.setAttribute("aria-label", text);
      var shown = box.querySelector('.select2-selection__rendered[role="textbox"]:not([aria-label])');
      if (shown) shown.setAttribute("aria-label", text);
    });
    // select2: the "remove all" button sits inside the <ul> of chosen items; a list may only
    // hold list items, so it moves just before the list (select2 finds it there too).
    root.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear").forEach(function (clear) {
      var list = clear.parentNode;
      list.parentNode.insertBefore(clear, list);
    });
    // jQuery UI tabs: role=tab is on the <li>; the link inside it must not be a second,
    // nested control. The tabs find their panels through aria-controls, not the href.
    root.querySelectorAll('.ui-tabs-nav li[role="tab"] > a[href]').forEach(function (link) {
      link.removeAttribute("href");
      link.setAttribute("role", "presentation");
    });
    // modeltranslation's switch that shows one language in every field.
    var main = document.getElementById("modeltranslation-main-switch");
    if (main && !main.hasAttribute("aria-label")) {
      main.setAttribute("aria-label", document.documentElement.lang === "fi" ? "Kenttien kieli"
        : document.documentElement.lang === "sv" ? "Fältens språk" : "Language of the fields");
    }
  }

  function start() {
    fix(document);
    new MutationObserver(function () { fix(document); }).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
