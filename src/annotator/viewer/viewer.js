// Hover a highlighted stretch: its spans, their attributes and the spans they refer to are shown
// and the referred spans are outlined. Everything is built with textContent, never innerHTML.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("viewer-data").textContent);
  const byId = new Map();
  document.querySelectorAll(".s[data-ids]").forEach(function (el) {
    const doc = el.closest("article").dataset.doc;
    el.dataset.ids.split(" ").forEach(function (id) {
      const key = doc + "\u0000" + id;
      if (!byId.has(key)) byId.set(key, []);
      byId.get(key).push(el);
    });
  });
  const info = document.getElementById("info");
  let marked = [];

  function line(cls, text) {
    const div = document.createElement("div");
    div.className = cls;
    div.textContent = text;
    return div;
  }

  function card(doc, id) {
    const span = data.docs[doc].spans[id];
    const box = document.createElement("div");
    box.className = "card";
    const head = document.createElement("b");
    head.textContent = span.layer + " / " + span.label;
    box.appendChild(head);
    box.appendChild(line("attr", "\u201c" + span.text + "\u201d  (" + id + ")"));
    Object.entries(span.attrs).forEach(function (kv) {
      box.appendChild(line("attr", kv[0] + " = " + (typeof kv[1] === "string" ? kv[1] : JSON.stringify(kv[1]))));
    });
    span.refs.forEach(function (ref) {
      const target = data.docs[doc].spans[ref[1]];
      box.appendChild(line("ref", ref[0] + " \u2192 " + (target ? target.text : ref[1])));
    });
    return box;
  }

  function show(el) {
    const article = el.closest("article");
    if (!article) return;
    const doc = article.dataset.doc;
    const ids = [];
    for (let node = el; node && node.classList && node.classList.contains("s"); node = node.parentElement) {
      node.dataset.ids.split(" ").forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
    }
    marked.forEach(function (m) { m.classList.remove("linked"); });
    marked = [];
    info.replaceChildren();
    ids.forEach(function (id) {
      info.appendChild(card(doc, id));
      data.docs[doc].spans[id].refs.forEach(function (ref) {
        (byId.get(doc + "\u0000" + ref[1]) || []).forEach(function (m) { m.classList.add("linked"); marked.push(m); });
      });
    });
  }

  document.addEventListener("mouseover", function (ev) {
    const el = ev.target.closest && ev.target.closest(".s");
    if (el) show(el);
  });
  document.querySelectorAll("#layers input").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.value, !box.checked);
    });
  });
  document.body.dataset.ready = String(byId.size);
})();
