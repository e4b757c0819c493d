// The practice form for translators: the original-language text under each field being
// translated, kept up to date as the original is typed, and page addresses (slugs) made from
// the titles while nobody has written a slug by hand. Only an enhancement: without it the
// form shows every language's fields, and the server fills an empty slug when saving.
(function () {
  "use strict";

  var LANGUAGES = ["fi", "sv", "en"];
  var TEXT_FIELDS = ["title", "summary", "description"];

  // The same rules as common/slugs.py slug_from_title().
  function slugFromTitle(title) {
    var text = (title || "")
      .replace(/[äåÄÅ]/g, "a")
      .replace(/[öÖ]/g, "o")
      .normalize("NFKD")
      .replace(/[^\x00-\x7f]/g, "")
      .toLowerCase()
      .replace(/[^\w\s-]/g, "")
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "");
    return text.slice(0, 100).replace(/^-+|-+$/g, "");
  }

  function field(name, code) {
    return document.getElementById("id_" + name + "_" + code);
  }

  function originalLanguage() {
    var select = document.getElementById("id_original_language");
    return select && select.value ? select.value : "fi";
  }

  function setUpSlugs() {
    LANGUAGES.forEach(function (code) {
      var title = field("title", code);
      var slug = field("slug", code);
      if (!title || !slug) return;
      // Only a slug that was empty when the form opened follows the title: an existing
      // address never changes by accident.
      var follows = slug.value === "";
      slug.addEventListener("input", function () {
        follows = false;
      });
      title.addEventListener("input", function () {
        if (follows) slug.value = slugFromTitle(title.value);
      });
    });
  }

  function setUpOriginals(help) {
    var blocks = [];
    TEXT_FIELDS.forEach(function (name) {
      LANGUAGES.forEach(function (code) {
        var input = field(name, code);
        if (!input) return;
        var block = document.createElement("div");
        block.className = "original-text";
        var label = document.createElement("p");
        label.className = "original-text-label";
        var text = document.createElement("div");
        text.className = "original-text-body";
        block.appendChild(label);
        block.appendChild(text);
        // Under the field's row (label and input), above its help text.
        var row = input.closest(".flex-container") || input;
        row.parentNode.insertBefore(block, row.nextSibling);
        blocks.push({ name: name, code: code, block: block, label: label, text: text });
      });
    });

    function update() {
      var original = originalLanguage();
      blocks.forEach(function (item) {
        if (item.code === original) {
          item.block.hidden = true;
          return;
        }
        var source = field(item.name, original);
        item.block.hidden = false;
        item.label.textContent = help.getAttribute("data-original-" + original) || original;
        item.text.setAttribute("lang", original);
        item.text.textContent = source && source.value ? source.value : help.getAttribute("data-empty");
      });
      // The tab of the original language says so.
      document.querySelectorAll(".ui-tabs-nav .ui-tabs-anchor").forEach(function (anchor) {
        var mark = anchor.querySelector(".original-mark");
        var isOriginal = (anchor.getAttribute("href") || "").slice(-3) === "_" + original;
        if (isOriginal && !mark) {
          mark = document.createElement("span");
          mark.className = "original-mark";
          mark.textContent = " (" + help.getAttribute("data-original-tab") + ")";
          anchor.appendChild(mark);
        } else if (!isOriginal && mark) {
          mark.remove();
        }
      });
    }

    TEXT_FIELDS.forEach(function (name) {
      LANGUAGES.forEach(function (code) {
        var input = field(name, code);
        if (input) input.addEventListener("input", update);
      });
    });
    var select = document.getElementById("id_original_language");
    if (select) select.addEventListener("change", update);
    update();
  }

  function start() {
    var help = document.getElementById("translation-help");
    if (!help) return;
    setUpSlugs();
    setUpOriginals(help);
  }

  // After modeltranslation has built its tabs (it does so when the document is ready).
  if (window.jQuery) {
    window.jQuery(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
