// The registry explorer page: plain JavaScript, no build step. It talks to the JSON API of
// docs/explorer.md, served by `aspects serve` (local DuckDB store) or by the Worker (D1).
// Every value from the API is put on the page with textContent or a CSSOM property, never
// as HTML. The view (aspect, search, sort, filters, open entry or video) lives in the URL's
// hash, so a view can be bookmarked and shared.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { about: null, registries: null, entries: [], next: null, loading: 0, request: 0 };
const FILTERS = ["kind", "hue", "lightness", "primitive"];
const HUE_DOTS = { red: "#d8342c", orange: "#ee8a23", yellow: "#e8cf2a", green: "#3a9b46", cyan: "#23aab5", blue: "#2f5fd0", purple: "#7d4cc0", pink: "#e26ba5", neutral: "#9a9a9a" };
const LIGHT_DOTS = { dark: "#2b2b2b", medium: "#8a8a8a", light: "#e8e8e8" };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function view() {
  const params = new URLSearchParams(location.hash.slice(1));
  return Object.fromEntries(params.entries());
}

function go(changes, { replace = false } = {}) {
  const next = { ...view(), ...changes };
  for (const [name, value] of Object.entries(next)) if (value == null || value === "") delete next[name];
  const hash = "#" + new URLSearchParams(next).toString();
  if (replace || location.hash === hash) {
    history.replaceState(null, "", hash);
    render();
  } else {
    location.hash = hash; // the hashchange event renders
  }
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== ""));
  const response = await fetch(`api/${path}${query.toString() ? "?" + query : ""}`, { headers: { accept: "application/json" } });
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw Object.assign(new Error(body.error || `HTTP ${response.status}`), { status: response.status });
  return body;
}

function status(text, isError = false) {
  const node = $("status");
  node.textContent = text;
  node.classList.toggle("error", isError);
}

const number = (n) => Number(n).toLocaleString("en-US");
const day = (iso) => (iso ? iso.slice(0, 10) : "never");
const shortSha = (sha) => sha.slice(0, 12) + "…";
const isColor = (value) => value && typeof value === "object" && ["r", "g", "b"].every((c) => Number.isFinite(value[c]));

function rgb(value) {
  const alpha = Number.isFinite(value.alpha) ? value.alpha : 1;
  return `rgba(${value.r}, ${value.g}, ${value.b}, ${alpha})`;
}

// The words of a value: its text fields (motion type, noise, role, narrative word…), in order.
function words(value) {
  if (value == null || typeof value !== "object") return String(value ?? "");
  const out = [];
  for (const [name, field] of Object.entries(value)) {
    if (typeof field === "string") out.push(field.replace(/_/g, " "));
    else if (Array.isArray(field) && field.every((x) => typeof x === "string")) out.push(field.join(", "));
    else if (name === "palette" && Array.isArray(field)) out.push(`${field.length} colours`);
  }
  return out.join(" · ");
}

function swatch(value, className = "swatch") {
  const box = el("div", { class: `${className}${Number.isFinite(value.alpha) && value.alpha < 1 ? " checker" : ""}` });
  const fill = el("div", { class: "fill" });
  fill.style.backgroundColor = rgb(value);
  box.append(fill);
  return box;
}

// A colour for a primitive's segment: its own name when CSS knows it (basic colour terms), else a hue from its name.
function primitiveColor(name) {
  if (CSS.supports("color", name)) return name;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return `hsl(${hash % 360}, 55%, 55%)`;
}

function breakdownBar(breakdown) {
  const bar = el("div", { class: "bar", role: "img", "aria-label": "depth breakdown" });
  const legend = el("div", { class: "legend" });
  const parts = Object.entries(breakdown).sort((a, b) => b[1] - a[1]);
  const total = parts.reduce((sum, [, w]) => sum + w, 0) || 1;
  for (const [name, weight] of parts) {
    const segment = el("span", { title: `${name} ${Math.round((weight / total) * 100)} %` });
    segment.style.width = `${(weight / total) * 100}%`;
    segment.style.backgroundColor = primitiveColor(name);
    bar.append(segment);
  }
  legend.textContent = parts.map(([name, w]) => `${name} ${Math.round((w / total) * 100)} %`).join(" · ");
  return el("div", {}, bar, legend);
}

function card(entry) {
  const top = isColor(entry.value) ? swatch(entry.value) : el("div", { class: "words", text: words(entry.value) || entry.key });
  const badge = entry.primitive ? el("span", { class: "badge seed", text: "seed" }) : el("span", { class: "badge new", text: "discovery" });
  const meta = entry.count
    ? `${number(entry.count)} seen · ${number(entry.videos)} video${entry.videos === 1 ? "" : "s"} · ${day(entry.first_seen)} → ${day(entry.last_seen)}`
    : "not seen yet";
  return el(
    "button",
    { class: "card", type: "button", "data-key": entry.key, onclick: () => go({ entry: entry.key, video: "" }) },
    top,
    el("div", { class: "body" }, el("div", { class: "name" }, document.createTextNode(entry.name), badge), el("div", { class: "key", text: entry.key }), el("div", { class: "meta", text: meta })),
  );
}

// Registry tabs, then the aspects of the current registry with their entry counts.
function renderRegistries(current) {
  const box = $("registries");
  const registry = current.split(".")[0];
  const tabs = el("div", { class: "chips tabs", role: "group", "aria-label": "registry" });
  for (const r of state.registries.registries) {
    const first = r.aspects.find((a) => a.entries) || r.aspects[0];
    tabs.append(chip(r.registry, r.registry === registry, () => go({ aspect: first.aspect, hue: "", lightness: "", primitive: "", entry: "", video: "" })));
  }
  const list = el("ul", { "aria-label": "aspect" });
  for (const a of state.registries.registries.find((r) => r.registry === registry)?.aspects ?? []) {
    const label = a.aspect.split(".")[1].replace(/_/g, " ");
    const button = el("button", { type: "button", "data-aspect": a.aspect, onclick: () => go({ aspect: a.aspect, hue: "", lightness: "", primitive: "", entry: "", video: "" }) },
      el("span", { text: label }), el("span", { class: "n", text: number(a.entries) }));
    if (a.aspect === current) button.setAttribute("aria-current", "true");
    list.append(el("li", {}, button));
  }
  box.replaceChildren(el("h2", { text: "Registry" }), tabs, el("h2", { text: "Aspect" }), list);
}

function chip(label, pressed, onclick, dot) {
  const button = el("button", { class: "chip", type: "button", "aria-pressed": String(pressed), "data-value": label, onclick });
  if (dot) {
    const d = el("span", { class: "dot" });
    d.style.backgroundColor = dot;
    button.append(d);
  }
  button.append(document.createTextNode(label.replace(/_/g, " ")));
  return button;
}

async function renderFacets(v) {
  const kinds = $("kinds");
  kinds.replaceChildren(...["all", "seed", "learnt"].map((k) => chip(k, (v.kind || "all") === k, () => go({ kind: k === "all" ? "" : k }))));
  const box = $("facets");
  const { facets } = await api("facets", { aspect: v.aspect });
  box.replaceChildren();
  for (const facet of facets) {
    const title = { hue: "Hue family", lightness: "Lightness", primitive: v.aspect === "static.color" ? "Basic colour" : "Primitive" }[facet.name] || facet.name;
    const dots = facet.name === "hue" ? HUE_DOTS : facet.name === "lightness" ? LIGHT_DOTS : null;
    const group = el("div", { class: "chips", role: "group", "aria-label": title, "data-facet": facet.name });
    for (const value of facet.values) {
      const on = v[facet.name] === value;
      const dot = dots ? dots[value] : v.aspect === "static.color" && CSS.supports("color", value) ? value : null;
      group.append(chip(value, on, () => go({ [facet.name]: on ? "" : value }), dot));
    }
    box.append(el("h2", { text: title }), group);
  }
}

function listParams(v) {
  return { aspect: v.aspect, q: v.q, sort: v.sort, kind: v.kind, hue: v.hue, lightness: v.lightness, primitive: v.primitive };
}

async function loadEntries(v, append) {
  const request = ++state.request;
  const page = await api("entries", { ...listParams(v), after: append ? state.next : null });
  if (request !== state.request) return;
  state.entries = append ? state.entries.concat(page.entries) : page.entries;
  state.next = page.next;
  const cards = $("cards");
  if (!append) cards.replaceChildren();
  cards.append(...page.entries.map(card));
  $("more").hidden = !page.next;
  const total = state.registries.registries.flatMap((r) => r.aspects).find((a) => a.aspect === v.aspect)?.entries ?? 0;
  const filtered = v.q || FILTERS.some((f) => v[f]);
  if (!state.entries.length) status(v.q ? `No entry of ${v.aspect} matches “${v.q}”.` : `No entry of ${v.aspect} matches these filters.`);
  else status(`${v.aspect}: showing ${number(state.entries.length)}${page.next ? "+" : ""} of ${number(total)} entries${filtered ? " (filtered)" : ""}.`);
}

function fieldTable(value) {
  const table = el("table");
  for (const [name, field] of Object.entries(value ?? {})) {
    const text = typeof field === "object" ? JSON.stringify(field) : String(field);
    table.append(el("tr", {}, el("th", { text: name }), el("td", { text })));
  }
  return table;
}

function videoLink(sha) {
  return el("button", { class: "link", type: "button", "data-video": sha, title: sha, onclick: () => go({ video: sha, entry: "" }) }, document.createTextNode(shortSha(sha)));
}

async function renderEntry(v) {
  const entry = await api("entry", { aspect: v.aspect, key: v.entry });
  const body = [el("h2", { text: entry.name }), el("div", { class: "key", text: `${entry.aspect} · ${entry.key}` })];
  body.push(isColor(entry.value) ? swatch(entry.value, "big") : el("div", { class: "big words", text: words(entry.value) || entry.key }));
  body.push(el("p", { text: `${entry.primitive ? "Seeded primitive" : "Discovery"} · seen ${number(entry.count)} times in ${number(entry.videos)} video${entry.videos === 1 ? "" : "s"} · first ${day(entry.first_seen)}, last ${day(entry.last_seen)}` }));
  if (entry.discovered) {
    body.push(el("p", {}, document.createTextNode(`Discovered ${entry.discovered.at.replace("T", " ").replace("Z", " UTC")} in `), videoLink(entry.discovered.video_sha256)));
  }
  body.push(el("h3", { text: "Value" }), fieldTable(entry.value));
  if (entry.depth_breakdown && Object.keys(entry.depth_breakdown).length) body.push(el("h3", { text: "Depth breakdown" }), breakdownBar(entry.depth_breakdown));
  body.push(el("h3", { text: `Seen in ${number(entry.videos)} video${entry.videos === 1 ? "" : "s"}` }));
  const seen = el("table", { class: "seen" });
  for (const s of entry.seen_in) seen.append(el("tr", {}, el("td", {}, videoLink(s.video_sha256)), el("td", { text: `${number(s.count)}×` }), el("td", { text: day(s.last_seen) })));
  body.push(entry.seen_in.length ? seen : el("p", { class: "note", text: "Not seen in any video yet." }));
  if (entry.seen_in_more) body.push(el("p", { class: "note", text: `Showing the ${entry.seen_in.length} videos with the most occurrences.` }));
  const prompts = entry.sources.map((s) => s && s.prompt).filter(Boolean);
  if (prompts.length) body.push(el("h3", { text: "Prompts" }), ...prompts.map((p) => el("p", { class: "note", text: p })));
  if (state.about.writes) body.push(renameForm(entry));
  $("panel-body").replaceChildren(...body);
}

function renameForm(entry) {
  const name = el("input", { type: "text", "aria-label": "new name", value: entry.name, maxlength: "80" });
  const token = el("input", { type: "password", "aria-label": "bearer token", placeholder: "token", autocomplete: "off" });
  token.value = sessionStorage.getItem("explorer-token") || "";
  const note = el("p", { class: "note", text: "A name repair: unique within the aspect; needs the write token." });
  const submit = async (event) => {
    event.preventDefault();
    sessionStorage.setItem("explorer-token", token.value);
    const response = await fetch("api/rename", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.value}` },
      body: JSON.stringify({ aspect: entry.aspect, key: entry.key, name: name.value }),
    });
    const body = await response.json().catch(() => ({}));
    note.textContent = response.ok ? (body.changed ? `Renamed to ${body.name}.` : "Unchanged.") : body.error || `HTTP ${response.status}`;
    if (response.ok && body.changed) refreshList();
  };
  return el("form", { class: "rename-box", onsubmit: submit }, el("h3", { text: "Repair the name" }), el("div", { class: "rename" }, name, token, el("button", { type: "submit", text: "Rename" })), note);
}

async function renderVideo(v) {
  const body = [el("h2", { text: "Video" }), el("div", { class: "key", text: v.video })];
  if (!state.about.video_view) {
    body.push(el("p", { class: "note", text: "Not available here: video views (timeline picture, palette, transitions, narrative) are served by `aspects serve` on the machine that learned the video." }));
    $("panel-body").replaceChildren(...body);
    return;
  }
  const video = await api("video", { video: v.video });
  if (video.timeline) body.push(el("h3", { text: "Timeline" }), el("img", { class: "timeline", src: video.timeline.replace(/^\//, ""), alt: "timeline of the video" }));
  body.push(el("p", { class: "note", text: `${number(video.discoveries)} discoveries came from this video.` }));
  for (const section of video.sections) {
    body.push(el("h3", { text: section.aspect }));
    if (section.aspect === "static.color") {
      const total = section.entries.reduce((sum, e) => sum + e.count, 0) || 1;
      const palette = el("div", { class: "palette", role: "img", "aria-label": "palette" });
      for (const e of section.entries) {
        const part = el("span", { title: `${e.name} ${Math.round((e.count / total) * 100)} %` });
        part.style.width = `${(e.count / total) * 100}%`;
        part.style.backgroundColor = rgb(e.value);
        palette.append(part);
      }
      body.push(palette);
    }
    const table = el("table");
    for (const e of section.entries) {
      const open = el("button", { class: "link", type: "button", onclick: () => go({ aspect: section.aspect, entry: e.key, video: "" }) }, document.createTextNode(e.name));
      table.append(el("tr", {}, el("td", {}, open), el("td", { text: words(e.value) || e.key }), el("td", { text: `${number(e.count)}×` })));
    }
    body.push(table);
  }
  $("panel-body").replaceChildren(...body);
}

async function renderPanel(v) {
  const panel = $("panel");
  panel.hidden = !(v.entry || v.video);
  if (panel.hidden) return;
  $("panel-body").replaceChildren(el("p", { class: "note", text: "Loading…" }));
  try {
    if (v.video) await renderVideo(v);
    else await renderEntry(v);
  } catch (err) {
    $("panel-body").replaceChildren(el("p", { class: "status error", text: err.message }));
  }
}

let listKey = null;
function refreshList() {
  listKey = null;
  render();
}

async function render() {
  const v = view();
  if (!v.aspect) v.aspect = "static.color";
  v.sort = v.sort || "count";
  renderRegistries(v.aspect);
  if (document.activeElement !== $("search")) $("search").value = v.q || "";
  $("sort").value = v.sort;
  const key = JSON.stringify(listParams(v));
  const jobs = [renderPanel(v)];
  if (key !== listKey) {
    listKey = key;
    status("Loading…");
    jobs.push(renderFacets(v), loadEntries(v, false));
  }
  try {
    await Promise.all(jobs);
  } catch (err) {
    listKey = null;
    $("cards").replaceChildren();
    $("more").hidden = true;
    status(err.message, true);
  }
  document.body.dataset.ready = String(++state.loading);
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const CSV_COLUMNS = ["aspect", "key", "name", "primitive", "count", "videos", "first_seen", "last_seen", "value", "depth_breakdown"];

function csvCell(value) {
  let text = value == null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`; // a spreadsheet would run it as a formula
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function exportName(v, ext) {
  return `${v.aspect || "static.color"}${v.q ? "-search" : ""}.${ext}`;
}

function exportView(format) {
  const v = view();
  if (format === "json") {
    download(exportName(v, "json"), "application/json", JSON.stringify({ view: listParams({ ...v, aspect: v.aspect || "static.color" }), entries: state.entries }, null, 1));
  } else {
    const lines = [CSV_COLUMNS.join(",")].concat(state.entries.map((e) => CSV_COLUMNS.map((c) => csvCell(e[c])).join(",")));
    download(exportName(v, "csv"), "text/csv", lines.join("\r\n") + "\r\n");
  }
}

async function start() {
  let timer = null;
  $("search").addEventListener("input", (event) => {
    clearTimeout(timer);
    timer = setTimeout(() => go({ q: event.target.value.trim(), entry: "", video: "" }, { replace: true }), 250);
  });
  $("sort").addEventListener("change", (event) => go({ sort: event.target.value }));
  $("more").addEventListener("click", async () => {
    try {
      await loadEntries({ ...view(), aspect: view().aspect || "static.color" }, true);
    } catch (err) {
      status(err.message, true);
    }
  });
  $("close").addEventListener("click", () => go({ entry: "", video: "" }));
  $("export-json").addEventListener("click", () => exportView("json"));
  $("export-csv").addEventListener("click", () => exportView("csv"));
  window.addEventListener("hashchange", render);
  try {
    [state.about, state.registries] = await Promise.all([api("about"), api("registries")]);
  } catch (err) {
    status(`The explorer's API did not answer: ${err.message}`, true);
    return;
  }
  $("backend").textContent = state.about.backend === "local" ? "local store (aspects serve)" : "shared registry (D1, Worker)";
  render();
}

start();
