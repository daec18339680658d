// dekigoto report: draws the figures computed in Python and runs the events table
// (filters, sorting, pages) over the compact event list. Text is only ever set
// with textContent: article text never becomes markup.
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("report-data").textContent);
  const E = D.events, C = E.columns, N = C.id.length, PAGE = 50;
  const $ = (id) => document.getElementById(id);
  const CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] };
  const QUAD_COLOURS = { 1: "#8ecae6", 2: "#1d6fa5", 3: "#f4a261", 4: "#c1121f" };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k === "style") node.setAttribute("style", v);
      else node[k] = v;
    }
    for (const child of children) {
      if (child === null || child === undefined || child === "") continue;
      node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
    }
    return node;
  }
  const ja = (text) => (text ? el("span", { lang: "ja" }, " " + text) : null);
  const fmt = (n) => Number(n).toLocaleString("en-US");
  const signed = (g) => (g === null || g === undefined ? "" : (g > 0 ? "+" : "") + Number(g).toFixed(1));

  // ---------------------------------------------------------------- actors
  const actorByLabel = new Map();
  const actorIndex = new Map();
  E.actors.forEach((a, i) => {
    actorIndex.set(a[0], i);
    actorByLabel.set(actorLabel(i), i);
  });
  function actorLabel(i) {
    const a = E.actors[i];
    return (a[2] && a[2] !== a[1] ? a[1] + " " + a[2] : a[1]) + " (" + a[0] + ")";
  }
  function actorCell(i) {
    if (i < 0) return el("span", { class: "id" }, "—");
    const a = E.actors[i];
    return el("span", {}, el("span", { class: "name" }, a[1], a[2] && a[2] !== a[1] ? ja(a[2]) : null), el("span", { class: "id" }, a[0]));
  }
  function actorsMatching(text) {
    text = text.trim();
    if (!text) return null;
    if (actorByLabel.has(text)) return new Set([actorByLabel.get(text)]);
    const q = text.toLowerCase(), out = new Set();
    E.actors.forEach((a, i) => {
      if (a[0].toLowerCase() === q || a[1].toLowerCase().includes(q) || a[2].includes(text) || a[0].toLowerCase().includes(q)) out.add(i);
    });
    return out;
  }
  function nameOf(id) {
    const i = actorIndex.get(id);
    if (i === undefined) return el("span", {}, id);
    const a = E.actors[i];
    return el("span", {}, a[1], a[2] && a[2] !== a[1] ? ja(a[2]) : null);
  }

  // ---------------------------------------------------------------- per-event keys
  const start = new Array(N), end = new Array(N), lang = new Array(N), root = new Array(N), quad = new Array(N);
  let lowerEvidence = null;
  for (let i = 0; i < N; i++) {
    const d = C.date[i] || "";
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
    start[i] = m ? m[1] + "-" + (m[2] || "01") + "-" + (m[3] || "01") : "";
    end[i] = m ? m[1] + "-" + (m[2] || "12") + "-" + (m[3] || "31") : "";
    lang[i] = E.articles[C.art[i]][3];
    const code = E.codes[C.code[i]];
    root[i] = code[0].slice(0, 2);
    quad[i] = code[2];
  }
  function bound(text, high) {
    const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(text.trim());
    if (!m) return null;
    const pad = (s) => (s.length === 1 ? "0" + s : s);
    return m[1] + "-" + (m[2] ? pad(m[2]) : high ? "12" : "01") + "-" + (m[3] ? pad(m[3]) : high ? "31" : "01");
  }

  // ---------------------------------------------------------------- filters
  const state = { sort: null, desc: false, page: 0, rows: [] };
  const inputs = ["f-actor", "f-actor2", "f-country", "f-root", "f-quad", "f-from", "f-to", "f-lang", "f-text", "f-fact"].map($);

  function fillSelects() {
    const countries = new Set(), langs = new Set();
    E.actors.forEach((a) => a[3] && countries.add(a[3]));
    E.articles.forEach((a) => a[3] && langs.add(a[3]));
    [...countries].sort().forEach((c) => $("f-country").append(el("option", { value: c }, c)));
    Object.entries(D.roots).forEach(([code, pair]) => $("f-root").append(el("option", { value: code }, code + " " + pair[0] + " " + pair[1])));
    Object.entries(D.quads).forEach(([q, pair]) => $("f-quad").append(el("option", { value: q }, q + " " + pair[0] + " " + pair[1])));
    [...langs].sort().forEach((l) => $("f-lang").append(el("option", { value: l }, l)));
    const list = $("actor-names");
    E.actors.forEach((a, i) => list.append(el("option", { value: actorLabel(i) })));
  }

  function applyFilters() {
    const a1 = actorsMatching($("f-actor").value), a2 = actorsMatching($("f-actor2").value);
    const country = $("f-country").value, rootCode = $("f-root").value, q = $("f-quad").value ? Number($("f-quad").value) : 0;
    const from = bound($("f-from").value, false), to = bound($("f-to").value, true);
    const language = $("f-lang").value, text = $("f-text").value.trim().toLowerCase(), fact = $("f-fact").checked;
    if (text && !lowerEvidence) lowerEvidence = E.evidence.map((s) => s.toLowerCase());
    const factAttr = E.attributes.findIndex((a) => a[0] === "affirmed" && a[1] === "asserted");
    const rows = [];
    for (let i = 0; i < N; i++) {
      const s = C.src[i], t = C.tgt[i];
      if (a1 && a2) {
        if (!((a1.has(s) && a2.has(t)) || (a1.has(t) && a2.has(s)))) continue;
      } else if (a1 || a2) {
        const only = a1 || a2;
        if (!(only.has(s) || only.has(t))) continue;
      }
      if (country && !((s >= 0 && E.actors[s][3] === country) || (t >= 0 && E.actors[t][3] === country))) continue;
      if (rootCode && root[i] !== rootCode) continue;
      if (q && quad[i] !== q) continue;
      if (from && !(end[i] && end[i] >= from)) continue;
      if (to && !(start[i] && start[i] <= to)) continue;
      if (language && lang[i] !== language) continue;
      if (fact && C.attr[i] !== factAttr) continue;
      if (text && !lowerEvidence[C.ev[i]].includes(text)) continue;
      rows.push(i);
    }
    if (state.sort === "date") rows.sort((x, y) => (start[x] < start[y] ? -1 : start[x] > start[y] ? 1 : x - y));
    if (state.sort === "gold") rows.sort((x, y) => (C.gold[x] ?? 0) - (C.gold[y] ?? 0) || x - y);
    if (state.sort && state.desc) rows.reverse();
    state.rows = rows;
    state.page = 0;
    $("match-count").textContent = fmt(rows.length) + " of " + fmt(N) + " events match（該当 " + fmt(rows.length) + " 件）";
    renderPage();
  }

  function safeHref(href) {
    return /^https?:\/\//i.test(href) || !/^[a-z][a-z0-9+.-]*:/i.test(href) ? href : "";
  }

  function eventRow(i) {
    const code = E.codes[C.code[i]], attr = E.attributes[C.attr[i]], art = E.articles[C.art[i]];
    const tags = [];
    if (attr[0] !== "affirmed") tags.push(el("span", { class: "tag" }, attr[0]));
    if (attr[1] !== "asserted") tags.push(el("span", { class: "tag" }, attr[1]));
    if (C.sym[i]) tags.push(el("span", { class: "tag", title: "joint act: source and target interchangeable" }, "joint 共同"));
    const href = safeHref(art[4]);
    const title = art[1] || art[0];
    const link = href ? el("a", { href: href, target: "_blank", rel: "noopener" }, title) : el("span", {}, title);
    return el("tr", { dataset: { event: C.id[i] } },
      el("td", { class: "date" }, C.date[i]),
      el("td", {}, actorCell(C.src[i])),
      el("td", {}, el("span", { class: "quad", style: "background:" + QUAD_COLOURS[code[2]], title: D.quads[code[2]].join(" ") }),
        code[0] + " " + code[1], ...tags, C.loc[i] ? el("span", { class: "id" }, " @ " + C.loc[i]) : null),
      el("td", {}, actorCell(C.tgt[i])),
      el("td", { class: "num" }, signed(C.gold[i])),
      el("td", { class: "evidence" }, E.evidence[C.ev[i]], C.n[i] > 1 ? el("span", { class: "id" }, " (" + C.n[i] + "×)") : null),
      el("td", {}, link, el("span", { class: "id name" }, art[0] + " · " + art[2] + " · " + art[3])));
  }

  function renderPage() {
    const pages = Math.max(1, Math.ceil(state.rows.length / PAGE));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    const body = $("events").tBodies[0];
    const slice = state.rows.slice(state.page * PAGE, (state.page + 1) * PAGE);
    body.replaceChildren(...slice.map(eventRow));
    $("page-info").textContent = "page " + (state.page + 1) + " of " + pages + "（" + (state.page + 1) + " / " + pages + " ページ）";
    $("page-first").disabled = $("page-prev").disabled = state.page === 0;
    $("page-next").disabled = $("page-last").disabled = state.page >= pages - 1;
  }

  function setFilters(values) {
    for (const input of inputs) {
      if (input.type === "checkbox") input.checked = false;
      else input.value = "";
    }
    for (const [id, v] of Object.entries(values)) $(id).value = v;
    applyFilters();
    $("events-section").scrollIntoView({ behavior: "smooth", block: "start" });
  }
  const labelOf = (id) => (actorIndex.has(id) ? actorLabel(actorIndex.get(id)) : id);

  function wireTable() {
    fillSelects();
    let timer = null;
    for (const input of inputs) {
      input.addEventListener(input.tagName === "SELECT" || input.type === "checkbox" ? "change" : "input", () => {
        clearTimeout(timer);
        timer = setTimeout(applyFilters, 150);
      });
    }
    $("f-reset").addEventListener("click", () => setFilters({}));
    $("page-first").addEventListener("click", () => { state.page = 0; renderPage(); });
    $("page-prev").addEventListener("click", () => { state.page -= 1; renderPage(); });
    $("page-next").addEventListener("click", () => { state.page += 1; renderPage(); });
    $("page-last").addEventListener("click", () => { state.page = Infinity; renderPage(); });
    document.querySelectorAll("#events th button[data-sort]").forEach((b) => b.addEventListener("click", () => {
      state.desc = state.sort === b.dataset.sort ? !state.desc : false;
      state.sort = b.dataset.sort;
      applyFilters();
    }));
    applyFilters();
  }

  // ---------------------------------------------------------------- side tables
  function sideTables() {
    const codeLabel = new Map(E.codes.map((c) => [c[0], c[1]]));
    $("dyads").tBodies[0].replaceChildren(...D.top_dyads.map((d) => {
      const row = el("tr", { title: "list these events" },
        el("td", {}, nameOf(d.source), d.symmetric ? " ↔ " : " → ", nameOf(d.target)),
        el("td", { class: "num" }, fmt(d.events)), el("td", { class: "num" }, signed(d.goldstein)),
        el("td", {}, d.top_code + " " + (codeLabel.get(d.top_code) || "")));
      row.addEventListener("click", () => setFilters({ "f-actor": labelOf(d.source), "f-actor2": labelOf(d.target) }));
      return row;
    }));
    $("actors").tBodies[0].replaceChildren(...D.top_actors.map((a) => {
      const i = actorIndex.get(a.id);
      const row = el("tr", { title: "list these events" },
        el("td", {}, actorCell(i === undefined ? -1 : i)), el("td", {}, i === undefined ? "" : E.actors[i][4]),
        el("td", { class: "num" }, fmt(a.events), el("span", { class: "id" }, " " + fmt(a.as_source) + " / " + fmt(a.as_target))),
        el("td", { class: "num" }, a.n_mentions === undefined ? "" : fmt(a.n_mentions)), el("td", { class: "num" }, signed(a.goldstein)));
      row.addEventListener("click", () => setFilters({ "f-actor": labelOf(a.id) }));
      return row;
    }));
  }

  // ---------------------------------------------------------------- figures
  function drawTimeline(scale) {
    const fig = D.figures.timeline[scale], info = D.timeline.scales[scale];
    document.querySelectorAll("#scale-buttons button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.scale === scale)));
    $("timeline-note").textContent = info.excluded
      ? fmt(info.excluded) + " of " + fmt(info.shown + info.excluded) + " events are dated less precisely than a " + scale + " and not shown at this scale（この尺度より粗い日付の " + fmt(info.excluded) + " 件は表示していません）."
      : "";
    return Plotly.react("timeline", fig.data, fig.layout, CONFIG);
  }

  function timeline() {
    const names = { year: "Year 年", month: "Month 月", day: "Day 日" };
    for (const scale of ["year", "month", "day"]) {
      const info = D.timeline.scales[scale];
      if (!info || !info.periods.length) continue;
      const b = el("button", { type: "button", dataset: { scale: scale } }, names[scale]);
      b.addEventListener("click", () => drawTimeline(scale));
      $("scale-buttons").append(b);
    }
    return drawTimeline(D.timeline.default).then((div) => {
      div.on("plotly_click", (ev) => {
        const p = ev.points[0], cd = p.customdata;
        if (Array.isArray(cd)) setFilters({ "f-from": cd[0], "f-to": cd[0], "f-quad": String(cd[1]) });
        else if (cd) setFilters({ "f-from": cd, "f-to": cd });
      });
      return div;
    });
  }

  function network() {
    const net = D.network;
    $("network-note").textContent = "Showing the " + net.nodes.length + " actors most involved in events (of " + fmt(net.actors_in_events) +
      ") and the " + net.edges.length + " strongest links between them（上位 " + net.nodes.length + " の行為者）.";
    const fig = D.figures.network;
    return Plotly.newPlot("network", fig.data, fig.layout, CONFIG).then((div) => {
      div.on("plotly_click", (ev) => {
        const cd = ev.points[0].customdata;
        if (Array.isArray(cd)) setFilters({ "f-actor": labelOf(cd[0]), "f-actor2": labelOf(cd[1]) });
        else if (cd) setFilters({ "f-actor": labelOf(cd) });
      });
      return div;
    });
  }

  function summary() {
    const s = D.summary;
    const langs = Object.entries(s.languages).map(([k, v]) => k + " " + fmt(v)).join(", ");
    const count = (n, one, many) => fmt(n) + " " + (n === 1 ? one : many);
    const parts = [count(s.articles, "article", "articles") + " 記事 (" + langs + ")", count(s.events, "event", "events") + " 出来事",
      count(s.actors, "actor", "actors") + " 行為者"];
    if (s.first) parts.push("dated " + s.first + " – " + s.last);
    if (s.articles_failed) parts.push(fmt(s.articles_failed) + " articles failed (see articles.csv)");
    $("summary").textContent = parts.join(" · ");
  }

  summary();
  sideTables();
  wireTable();
  const drawn = typeof Plotly === "undefined" ? Promise.reject(new Error("plotly.js missing")) : Promise.all([timeline(), network()]);
  drawn.then(() => { document.body.dataset.ready = "1"; });
})();
