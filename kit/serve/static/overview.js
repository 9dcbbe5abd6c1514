// kit serve: the locale overview reloads itself when a page changes.
"use strict";
(function () {
  var events = new EventSource("/_kit/events");
  events.onmessage = function () {
    fetch(location.href, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var fresh = doc.querySelector("tbody"), old = document.querySelector("tbody");
      if (fresh && old) old.replaceWith(fresh);
      document.getElementById("kit-live").textContent = "Updated at " + new Date().toLocaleTimeString("en");
    });
  };
})();
