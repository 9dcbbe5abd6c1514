// kit serve: the preview overlay. Never part of kit build output.
// Reads the page's segment data (#kit-preview-data), marks each segment with its state,
// shows the segment under the pointer or keyboard focus, source and translation side by
// side, the handouts, errors; and updates the page in place when the server says it changed.
"use strict";
(function () {
  var STATE_NAMES = {
    "translated": "translated", "fuzzy": "fuzzy (needs checking)",
    "must-retranslate": "must be retranslated", "untranslated": "untranslated (shows the source)"
  };
  var view = { states: false, sideBySide: false, handouts: false, handout: "", stamp: 0, current: 0 };
  var data = null;
  var root = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function readData() {
    var blob = document.getElementById("kit-preview-data");
    data = blob ? JSON.parse(blob.textContent) : null;
  }

  function segment(id) {
    return (data.segments || []).filter(function (s) { return s.id === id; })[0];
  }

  function markSegments() {
    document.querySelectorAll(".kit-seg").forEach(function (span) {
      var info = segment(Number(span.getAttribute("data-kit-seg")));
      if (!info) return;
      span.setAttribute("data-kit-state", info.state);
      span.setAttribute("data-kit-reviewed", info.reviewed ? "true" : "false");
      if (view.states) span.setAttribute("tabindex", "0"); else span.removeAttribute("tabindex");
      span.classList.toggle("kit-current", info.id === view.current);
    });
    document.body.classList.toggle("kit-show-states", view.states);
  }

  function toggle(label, key, controls) {
    var button = el("button", { type: "button", "aria-pressed": String(view[key]), text: label });
    if (controls && view[key]) button.setAttribute("aria-controls", controls);
    button.addEventListener("click", function () { view[key] = !view[key]; render(); focusButton(label); });
    return button;
  }

  function focusButton(label) {
    root.querySelectorAll("button").forEach(function (b) { if (b.textContent === label) b.focus(); });
  }

  function problems(list) {
    return el("ul", {}, list.map(function (p) {
      return el("li", { text: (p.severity ? p.severity + " " : "") + (p.check ? "[" + p.check + "] " : "") +
        (p.where ? p.where + ": " : "") + p.message + (p.hint ? " (" + p.hint + ")" : "") });
    }));
  }

  function summary() {
    var text = data.language + " (" + data.locale + "): " + Math.round(data.progress) +
      "% of words translated; kit build would " + (data.decision === "withhold" ? "withhold this page" :
      data.decision === "banner" ? "publish it with a banner" : "publish it");
    if (data.reasons && data.reasons.length) text += ": " + data.reasons.join("; ");
    return el("p", { "class": "kit-status", text: text });
  }

  function details() {
    var info = segment(view.current);
    var box = el("section", { id: "kit-segment", "aria-labelledby": "kit-segment-title" });
    box.appendChild(el("h2", { id: "kit-segment-title", text: info ? "Segment " + info.id + " (" + info.kind + ")" :
      "Segment: point at or focus a sentence to see its details" }));
    if (!info) return box;
    var rows = [
      ["State", (STATE_NAMES[info.state] || info.state) + (info.reviewed ? ", reviewed" : "") +
        (info.reason ? ": " + info.reason : "")],
      ["Source", info.source], ["Shown", info.text],
      ["Previous source", info.previous || "none"],
      ["Notes", info.notes.length ? info.notes.join("\n") : "none"],
      ["PO entry", info.po || "no entry in the catalog"], ["Source line", info.source_at]
    ];
    var dl = el("dl");
    rows.forEach(function (r) {
      dl.appendChild(el("dt", { text: r[0] }));
      var dd = el("dd", { text: r[1] });
      if (r[0] === "Source" || r[0] === "Previous source") dd.setAttribute("dir", "auto");
      if (r[0] === "Shown") { dd.setAttribute("dir", "auto"); dd.setAttribute("lang", document.documentElement.lang); }
      dl.appendChild(dd);
    });
    box.appendChild(dl);
    box.appendChild(el("h2", { text: "Findings (" + info.findings.length + ")" }));
    if (info.findings.length) box.appendChild(problems(info.findings));
    return box;
  }

  function sideBySide() {
    var table = el("table", { id: "kit-side" }, [el("caption", { text: "Source and translation" }),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "#" }), el("th", { scope: "col", text: "Source" }),
        el("th", { scope: "col", text: "Translation" }), el("th", { scope: "col", text: "State" })])])]);
    var body = el("tbody");
    data.segments.forEach(function (s) {
      body.appendChild(el("tr", {}, [el("th", { scope: "row", text: String(s.id) }),
        el("td", { dir: "auto", text: s.source }),
        el("td", { dir: "auto", lang: document.documentElement.lang, text: s.state === "translated" ? s.text : "" }),
        el("td", { text: STATE_NAMES[s.state] + (s.reviewed ? ", reviewed" : "") })]));
    });
    table.appendChild(body);
    return table;
  }

  function handouts() {
    var box = el("section", { id: "kit-handouts", "aria-labelledby": "kit-handouts-title" },
      [el("h2", { id: "kit-handouts-title", text: "Handouts" })]);
    var bar = el("div", { "class": "kit-bar" });
    data.handouts.forEach(function (h) {
      var b = el("button", { type: "button", "aria-pressed": String(view.handout === h.href), text: h.kind });
      b.addEventListener("click", function () { view.handout = h.href; view.stamp = Date.now(); render(); focusButton(h.kind); });
      bar.appendChild(b);
    });
    box.appendChild(bar);
    if (view.handout) {
      box.appendChild(el("iframe", { title: "Handout " + view.handout, src: view.handout + "?v=" + view.stamp }));
      box.appendChild(el("p", {}, [el("a", { href: view.handout, text: "Open " + view.handout })]));
    }
    return box;
  }

  function render() {
    if (!data) return;
    var status = root ? root.querySelector("#kit-live") : null;
    var live = status ? status.textContent : "Live: this page updates when you save.";
    if (root) root.remove();
    root = el("div", { id: "kit-preview", role: "region", "aria-label": "kit preview", lang: "en", dir: "ltr" });
    var errorBox = el("div", { "class": "kit-error", role: "alert" });
    if (data.errors.length) {
      errorBox.appendChild(el("strong", { text: "The last save has an error; this is the last good page." }));
      errorBox.appendChild(problems(data.errors));
    } else errorBox.hidden = true;
    root.appendChild(errorBox);
    root.appendChild(el("div", { "class": "kit-bar" }, [
      toggle("Segment states", "states"), toggle("Side by side", "sideBySide", "kit-side"),
      toggle("Handouts", "handouts", "kit-handouts"),
      el("a", { "class": "kit-button", href: "/", text: "Locale overview" }),
      el("p", { id: "kit-live", "class": "kit-status", role: "status", "aria-live": "polite", text: live })
    ]));
    root.appendChild(summary());
    if (data.findings.length) {
      root.appendChild(el("h2", { text: "Page findings (" + data.findings.length + ")" }));
      root.appendChild(problems(data.findings));
    }
    root.appendChild(details());
    if (view.sideBySide) root.appendChild(sideBySide());
    if (view.handouts) root.appendChild(handouts());
    document.body.appendChild(root);
    document.body.classList.add("kit-has-preview");
    markSegments();
  }

  function show(event) {
    var span = event.target.closest ? event.target.closest(".kit-seg") : null;
    if (!span || (root && root.contains(span))) return;
    var id = Number(span.getAttribute("data-kit-seg"));
    if (id === view.current) return;
    view.current = id;
    var old = root.querySelector("#kit-segment");
    old.replaceWith(details());
    markSegments();
  }

  var lastText = null;

  function focused() {
    var active = document.activeElement;
    if (!active || active === document.body) return null;
    if (active.classList.contains("kit-seg")) return '.kit-seg[data-kit-seg="' + active.getAttribute("data-kit-seg") + '"]';
    if (root && root.contains(active) && active.tagName === "BUTTON") return active.textContent;
    return null;
  }

  function refocus(what) {
    if (!what) return;
    if (what.charAt(0) === ".") { var seg = document.querySelector(what); if (seg) seg.focus(); }
    else focusButton(what);
  }

  function refresh() {
    fetch(location.pathname, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (text) {
      if (text === lastText) return;  // nothing changed for this page (findings re-sent, say)
      lastText = text;
      var again = focused();
      var fresh = new DOMParser().parseFromString(text, "text/html");
      if (root) root.remove();
      root = null;
      var body = document.body;
      var keep = { live: "Updated at " + new Date().toLocaleTimeString("en") };
      while (body.firstChild) body.removeChild(body.firstChild);
      Array.prototype.slice.call(fresh.body.childNodes).forEach(function (n) {
        if (n.nodeName !== "SCRIPT" || n.id === "kit-preview-data") body.appendChild(document.importNode(n, true));
      });
      document.title = fresh.title;
      readData();
      render();
      root.querySelector("#kit-live").textContent = keep.live;
      refocus(again);
    }).catch(function () {
      if (root) root.querySelector("#kit-live").textContent = "The preview server cannot be reached.";
    });
  }

  function listen() {
    var events = new EventSource("/_kit/events");
    events.onmessage = function (message) {
      var event = JSON.parse(message.data);
      var here = location.pathname.replace(/^\//, "");
      if (event.kind === "pages" && event.pages.indexOf(here) >= 0) refresh();
      if (event.kind === "handouts" && view.handouts && view.handout) {
        var file = here.split("/")[0] + "/" + view.handout;
        if (event.files.indexOf(file) >= 0) { view.stamp = Date.now(); render(); }
      }
    };
  }

  readData();
  render();
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
  listen();
})();
