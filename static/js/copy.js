// Copy buttons: an enhancement. Without JavaScript the permanent link is a plain link and
// the embed snippet a text box to select; with it, one press copies to the clipboard.
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }

  function announce(control) {
    var status = document.getElementById(control.getAttribute("data-copy-status"));
    if (status) {
      status.textContent = status.getAttribute("data-copied");
    }
  }

  document.querySelectorAll("[data-copy-text]").forEach(function (control) {
    control.hidden = false;
    control.addEventListener("click", function (event) {
      event.preventDefault();
      navigator.clipboard.writeText(control.getAttribute("data-copy-text")).then(function () {
        announce(control);
      });
    });
  });

  document.querySelectorAll("[data-copy-from]").forEach(function (control) {
    control.hidden = false;
    control.addEventListener("click", function () {
      var source = document.getElementById(control.getAttribute("data-copy-from"));
      navigator.clipboard.writeText(source.value).then(function () {
        announce(control);
      });
    });
  });
})();
