// eventwire web page: plain JavaScript and SVG, no third-party code, no network beyond this server.
// Safety rule: text from articles and the database only ever reaches the page through textContent,
// setAttribute on harmless attributes, or SVG <title> text nodes; innerHTML is never used.
"use strict";

(() => {
  const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const QUAD_COLOR = { 1: "#0072b2", 2: "#006d4f", 3: "#a84300", 4: "#b3261e", 0: "#6b7385" };
  const SERIES_COLORS = ["#2563c9", "#c62828", "#2e9d57", "#e08a00", "#7c3aed", "#0891b2", "#be185d", "#4b5563"];
  const PAGE = 50;
  const MAX_EDGES = 80;
  const AREA_KINDS = new Set(["country", "region", "continent", "sea", "ocean", "admin1"]);
  const SVGNS = "http://www.w3.org/2000/svg";

  const state = {
    token: null,
    db: false,
    scope: "db", // "db": the stored corpus; "doc": the article just extracted
    doc: null,
    offset: 0,
    total: 0,
    sort: "-date", // newest first
    openEvent: null, // the event whose detail is open (kept in the URL as ?event=ID)
    mapView: null, // the map's viewBox while the user pans and zooms
  };
  // Filters kept in the page's URL, with the API's names (the page URL is the API query, shareable).
  const FILTERS = ["actor", "recipient", "country", "sector", "type", "quad_class", "from", "to", "place", "outlet"];
  const DEFAULT_DIRECTION = { date: "-", goldstein: "-" }; // other columns sort ascending first

  // ---- small DOM helpers (text only) -----------------------------------------------------------
  const $ = (sel) => document.querySelector(sel);
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") node.className = v;
        else if (k === "tip") node.dataset.tip = v;
        else node.setAttribute(k, String(v));
      }
    }
    for (const c of children) append(node, c);
    return node;
  }
  function append(node, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach((x) => append(node, x)); return; }
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVGNS, tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  function svgTitle(text) { return svg("title", null, text); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  // The status line: the latest message, then what failed on the side (picklists, a permalinked event)
  // until that part loads again, so a later "N events" never hides an error.
  const statusParts = { main: "", facets: "", event: "" };
  function setStatus(text, part = "main") {
    statusParts[part] = text;
    $("#status").textContent = Object.values(statusParts).filter(Boolean).join(" · ");
  }
  function showError(where, err) {
    const box = $(where);
    box.textContent = err ? String(err.message || err) : "";
    box.classList.toggle("hidden", !err);
  }

  // ---- API ---------------------------------------------------------------------------------------
  async function api(path, options = {}) {
    const headers = Object.assign({ Accept: "application/json" }, options.headers || {});
    if (state.token) headers.Authorization = "Bearer " + state.token;
    const res = await fetch(path, Object.assign({}, options, { headers }));
    let body = null;
    try { body = await res.json(); } catch (_) { body = null; }
    if (res.status === 401) $("#auth").classList.remove("hidden");
    if (!res.ok) {
      const msg = body && body.error ? body.error.message : res.status + " " + res.statusText;
      const err = new Error(msg);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  function filterParams() {
    const form = $("#filters");
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const v = form.elements[name].value.trim();
      if (v) params.set(name, v);
    }
    if (form.elements.all.checked) params.set("all", "true");
    if (form.elements.hide_historical.checked) params.set("historical", "false");
    return params;
  }

  // ---- the page's URL: filters, sort, page and open event, restored on reload and on back/forward ------
  function pageParams() {
    const params = filterParams();
    if (state.sort !== "-date") params.set("sort", state.sort);
    if (state.offset) params.set("offset", state.offset);
    if (state.openEvent) params.set("event", state.openEvent);
    return params;
  }
  function pushUrl(replace) {
    const query = pageParams().toString();
    const url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  }
  function ensureOption(select, value) {
    if (!value || [...select.options].some((o) => o.value === value)) return;
    select.appendChild(el("option", { value }, value));
  }
  function restoreFromUrl() {
    const params = new URLSearchParams(window.location.search);
    const form = $("#filters");
    for (const name of FILTERS) {
      const control = form.elements[name];
      const value = params.get(name) || "";
      if (control.tagName === "SELECT") ensureOption(control, value);
      control.value = value;
    }
    form.elements.all.checked = params.get("all") === "true";
    form.elements.hide_historical.checked = params.get("historical") === "false";
    state.sort = params.get("sort") || "-date";
    state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    state.openEvent = params.get("event");
  }
  async function applyFilters() {
    state.offset = 0;
    state.openEvent = null;
    state.mapView = null;
    pushUrl(false);
    await Promise.all([loadEvents(), loadFacets()]);
  }
  function setFilter(name, value) {
    const control = $("#filters").elements[name];
    if (control.tagName === "SELECT") ensureOption(control, value);
    control.value = value;
    return applyFilters();
  }

  // ---- picklists fed by the API's facet counts (under the other filters) ----------------------------
  async function loadFacets() {
    if (!state.db || state.scope !== "db") { setStatus("", "facets"); return; }
    let facets;
    try {
      facets = (await api("/api/facets?" + filterParams().toString())).facets;
    } catch (err) {
      setStatus("picklists not updated: " + String(err.message || err), "facets");  // they keep their options
      return;
    }
    setStatus("", "facets");
    const form = $("#filters");
    for (const name of ["country", "sector", "type", "outlet"]) {
      const select = form.elements[name];
      const current = select.value;
      clear(select);
      select.appendChild(el("option", { value: "" }, "any"));
      for (const f of facets[name] || []) select.appendChild(el("option", { value: f.value }, f.label + " (" + f.count + ")"));
      ensureOption(select, current);
      select.value = current;
    }
    const codes = $("#codes");
    clear(codes);
    for (const f of facets.code || []) codes.appendChild(el("option", { value: f.value, label: f.label + " (" + f.count + ")" }));
  }

  // ---- download of the current filter ----------------------------------------------------------------
  async function download(ext) {
    const headers = {};
    if (state.token) headers.Authorization = "Bearer " + state.token;
    setStatus("preparing " + ext + "…");
    try {
      const res = await fetch("/api/events." + ext + "?" + filterParams().toString(), { headers });
      if (!res.ok) throw new Error((await res.json()).error.message);
      const url = URL.createObjectURL(await res.blob());
      const a = el("a", { href: url, download: "eventwire-events." + ext });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      setStatus(ext + " downloaded");
    } catch (err) {
      setStatus(String(err.message || err));
    }
  }

  // ---- the article view ----------------------------------------------------------------------------
  function actorLabel(a) {
    if (!a) return "";
    return a.code || a.name || a.id || "";
  }
  function actorTip(a) {
    const parts = [a.name];
    if (a.code) parts.push("code " + a.code);
    if (a.country) parts.push("country " + a.country);
    if (a.sector) parts.push("sector " + a.sector);
    if (a.kb_id) parts.push(a.kb_id);
    if (a.role) parts.push(a.role);
    return parts.filter(Boolean).join(" · ");
  }

  // Spans over the text, each with a kind and a tooltip; offsets are code points (as in Python).
  function docSpans(doc) {
    const spans = [];
    for (const a of doc.actors || []) {
      for (const m of a.mentions || []) spans.push({ start: m.start, end: m.end, kind: "actor", tip: "actor: " + actorTip(a) });
    }
    for (const p of doc.places || []) {
      const tip = ["place: " + p.name, p.country, p.kind, p.lat != null ? p.lat.toFixed(2) + ", " + p.lon.toFixed(2) : null,
        p.geonameid ? "geonames " + p.geonameid : null].filter(Boolean).join(" · ");
      for (const m of p.mentions || []) spans.push({ start: m.start, end: m.end, kind: "place", tip });
    }
    for (const t of doc.times || []) {
      spans.push({ start: t.start, end: t.end, kind: "time", tip: ["time: " + (t.timex || "?"), t.type].filter(Boolean).join(" · ") });
    }
    for (const q of doc.quotes || []) {
      spans.push({ start: q.start, end: q.end, kind: "quote", tip: "quote (" + q.kind + ") by " + (q.speaker_name || q.speaker || "unknown") });
      if (q.cue) spans.push({ start: q.cue.start, end: q.cue.end, kind: "cue", tip: "quote cue" });
    }
    for (const e of doc.events || []) {
      const tr = e.evidence && e.evidence.trigger;
      if (!tr) continue;
      const who = (e.actor || []).map(actorLabel).join("+") || "?";
      const whom = (e.recipient || []).map(actorLabel).join("+") || "—";
      const tip = ["event: " + e.type + (e.mode ? "/" + e.mode : ""), e.cameo ? "CAMEO " + e.cameo : null,
        e.quad_class ? "quad " + e.quad_class : null, who + " → " + whom,
        (e.aux || []).length ? "aux: " + e.aux.join(", ") : null].filter(Boolean).join(" · ");
      spans.push({ start: tr.start, end: tr.end, kind: "trigger", tip, event: e.id });
    }
    return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start);
  }

  // ``focus``: {start, end} of a sentence to mark and scroll to (an event's evidence in its article).
  function renderDoc(doc, focus) {
    const box = $("#doc-text");
    clear(box);
    const chars = Array.from(doc.article.text || "");
    const spans = docSpans(doc);
    if (focus && Number.isInteger(focus.start) && focus.end > focus.start) {
      spans.push({ start: focus.start, end: focus.end, kind: "focus-sentence", tip: "the event's sentence" });
    }
    const cuts = new Set([0, chars.length]);
    for (const s of spans) { cuts.add(Math.min(s.start, chars.length)); cuts.add(Math.min(s.end, chars.length)); }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const text = chars.slice(a, b).join("");
      const cover = spans.filter((s) => s.start <= a && s.end >= b);
      if (!cover.length) { box.appendChild(document.createTextNode(text)); continue; }
      const kinds = [...new Set(cover.map((s) => s.kind))];
      const node = el("span", { class: "hl " + kinds.join(" "), tip: cover.map((s) => s.tip).join("\n") }, text);
      const ev = cover.find((s) => s.event);
      if (ev) node.dataset.event = ev.event;
      box.appendChild(node);
    }
    const art = doc.article || {};
    const meta = [art.title ? "“" + art.title + "”" : null, art.outlet, art.published, art.language,
      (doc.actors || []).length + " actors", (doc.places || []).length + " places", (doc.times || []).length + " times",
      (doc.quotes || []).length + " quotes", (doc.events || []).length + " events",
      (art.removed || []).length ? (art.removed.length + " pieces of debris removed") : null].filter(Boolean);
    $("#doc-meta").textContent = meta.join(" · ");
    $("#legend").classList.remove("hidden");
    const first = box.querySelector(".focus-sentence");
    if (first) {
      box.scrollTop = Math.max(0, first.offsetTop - box.offsetTop - box.clientHeight / 3);
      first.scrollIntoView({ block: "center" });
    }
  }

  async function extract(ev) {
    ev.preventDefault();
    const text = $("#text").value;
    showError("#extract-error", null);
    if (!text.trim()) { showError("#extract-error", "Paste an article or choose a file first."); return; }
    const body = { text, format: $("#format").value };
    const published = $("#published").value;
    const title = $("#title").value.trim();
    if (published) body.published = published;
    if (title) body.title = title;
    const button = $("#extract");
    button.disabled = true;
    setStatus("extracting…");
    try {
      const doc = await api("/api/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      state.doc = doc;
      renderDoc(doc);
      await setScope("doc");
      setStatus((doc.events || []).length + " events extracted");
    } catch (err) {
      showError("#extract-error", err);
      setStatus("");
    } finally {
      button.disabled = false;
    }
  }

  function readFile() {
    const file = $("#file").files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      $("#text").value = String(reader.result || "");
      $("#format").value = /\.html?$/i.test(file.name) ? "html" : "text";
      if (!$("#title").value) $("#title").placeholder = file.name;
    };
    reader.onerror = () => showError("#extract-error", "Could not read " + file.name);
    reader.readAsText(file);
  }

  // ---- events table --------------------------------------------------------------------------------
  // The event's date when it is one (YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD); a coder token such as
  // PRESENT_REF is no date, so the reporting article's publication date stands in for it.
  function eventDate(e) {
    const value = e.date && e.date.value;
    if (value && /^\d{4}/.test(value)) return value;
    return e.published || (state.doc && state.doc.article && state.doc.article.published) || "";
  }
  function evidenceNode(e) {
    const ev = e.evidence;
    if (!ev) return el("span", { class: "empty" }, "—");
    const sent = Array.from(ev.sentence || "");
    const tr = ev.trigger;
    if (!tr || tr.start < ev.start || tr.end > ev.start + sent.length) return el("span", { class: "evidence" }, ev.sentence);
    const a = tr.start - ev.start, b = tr.end - ev.start;
    return el("span", { class: "evidence" }, sent.slice(0, a).join(""), el("mark", null, sent.slice(a, b).join("")), sent.slice(b).join(""));
  }
  function eventRow(e) {
    const nonfact = (e.aux || []).some((x) => x === "negation" || x === "hypothetical" || x === "future");
    const quad = e.quad_class ? el("span", { class: "badge q" + e.quad_class, title: QUAD[e.quad_class] }, e.quad_class) : "";
    const loc = e.location ? [e.location.name, e.location.country].filter(Boolean).join(", ") : "";
    const row = el("tr", { class: nonfact ? "nonfact" : null, "data-id": e.id, tabindex: 0, "data-expanded": "false" },
      el("td", { tip: e.date && e.date.text ? "“" + e.date.text + "” (" + (e.date.precision || "") + ")" : null }, eventDate(e)),
      el("td", { tip: (e.actor || []).map(actorTip).join("\n") || null }, (e.actor || []).map(actorLabel).join(", ")),
      el("td", null, e.type + (e.mode ? " / " + e.mode : "")),
      el("td", { tip: (e.recipient || []).map(actorTip).join("\n") || null }, (e.recipient || []).map(actorLabel).join(", ")),
      el("td", { class: "wide" }, e.cameo || ""),
      el("td", { class: "wide" }, quad),
      el("td", { class: "wide" }, e.goldstein != null ? Number(e.goldstein).toFixed(1) : ""),
      el("td", null, loc),
      el("td", { class: "wide" }, (e.aux || []).join(", ")),
      el("td", { class: "evidence" }, evidenceNode(e)));
    row.addEventListener("click", (ev) => { if (!ev.target.closest("a, button")) toggleDetail(row, e); });
    row.addEventListener("keydown", (ev) => {
      if (ev.target !== row) return;
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggleDetail(row, e); }
      else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        let next = ev.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
        while (next && !next.hasAttribute("tabindex")) next = ev.key === "ArrowDown" ? next.nextElementSibling : next.previousElementSibling;
        if (next) next.focus();
      }
    });
    return row;
  }
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }
  // ``detail``: the event as /api/events/ID gives it, when the caller already has it (fetched once)
  async function toggleDetail(row, e, detail) {
    const next = row.nextElementSibling;
    if (next && next.classList.contains("detail")) {
      next.remove();
      row.dataset.expanded = "false";
      if (state.openEvent === e.id) { state.openEvent = null; pushUrl(true); }
      return;
    }
    let full = detail || e;
    if (!detail && state.scope === "db" && e.id) {
      try { full = Object.assign({}, e, await api("/api/events/" + encodeURIComponent(e.id))); } catch (_) { full = e; }
    }
    const mentions = (full.mentions && full.mentions.length ? full.mentions : [Object.assign({ article_id: e.article_id, url: e.url, outlet: e.outlet }, e.evidence || {})]).filter(Boolean);
    const facts = [
      ["article", e.article_id || (state.doc && state.doc.id)], ["outlet", e.outlet], ["rule", e.rule],
      ["confidence", e.confidence != null ? Number(e.confidence).toFixed(2) : null],
      ["date", e.date ? [e.date.value, e.date.precision, e.date.text ? "“" + e.date.text + "”" : null].filter(Boolean).join(" · ") : null],
      ["CAMEO", e.cameo], ["quad class", e.quad_class ? e.quad_class + " " + QUAD[e.quad_class] : null],
      ["contexts", (e.contexts || []).join(", ")], ["quote", e.quote], ["aux", (e.aux || []).join(", ")],
      ["mentions", e.mention_count || mentions.length],
    ].filter(([, v]) => v);
    const cell = el("td", { colspan: 10 }, el("div", { class: "meta" }, facts.map(([k, v]) => k + ": " + v).join(" · ")));
    for (const m of mentions) {
      // a stored mention carries its evidence as flat columns; an article's event as {sentence, start, trigger}
      const evidence = m.sentence_start != null ? { sentence: m.sentence, start: m.sentence_start, end: m.sentence_end,
        trigger: { text: m.trigger_text, start: m.trigger_start, end: m.trigger_end } } : m;
      const block = el("div", { class: "mention" }, "“", evidenceNode({ evidence }), "”");
      const source = [];
      if (m.outlet) source.push(m.outlet);
      if (m.published) source.push(String(m.published).slice(0, 10));
      const url = safeUrl(m.url);
      const line = el("div", { class: "meta" }, source.join(" · "), source.length ? " · " : "",
        url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, url) : "no source URL");
      if (m.article_id && state.scope === "db") {
        const open = el("button", { type: "button", class: "secondary open-article" }, "open article at this sentence");
        const focus = { start: m.sentence_start != null ? m.sentence_start : m.start, end: m.sentence_end != null ? m.sentence_end : m.end };
        open.addEventListener("click", (ev) => { ev.stopPropagation(); openArticle(m.article_id, focus); });
        line.appendChild(document.createTextNode(" "));
        line.appendChild(open);
      }
      block.appendChild(line);
      cell.appendChild(block);
    }
    if (state.scope === "db" && e.id) {
      const link = new URLSearchParams(pageParams());
      link.set("event", e.id);
      cell.appendChild(el("div", { class: "meta" }, "permalink: ", el("a", { href: "?" + link.toString(), class: "permalink" }, "this event")));
    }
    if (row.nextElementSibling && row.nextElementSibling.classList.contains("detail")) return;  // opened meanwhile
    row.after(el("tr", { class: "detail" }, cell));
    row.dataset.expanded = "true";
    if (state.scope === "db" && e.id && state.openEvent !== e.id) { state.openEvent = e.id; pushUrl(true); }
  }

  function renderEvents(events, total) {
    const body = $("#events tbody");
    clear(body);
    if (!events.length) {
      body.appendChild(el("tr", null, el("td", { colspan: 10, class: "empty" },
        state.scope === "doc" ? "No events in this article (with these filters)." : state.db ? "No events match." : "No database: paste an article above.")));
    }
    for (const e of events) body.appendChild(eventRow(e));
    state.total = total;
    const from = total ? state.offset + 1 : 0;
    $("#page-info").textContent = from + "–" + (state.offset + events.length) + " of " + total;
    $("#prev").disabled = state.offset === 0;
    $("#next").disabled = state.offset + events.length >= total;
    const column = state.sort.replace(/^-/, "");
    for (const th of document.querySelectorAll("#events th")) {
      if (th.dataset.sort === column) th.setAttribute("aria-sort", state.sort.startsWith("-") ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
  }
  function sortBy(column) {
    const current = state.sort.replace(/^-/, "");
    if (current === column) state.sort = state.sort.startsWith("-") ? column : "-" + column;
    else state.sort = (DEFAULT_DIRECTION[column] || "") + column;
    state.offset = 0;
    pushUrl(false);
    loadEvents();
  }
  // Sorting the events of one pasted article, with the API's meaning (undated last).
  const SORT_KEY = {
    date: (e) => { const d = firstDay(eventDate(e)); return d; },
    type: (e) => e.type, cameo: (e) => e.cameo, goldstein: (e) => e.goldstein,
    actor: (e) => (e.actor || []).map(actorLabel).join(", ") || null,
    recipient: (e) => (e.recipient || []).map(actorLabel).join(", ") || null,
    place: (e) => (e.location && e.location.name) || null,
  };
  function sortEvents(events) {
    const column = state.sort.replace(/^-/, ""), sign = state.sort.startsWith("-") ? -1 : 1;
    const key = SORT_KEY[column] || SORT_KEY.date;
    return [...events].sort((a, b) => {
      const x = key(a), y = key(b);
      if (x == null || y == null) return (x == null) - (y == null);
      return (x < y ? -1 : x > y ? 1 : 0) * sign;
    });
  }

  // Client-side filtering of one document's events, with the same meaning as the API's filters.
  function matchActor(list, needle) {
    const n = needle.toLowerCase();
    return (list || []).some((a) => [a.code, a.name, a.id].some((v) => v && v.toLowerCase().includes(n)));
  }
  function filterDocEvents(events, params) {
    return events.filter((e) => {
      const aux = e.aux || [];
      if (!params.get("all") && (aux.includes("negation") || aux.includes("hypothetical") || aux.includes("future"))) return false;
      if (params.get("actor") && !matchActor(e.actor, params.get("actor"))) return false;
      if (params.get("recipient") && !matchActor(e.recipient, params.get("recipient"))) return false;
      if (params.get("type") && !params.get("type").toUpperCase().split(",").map((t) => t.trim()).includes((e.type || "").toUpperCase())) return false;
      if (params.get("quad_class") && String(e.quad_class) !== params.get("quad_class")) return false;
      const c = params.get("country");
      if (c && ![...(e.actor || []), ...(e.recipient || []), e.location || {}].some((a) => (a.country || "").toUpperCase() === c.toUpperCase())) return false;
      const d = eventDate(e);
      if (params.get("from") && d && d < params.get("from")) return false;
      if (params.get("to") && d && d.slice(0, 10) > params.get("to")) return false;
      if (params.get("place") && !(e.location && ((e.location.name || "").toLowerCase().includes(params.get("place").toLowerCase()) || String(e.location.geonameid) === params.get("place")))) return false;
      const sector = params.get("sector");
      if (sector && ![...(e.actor || []), ...(e.recipient || [])].some((a) => (a.sector || "").toUpperCase() === sector.toUpperCase())) return false;
      if (params.get("historical") === "false" && aux.includes("historical")) return false;
      return true;
    });
  }

  async function loadEvents() {
    const params = filterParams();
    if (state.scope === "doc") {
      const events = sortEvents(filterDocEvents((state.doc && state.doc.events) || [], params));
      state.offset = 0;
      renderEvents(events, events.length);
      drawNetwork(networkFromEvents(events));
      drawTimeline(dyadsFromEvents(events, $("#period").value));
      drawMap(placesFromEvents(events));
      return;
    }
    if (!state.db) { renderEvents([], 0); drawNetwork({ nodes: [], edges: [] }); drawTimeline([]); drawMap(placesFromEvents([])); return; }
    try {
      const pageQuery = new URLSearchParams(params);
      pageQuery.set("limit", PAGE);
      pageQuery.set("offset", state.offset);
      pageQuery.set("sort", state.sort);
      const page = await api("/api/events?" + pageQuery.toString());
      renderEvents(page.events, page.total);
      await openEventFromUrl(page.events);
      // the network and timeline follow the table's filters, the historical toggle included
      const shared = new URLSearchParams(params);
      const dyadParams = new URLSearchParams(shared);
      dyadParams.set("by", $("#period").value);
      // the network of a chosen actor shows its links both ways: there the actor is either party
      const netParams = new URLSearchParams(shared);
      if (params.get("actor")) { netParams.delete("actor"); netParams.set("party", params.get("actor")); }
      const [places, net, dy] = await Promise.all([
        api("/api/places?" + params.toString()),
        api("/api/network?" + netParams.toString()),
        api("/api/dyads?" + dyadParams.toString()),
      ]);
      drawMap(places);
      drawNetwork(net);
      drawTimeline(dy.dyads);
      setStatus(page.total + " events in the database");
    } catch (err) {
      setStatus(String(err.message || err));
    }
  }

  // ?event=ID (a permalink): open that event's detail, adding its row on top when it is not on this page.
  async function openEventFromUrl(events) {
    const id = state.openEvent;
    setStatus("", "event");
    if (!id) return;
    let row = document.querySelector(`#events tbody tr[data-id="${CSS.escape(id)}"]`);
    if (!row) {
      let e;
      try { e = await api("/api/events/" + encodeURIComponent(id)); } catch (err) {
        setStatus("event " + id + " not opened: " + String(err.message || err), "event");
        return;
      }
      row = eventRow(e);
      $("#events tbody").prepend(row);
      await toggleDetail(row, e, e);  // e is the event's detail already: no second request for it
    } else {
      await toggleDetail(row, events.find((x) => x.id === id));
    }
    row.focus();
  }

  async function setScope(scope) {
    if (scope !== state.scope) state.mapView = null;
    state.scope = scope;
    $("#scope").textContent = scope === "doc" ? "— this article" : "— database";
    $("#show-db").classList.toggle("hidden", !(scope === "doc" && state.db));
    await loadEvents();
  }

  async function openArticle(id, focus) {
    try {
      const doc = await api("/api/articles/" + encodeURIComponent(id));
      state.doc = doc;
      if (!focus) $("#extract-card").scrollIntoView();
      renderDoc(doc, focus);
    } catch (err) {
      setStatus(String(err.message || err));
    }
  }

  // ---- network -------------------------------------------------------------------------------------
  function actorKey(a) { return a.code || a.name || a.id; }
  function networkFromEvents(events) {
    const nodes = new Map(), edges = new Map();
    const touch = (a) => {
      const k = actorKey(a);
      if (!k) return null;
      if (!nodes.has(k)) nodes.set(k, { id: k, label: a.code || a.name, name: a.name, country: a.country, count: 0 });
      nodes.get(k).count += 1;
      return k;
    };
    for (const e of events) {
      const src = (e.actor || []).map(touch).filter(Boolean);
      const dst = (e.recipient || []).map(touch).filter(Boolean);
      for (const s of src) for (const t of dst) {
        if (s === t) continue;
        const k = s + "\u0000" + t;
        if (!edges.has(k)) edges.set(k, { source: s, target: t, count: 0, quad: {} });
        const edge = edges.get(k);
        edge.count += 1;
        const q = e.quad_class || 0;
        edge.quad[q] = (edge.quad[q] || 0) + 1;
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }
  function dominantQuad(edge) {
    if (edge.quad_class) return edge.quad_class;
    let best = 0, n = -1;
    for (const [q, c] of Object.entries(edge.quad || {})) if (c > n) { best = Number(q); n = c; }
    return best;
  }
  // A small deterministic force layout (Fruchterman–Reingold), run to rest before drawing.
  function layout(nodes, edges, w, h) {
    const n = nodes.length;
    const pos = nodes.map((_, i) => ({ x: w / 2 + (w / 3) * Math.cos((2 * Math.PI * i) / n), y: h / 2 + (h / 3) * Math.sin((2 * Math.PI * i) / n) }));
    if (n < 2) return n ? [{ x: w / 2, y: h / 2 }] : [];
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    const k = Math.sqrt((w * h) / n) * 0.75;
    let temp = w / 8;
    for (let it = 0; it < 300; it++) {
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(Math.hypot(dx, dy), 0.01), f = (k * k) / d;
        dx /= d; dy /= d;
        disp[i].x += dx * f; disp[i].y += dy * f; disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
      for (const e of edges) {
        const i = index.get(e.source), j = index.get(e.target);
        if (i === undefined || j === undefined) continue;
        let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(Math.hypot(dx, dy), 0.01), f = (d * d) / k;
        dx /= d; dy /= d;
        disp[i].x -= dx * f; disp[i].y -= dy * f; disp[j].x += dx * f; disp[j].y += dy * f;
      }
      for (let i = 0; i < n; i++) {
        // a weak pull to the centre keeps unconnected actors on screen
        disp[i].x += (w / 2 - pos[i].x) * 0.05 * k / 10; disp[i].y += (h / 2 - pos[i].y) * 0.05 * k / 10;
        const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01), step = Math.min(d, temp);
        pos[i].x = Math.min(w - 40, Math.max(40, pos[i].x + (disp[i].x / d) * step));
        pos[i].y = Math.min(h - 25, Math.max(25, pos[i].y + (disp[i].y / d) * step));
      }
      temp *= 0.985;
    }
    return pos;
  }
  function circle(n, w, h) {
    const R = Math.min(w, h) / 2 - 55;
    return [...Array(n).keys()].map((i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return { x: w / 2 + R * Math.cos(a), y: h / 2 + R * Math.sin(a), angle: a };
    });
  }
  function ringLabel(p, r, text) {  // outside the ring, on the side the node is on
    const dx = Math.cos(p.angle), dy = Math.sin(p.angle);
    const label = text.length > 18 ? text.slice(0, 17) + "…" : text;
    return svg("text", { x: (dx * (r + 4)).toFixed(1), y: (dy * (r + 4) + 4).toFixed(1), "text-anchor": Math.abs(dx) < 0.2 ? "middle" : dx > 0 ? "start" : "end" }, label);
  }
  function emptyMessage(target, text, w, h) {
    target.appendChild(svg("text", { x: w / 2, y: h / 2, "text-anchor": "middle", class: "empty-msg" }, text));
  }
  function drawNetwork(net) {
    const target = $("#network");
    clear(target);
    const W = 640, H = 420;
    // the most active actors; of those, the ones linked to another (a corpus has many loners)
    let nodes = [...(net.nodes || [])].sort((a, b) => b.count - a.count || String(a.id).localeCompare(String(b.id))).slice(0, 30);
    let keep = new Set(nodes.map((d) => d.id));
    const edges = (net.edges || []).filter((e) => keep.has(e.source) && keep.has(e.target));
    const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
    if (linked.size && nodes.length > 12) {
      nodes = nodes.filter((d) => linked.has(d.id));
      keep = linked;
    }
    const labelled = new Set(nodes.slice(0, 30).map((d) => d.id));
    if (!nodes.length) { emptyMessage(target, "No actors yet.", W, H); return; }
    const defs = svg("defs");
    for (const [q, color] of Object.entries(QUAD_COLOR)) {
      defs.appendChild(svg("marker", { id: "arrow-" + q, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
        svg("path", { d: "M0,0 L10,5 L0,10 z", fill: color })));
    }
    target.appendChild(defs);
    // a small graph is laid out by force; a larger one on a circle (most active at the top, clockwise),
    // so every node keeps a readable label outside the ring instead of a hairball
    const ring = nodes.length > 12;
    const pos = ring ? circle(nodes.length, W, H) : layout(nodes, edges, W, H);
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    const maxCount = Math.max(...nodes.map((d) => d.count), 1);
    // a floor (4 or 5) so the least active node stays visible and clickable, growing with the root of its count
    const radius = (d) => { const s = Math.sqrt(d.count / maxCount); return ring ? 4 + 10 * s : 5 + 17 * s; };
    const g = svg("g", { class: "edges" });
    // on a big graph, the strongest links only (the rest would hide them); the status line says so
    const drawn = ring ? [...edges].sort((a, b) => b.count - a.count).slice(0, MAX_EDGES) : edges;
    $("#network-info").textContent = edges.length > drawn.length ? "— the " + drawn.length + " strongest of " + edges.length + " links" : "";
    for (const e of drawn) {
      const i = index.get(e.source), j = index.get(e.target);
      const a = pos[i], b = pos[j];
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
      // curve a little so that A→B and B→A stay apart; stop at the target's rim for the arrow
      const rb = radius(nodes[j]) + 2, ra = radius(nodes[i]);
      const sx = a.x + (dx / d) * ra, sy = a.y + (dy / d) * ra, tx = b.x - (dx / d) * rb, ty = b.y - (dy / d) * rb;
      // on the ring, curves bend towards the centre (links between neighbours stay short and apart)
      const mx = ring ? (sx + tx) / 2 * 0.6 + W / 2 * 0.4 - (dy / d) * 8 : (sx + tx) / 2 - (dy / d) * 18;
      const my = ring ? (sy + ty) / 2 * 0.6 + H / 2 * 0.4 + (dx / d) * 8 : (sy + ty) / 2 + (dx / d) * 18;
      const q = dominantQuad(e);
      const parts = Object.entries(e.quad || {}).map(([k, c]) => (QUAD[k] || "uncoded") + ": " + c);
      g.appendChild(svg("path", {
        class: "edge q" + q, d: `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
        stroke: QUAD_COLOR[q] || QUAD_COLOR[0], "stroke-width": (0.8 + Math.log2(1 + e.count) * 0.7).toFixed(2), "marker-end": `url(#arrow-${q in QUAD_COLOR ? q : 0})`,
        "data-source": e.source, "data-target": e.target,
      }, svgTitle(e.source + " → " + e.target + ": " + e.count + " events\n" + parts.join("\n"))));
    }
    target.appendChild(g);
    const gn = svg("g", { class: "nodes" });
    nodes.forEach((d, i) => {
      const r = radius(d);
      const node = svg("g", { class: "node", transform: `translate(${pos[i].x.toFixed(1)},${pos[i].y.toFixed(1)})`, "data-id": d.id,
        tabindex: 0, role: "button", "aria-label": "filter by " + (d.name || d.label || d.id) + " (" + d.count + " events)" },
        svg("circle", { r: r.toFixed(1) }),
        // labels for the most active only (the rest on hover); near the right edge, to the node's left
        !labelled.has(d.id) ? null : ring ? ringLabel(pos[i], r, d.label || d.id)
          : pos[i].x > W - 90 ? svg("text", { x: -r - 3, y: 4, "text-anchor": "end" }, d.label || d.id) : svg("text", { x: r + 3, y: 4 }, d.label || d.id),
        svgTitle([d.name || d.label, d.label && d.label !== d.name ? d.label : null, d.country, d.count + " events"].filter(Boolean).join(" · ")));
      const pick = () => { if (state.scope === "db") setFilter("actor", d.id); };
      node.addEventListener("click", pick);
      node.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
      gn.appendChild(node);
    });
    target.appendChild(gn);
  }

  // ---- dyad timeline -----------------------------------------------------------------------------
  // The first day a TIMEX3-like value covers, as the store dates events: 2014-11 -> 2014-11-01,
  // 2014-W48 -> that week's Monday, 2014 -> 2014-01-01.
  function firstDay(value) {
    let m;
    if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value))) return m[0];
    if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return m[0] + "-01";
    if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
      const jan4 = new Date(Date.UTC(+m[1], 0, 4));
      const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 864e5 + (+m[2] - 1) * 7 * 864e5);
      return monday.toISOString().slice(0, 10);
    }
    if ((m = /^(\d{4})$/.exec(value))) return m[0] + "-01-01";
    return null;
  }
  function bucket(value, period) {
    const date = value && firstDay(value);
    if (!date) return null;
    if (period === "year") return date.slice(0, 4);
    if (period === "month") return date.slice(0, 7);
    if (period === "week") return weekStart(date);
    return date;
  }
  function weekStart(day) {  // the Monday of the week, as the store's date_trunc('week') gives it
    const d = new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)));
    return new Date(d.getTime() - ((d.getUTCDay() || 7) - 1) * 864e5).toISOString().slice(0, 10);
  }
  function dyadsFromEvents(events, period) {
    const rows = new Map();
    for (const e of events) {
      const p = bucket(eventDate(e), period);
      if (!p) continue;
      for (const a of e.actor || []) for (const r of e.recipient || []) {
        const s = actorKey(a), t = actorKey(r);
        if (!s || !t) continue;
        const k = p + "\u0000" + s + "\u0000" + t;
        if (!rows.has(k)) rows.set(k, { period: p, source: s, target: t, count: 0, goldstein: 0 });
        const row = rows.get(k);
        row.count += 1;
        row.goldstein += e.goldstein || 0;
      }
    }
    return [...rows.values()];
  }
  function drawTimeline(rows) {
    const target = $("#timeline");
    clear(target);
    const W = 640, H = 420, L = 40, R = 150, T = 15, B = 40;
    if (!rows || !rows.length) { emptyMessage(target, "No dated dyads yet.", W, H); return; }
    const totals = new Map();
    for (const r of rows) { const k = r.source + " → " + r.target; totals.set(k, (totals.get(k) || 0) + r.count); }
    const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k]) => k);
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    // normalised: a dyad's share of all dyad events of its period, so a busy news month does not look
    // like a rise in one relationship
    const share = $("#normalise").checked;
    const perPeriod = new Map();
    for (const r of rows) perPeriod.set(r.period, (perPeriod.get(r.period) || 0) + r.count);
    const value = (r) => (share ? r.count / perPeriod.get(r.period) : r.count);
    const maxY = share ? 1 : Math.max(...rows.filter((r) => top.includes(r.source + " → " + r.target)).map((r) => r.count), 1);
    // a real time scale: periods placed by their first day, so gaps in time show as gaps
    const time = (p) => Date.parse(firstDay(p) + "T00:00:00Z");
    const t0 = time(periods[0]), t1 = time(periods[periods.length - 1]);
    const x = (p) => L + (t1 === t0 ? (W - L - R) / 2 : ((time(p) - t0) * (W - L - R)) / (t1 - t0));
    const y = (v) => H - B - (v * (H - T - B)) / maxY;
    target.appendChild(svg("line", { class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }));
    target.appendChild(svg("line", { class: "axis", x1: L, y1: T, x2: L, y2: H - B }));
    for (const v of share ? [0, 0.5, 1] : [0, Math.ceil(maxY / 2), maxY]) {
      target.appendChild(svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, share ? Math.round(v * 100) + "%" : v));
    }
    // ticks at even steps of time (not at each period), labelled as the period is
    const ticks = t1 === t0 ? [t0] : [0, 1, 2, 3, 4].map((i) => t0 + ((t1 - t0) * i) / 4);
    const width = periods[0].length;
    for (const t of ticks) {
      const label = new Date(t).toISOString().slice(0, width);
      const tx = t1 === t0 ? (W - L - R) / 2 + L : L + ((t - t0) * (W - L - R)) / (t1 - t0);
      target.appendChild(svg("line", { class: "axis", x1: tx, y1: H - B, x2: tx, y2: H - B + 4 }));
      target.appendChild(svg("text", { x: tx, y: H - B + 16, "text-anchor": "middle" }, label));
    }
    top.forEach((key, i) => {
      const color = SERIES_COLORS[i % SERIES_COLORS.length];
      const byPeriod = new Map(rows.filter((r) => r.source + " → " + r.target === key).map((r) => [r.period, r]));
      const pts = periods.map((p) => [x(p), y(byPeriod.has(p) ? value(byPeriod.get(p)) : 0)]);
      const g = svg("g", { class: "dyad" });
      if (pts.length > 1) g.appendChild(svg("polyline", { class: "series", stroke: color, "stroke-dasharray": i % 2 ? "5 3" : null, points: pts.map((p) => p[0].toFixed(1) + "," + p[1].toFixed(1)).join(" ") }));
      periods.forEach((p, j) => {
        if (!byPeriod.has(p)) return;
        const r = byPeriod.get(p);
        g.appendChild(svg("circle", { cx: pts[j][0].toFixed(1), cy: pts[j][1].toFixed(1), r: 4, fill: color },
          svgTitle(key + "\n" + p + ": " + r.count + " events (" + Math.round((100 * r.count) / perPeriod.get(p)) + "% of the period's), Goldstein " + Number(r.goldstein || 0).toFixed(1))));
      });
      g.appendChild(svg("rect", { x: W - R + 10, y: T + i * 18, width: 10, height: 10, fill: color }));
      g.appendChild(svg("text", { x: W - R + 25, y: T + i * 18 + 9 }, key.length > 22 ? key.slice(0, 21) + "…" : key, svgTitle(key)));
      target.appendChild(g);
    });
  }

  // ---- map (offline: country outlines shipped with the package) ---------------------------------
  let world = null;
  async function loadWorld() {
    if (world) return world;
    const res = await fetch("/static/world-110m.json");
    world = await res.json();
    return world;
  }
  const project = (lon, lat) => [((lon + 180) * 960) / 360, ((90 - lat) * 480) / 180];
  function ringPath(ring) {
    return ring.map(([lon, lat], i) => { const [px, py] = project(lon, lat); return (i ? "L" : "M") + px.toFixed(1) + "," + py.toFixed(1); }).join("") + "Z";
  }
  // Placed events counted by place, as /api/places gives them for the database.
  function placesFromEvents(events) {
    const kinds = new Map();
    for (const p of (state.scope === "doc" && state.doc && state.doc.places) || []) {
      kinds.set(p.geonameid != null ? "g" + p.geonameid : "n" + p.name, p.kind);
    }
    const byPlace = new Map();
    let placed = 0;
    for (const e of events || []) {
      const loc = e.location;
      if (!loc || loc.lat == null || loc.lon == null) continue;
      placed += 1;
      const k = loc.lat.toFixed(4) + "," + loc.lon.toFixed(4) + "," + loc.name;
      if (!byPlace.has(k)) {
        const kind = loc.kind || kinds.get(loc.geonameid != null ? "g" + loc.geonameid : "n" + loc.name) || kinds.get("n" + loc.name);
        byPlace.set(k, { name: loc.name, country: loc.country, lat: loc.lat, lon: loc.lon, geonameid: loc.geonameid, kind, count: 0, cooperative: 0, conflictual: 0 });
      }
      const p = byPlace.get(k);
      p.count += 1;
      if (e.quad_class === 1 || e.quad_class === 2) p.cooperative += 1;
      if (e.quad_class === 3 || e.quad_class === 4) p.conflictual += 1;
    }
    return { placed_events: placed, places: [...byPlace.values()].sort((a, b) => b.count - a.count) };
  }
  const FULL_VIEW = [0, 10, 960, 390];
  function fitView(points) {
    if (!points.length) return FULL_VIEW.slice();
    const xs = points.map((p) => project(p.lon, p.lat)[0]), ys = points.map((p) => project(p.lon, p.lat)[1]);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const w = Math.min(960, Math.max(240, (Math.max(...xs) - Math.min(...xs)) * 1.6, (Math.max(...ys) - Math.min(...ys)) * 1.6 * (960 / 390)));
    const h = (w * 390) / 960;
    return [Math.min(Math.max(cx - w / 2, 0), 960 - w), Math.min(Math.max(cy - h / 2, 10), 400 - h), w, h];
  }
  let mapData = null; // what the map shows, redrawn at each zoom so points and labels keep their size
  async function drawMap(data) {
    mapData = data;
    const world = await loadWorld();
    const target = $("#map");
    clear(target);
    const perCountry = new Map(), points = [];
    for (const p of data.places || []) {
      if (p.country) perCountry.set(p.country, (perCountry.get(p.country) || 0) + p.count);
      // a country or region placed at its centroid is not a point: its shading already shows it
      if (!AREA_KINDS.has(String(p.kind || "").toLowerCase())) points.push(p);
    }
    if (!state.mapView) state.mapView = fitView(points);
    const view = state.mapView;
    target.setAttribute("viewBox", view.map((v) => v.toFixed(1)).join(" "));
    const k = view[2] / 960;
    const maxC = Math.max(...perCountry.values(), 1);
    const grat = svg("g", { class: "graticule" });
    for (let lon = -150; lon <= 150; lon += 30) grat.appendChild(svg("line", { x1: project(lon, 0)[0], y1: 0, x2: project(lon, 0)[0], y2: 480, "vector-effect": "non-scaling-stroke" }));
    for (let lat = -60; lat <= 60; lat += 30) grat.appendChild(svg("line", { x1: 0, y1: project(0, lat)[1], x2: 960, y2: project(0, lat)[1], "vector-effect": "non-scaling-stroke" }));
    target.appendChild(grat);
    const g = svg("g", { class: "countries" });
    for (const c of world.countries) {
      const d = c.polygons.map((poly) => poly.map((ring) => {
        // rings are unwrapped across the antimeridian; draw the copy that falls inside the map too
        const lons = ring.map((pt) => pt[0]);
        let path = ringPath(ring);
        if (Math.max(...lons) > 180) path += ringPath(ring.map(([lon, lat]) => [lon - 360, lat]));
        if (Math.min(...lons) < -180) path += ringPath(ring.map(([lon, lat]) => [lon + 360, lat]));
        return path;
      }).join("")).join("");
      const n = perCountry.get(c.id) || 0;
      const path = svg("path", { class: "country", d, "data-id": c.id || "", "vector-effect": "non-scaling-stroke" }, svgTitle(c.name + (n ? ": " + n + " placed events" : "")));
      if (n) path.style.fill = `rgba(213, 94, 0, ${(0.15 + 0.45 * (n / maxC)).toFixed(2)})`;
      g.appendChild(path);
    }
    target.appendChild(g);
    // points: clustered on screen (places closer than a few pixels at this zoom merge), biggest on top
    const cell = 14 * k, clusters = new Map();
    for (const p of points) {
      const [px, py] = project(p.lon, p.lat);
      const key = Math.round(px / cell) + "," + Math.round(py / cell);
      if (!clusters.has(key)) clusters.set(key, { places: [], x: 0, y: 0, count: 0 });
      const cl = clusters.get(key);
      cl.places.push(p);
      cl.x += px * p.count; cl.y += py * p.count; cl.count += p.count;
    }
    const list = [...clusters.values()].sort((a, b) => a.count - b.count);
    const maxP = Math.max(...list.map((c) => c.count), 1);
    const gp = svg("g", { class: "points" });
    const labelled = new Set([...list].sort((a, b) => b.count - a.count).slice(0, 12));
    for (const cl of list) {
      const px = cl.x / cl.count, py = cl.y / cl.count;
      const top = [...cl.places].sort((a, b) => b.count - a.count)[0];
      const name = cl.places.length > 1 ? top.name + " +" + (cl.places.length - 1) : top.name;
      const r = (3 + 9 * Math.sqrt(cl.count / maxP)) * k;
      const label = cl.places.map((p) => [p.name, p.country].filter(Boolean).join(", ") + ": " + p.count).join("\n");
      const point = svg("circle", { class: "point", cx: px.toFixed(2), cy: py.toFixed(2), r: r.toFixed(2), "stroke-width": k.toFixed(2),
        tabindex: 0, role: "button", "aria-label": "filter by " + top.name + " (" + cl.count + " events)", "data-place": top.geonameid != null ? top.geonameid : top.name },
      svgTitle(label + "\nclick: show only " + top.name));
      gp.appendChild(point);
      Object.assign(cl, { px, py, r, name });
    }
    // labels for the biggest clusters first, each only where it overlaps no label placed before it
    const taken = [];
    for (const cl of [...labelled].sort((a, b) => b.count - a.count)) {
      const box = { x: cl.px + cl.r + 3 * k, y: cl.py - 8 * k, w: cl.name.length * 7 * k, h: 14 * k };
      if (taken.some((b) => box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h)) continue;
      taken.push(box);
      const text = svg("text", { x: box.x.toFixed(2), y: (cl.py + 4 * k).toFixed(2), class: "place-label" }, cl.name);
      text.style.fontSize = (12 * k).toFixed(2) + "px";
      gp.appendChild(text);
    }
    target.appendChild(gp);
    const shown = (data.places || []).reduce((n, p) => n + p.count, 0);
    $("#map-info").textContent = "— " + (data.placed_events != null ? data.placed_events : shown) + " placed events" + (data.left_out ? " (" + data.left_out + " places left out)" : "");
    if (!points.length && !perCountry.size) target.appendChild(svg("text", { x: view[0] + view[2] / 2, y: view[1] + view[3] / 2, "text-anchor": "middle", class: "empty-msg" }, "No placed events yet."));
  }
  // pan (drag) and zoom (wheel, buttons) by moving the viewBox; a click without a drag filters
  function zoomMap(factor, cx, cy) {
    const [x, y, w, h] = state.mapView || FULL_VIEW;
    const nw = Math.min(960, Math.max(20, w * factor)), nh = (nw * 390) / 960;
    const fx = cx == null ? 0.5 : (cx - x) / w, fy = cy == null ? 0.5 : (cy - y) / h;
    state.mapView = [Math.min(Math.max(x + (w - nw) * fx, 0), 960 - nw), Math.min(Math.max(y + (h - nh) * fy, 0), 480 - nh), nw, nh];
    if (mapData) drawMap(mapData);
  }
  function initMap() {
    const target = $("#map");
    const toMap = (ev) => {
      const rect = target.getBoundingClientRect(), [x, y, w, h] = state.mapView || FULL_VIEW;
      return [x + ((ev.clientX - rect.left) / rect.width) * w, y + ((ev.clientY - rect.top) / rect.height) * h];
    };
    target.addEventListener("wheel", (ev) => { ev.preventDefault(); const [mx, my] = toMap(ev); zoomMap(ev.deltaY > 0 ? 1.25 : 0.8, mx, my); }, { passive: false });
    let drag = null;
    target.addEventListener("pointerdown", (ev) => { drag = { x: ev.clientX, y: ev.clientY, view: (state.mapView || FULL_VIEW).slice(), moved: false }; });
    target.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      drag.moved = true;
      const rect = target.getBoundingClientRect(), [x, y, w, h] = drag.view;
      state.mapView = [Math.min(Math.max(x - (dx / rect.width) * w, 0), 960 - w), Math.min(Math.max(y - (dy / rect.height) * h, 0), 480 - h), w, h];
      target.setAttribute("viewBox", state.mapView.map((v) => v.toFixed(1)).join(" "));
    });
    target.addEventListener("pointerup", (ev) => {
      const moved = drag && drag.moved;
      drag = null;
      if (moved) return;
      const point = ev.target.closest(".point");
      if (point) { setFilter("place", point.dataset.place); return; }
      const country = ev.target.closest(".country");
      if (country && country.dataset.id) setFilter("country", country.dataset.id);
    });
    target.addEventListener("keydown", (ev) => {
      const point = ev.target.closest && ev.target.closest(".point");
      if (point && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); setFilter("place", point.dataset.place); }
    });
    $("#zoom-in").addEventListener("click", () => zoomMap(0.67));
    $("#zoom-out").addEventListener("click", () => zoomMap(1.5));
    $("#zoom-reset").addEventListener("click", () => { state.mapView = null; if (mapData) drawMap(mapData); });
  }

  // ---- hover tips for highlights and table cells ----------------------------------------------------
  function initTips() {
    const tip = $("#tip");
    document.addEventListener("mouseover", (ev) => {
      const t = ev.target.closest && ev.target.closest("[data-tip]");
      if (!t) { tip.classList.add("hidden"); return; }
      tip.textContent = t.dataset.tip;
      tip.classList.remove("hidden");
    });
    document.addEventListener("mousemove", (ev) => {
      tip.style.left = Math.min(ev.clientX + 12, window.innerWidth - 300) + "px";
      tip.style.top = ev.clientY + 16 + "px";
    });
  }

  // ---- start -------------------------------------------------------------------------------------
  async function start() {
    // the token comes only from the page's own field (kept for this tab); never from the URL, which the
    // server refuses to carry one
    state.token = sessionStorage.getItem("eventwire-token");
    $("#extract-form").addEventListener("submit", extract);
    $("#file").addEventListener("change", readFile);
    $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); applyFilters(); });
    $("#clear").addEventListener("click", () => {
      const form = $("#filters");
      for (const name of FILTERS) form.elements[name].value = "";
      form.elements.all.checked = false;
      form.elements.hide_historical.checked = false;
      applyFilters();
    });
    $("#download").addEventListener("click", () => download("csv"));
    $("#download-parquet").addEventListener("click", () => download("parquet"));
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      th.querySelector("button").addEventListener("click", () => sortBy(th.dataset.sort));
    }
    $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); state.openEvent = null; pushUrl(false); loadEvents(); });
    $("#next").addEventListener("click", () => { state.offset += PAGE; state.openEvent = null; pushUrl(false); loadEvents(); });
    window.addEventListener("popstate", () => { restoreFromUrl(); state.mapView = null; loadEvents(); loadFacets(); });
    initMap();
    $("#period").addEventListener("change", loadEvents);
    $("#normalise").addEventListener("change", loadEvents);
    $("#show-db").addEventListener("click", () => setScope("db"));
    $("#auth").addEventListener("submit", (ev) => {
      ev.preventDefault();
      state.token = $("#token").value.trim();
      sessionStorage.setItem("eventwire-token", state.token);
      $("#auth").classList.add("hidden");
      start2();
    });
    initTips();
    await start2();
  }
  async function start2() {
    try {
      const health = await api("/api/health");
      state.db = !!health.db;
    } catch (err) {
      setStatus(String(err.message || err));
      return;
    }
    restoreFromUrl();
    if (!state.doc) state.scope = "db";
    await loadFacets();
    restoreFromUrl(); // the picklists now hold the values the URL names
    await setScope(state.doc ? "doc" : "db");
    // a link such as /#article=ID opens a stored article
    const m = /^#article=(.+)$/.exec(window.location.hash);
    if (m) await openArticle(decodeURIComponent(m[1]));
    document.body.dataset.ready = "true";
  }
  document.addEventListener("DOMContentLoaded", start);
})();
