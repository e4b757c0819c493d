// Accessibility fixes to widgets the admin builds in the browser (select2 autocompletes,
// the jQuery UI language tabs of django-modeltranslation). The select2 fixes run whenever such
// a widget appears, because the widgets are created after the page has loaded.
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
    // modeltranslation's switch that shows one language in every field.
    var main = document.getElementById("modeltranslation-main-switch");
    if (main && !main.hasAttribute("aria-label")) {
      main.setAttribute("aria-label", document.documentElement.lang === "fi" ? "Kenttien kieli"
        : document.documentElement.lang === "sv" ? "Fältens språk" : "Language of the fields");
    }
  }

  // jQuery UI tabs (django-modeltranslation's language tabs) put role=tab on the <li> and
  // leave a focusable <a href="#panel"> inside it: a control nested in a control, which
  // screen readers announce twice (axe: nested-interactive). jQuery UI needs the anchors and
  // their href (it reads anchor.href on every switch), so the widget is extended in its own
  // documented way instead: the <a> becomes the tab, as in the WAI-ARIA tabs pattern, and the
  // <li> is only layout. Keyboard handling stays jQuery UI's (arrows, Home, End).
  function extendTabs($) {
    if (!$ || !$.ui || !$.ui.tabs || $.ui.tabs.prototype._ariaOnAnchors) return;
    var MOVED = ["aria-controls", "aria-selected", "aria-expanded", "aria-disabled"];
    $.widget("ui.tabs", $.ui.tabs, {
      _ariaOnAnchors: function () {
        var anchors = this.anchors;
        this.tabs.each(function (index, item) {
          var anchor = anchors[index];
          if (!anchor) return;
          anchor.setAttribute("role", "tab");
          MOVED.forEach(function (name) {
            if (item.hasAttribute(name)) {
              anchor.setAttribute(name, item.getAttribute(name));
              item.removeAttribute(name);
            }
          });
          if (item.hasAttribute("tabindex")) {
            anchor.setAttribute("tabindex", item.getAttribute("tabindex"));
            item.removeAttribute("tabindex");
          }
          item.removeAttribute("aria-labelledby");
          item.setAttribute("role", "presentation");
        });
      },
      _processTabs: function () {
        this._super();
        this._ariaOnAnchors();
      },
      _refresh: function () {
        this._super();
        this._ariaOnAnchors();
      },
      _toggle: function (event, eventData) {
        this._super(event, eventData);
        this._ariaOnAnchors();
      },
      _setOptionDisabled: function (disabled) {
        this._super(disabled);
        this._ariaOnAnchors();
      },
      _tabKeydown: function (event) {
        this._super(event);
        this._ariaOnAnchors();
      },
      _focusNextTab: function (index, goingForward) {
        index = this._findNextTab(index, goingForward);
        this.anchors.eq(index).trigger("focus");
        return index;
      },
      _panelKeydown: function (event) {
        if (!this._handlePageNav(event) && event.ctrlKey && event.keyCode === $.ui.keyCode.UP) {
          event.preventDefault();
          this.active.find(".ui-tabs-anchor").trigger("focus");
        }
      },
      _getPanelForTab: function (tab) {
        var anchor = $(tab).is("a") ? $(tab) : $(tab).find(".ui-tabs-anchor");
        var id = anchor.attr("aria-controls") || $(tab).attr("aria-controls");
        return this.element.find("#" + CSS.escape(id));
      },
    });
  }

  function start() {
    fix(document);
    new MutationObserver(function () { fix(document); }).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }

  // Before DOMContentLoaded, when modeltranslation builds its tabs (this script is deferred).
  extendTabs(window.jQuery);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
