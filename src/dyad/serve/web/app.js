// dyad dashboard: filters -> map, timeline and table; a click on an event opens its article.
// Article text and every field from the store are untrusted: the DOM is built with
// textContent and element properties only, never innerHTML (the CSP forbids inline script too).
"use strict";

const TYPE_COLORS = {
  ASSAULT: "#c0392b", COERCE: "#e67e22", THREATEN: "#d35400", PROTEST: "#8e44ad",
  MOBILIZE: "#6c3483", SANCTION: "#7f8c8d", REJECT: "#a04000", ACCUSE: "#b9770e",
  REQUEST: "#2471a3", CONSULT: "#1abc9c", AGREE: "#27ae60", SUPPORT: "#229954",
  COOPERATE: "#148f77", AID: "#2e86c1", CONCEDE: "#5dade2", RETREAT: "#95a5a6",
};
const PLOVER = Object.keys(TYPE_COLORS);
const PAGE = 100;

const state = { filters: {}, cursor: null, total: null, bbox: null, plot: null, cluster: null };

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "class") node.className = value;
    else if (key === "data") Object.assign(node.dataset, value);
    else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else node[key] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJSON(path, params) {
  const url = new URL(path, window.location.href);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(typeof body.detail === "string" ? body.detail : `HTTP ${response.status}`);
  }
  return response.json();
}

// The resolved name, only when the text does not already say it ("Prime Minister Abiy Ahmed").
function extraName(part) {
  const name = part.actor && part.actor.name;
  return name && !part.text.toLowerCase().includes(name.toLowerCase()) ? name : "";
}

function actorLabel(part) {
  if (!part) return "";
  const actor = part.actor || {};
  const code = [actor.country, actor.sector].filter(Boolean).join(" ");
  const name = extraName(part);
  return [part.text, name ? `(${name})` : "", code ? `[${code}]` : ""].filter(Boolean).join(" ");
}

function shortActor(part) {
  const name = extraName(part);
  return name ? `${part.text} (${name})` : part.text;
}

// "Addis Ababa" and its region "Adis Abeba", "Sanaa" and "Sanaʼa": one name in two spellings
// (accents, doubled letters and vowels aside), shown once.
function nameSkeleton(name) {
  return (name || "")
    .normalize("NFD")
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .replace(/[aeiouy]/g, "")
    .replace(/(.)\1+/g, "$1");
}

function sameName(a, b) {
  if (!a || !b) return false;
  const skeleton = nameSkeleton(a);
  return skeleton.length >= 3 && skeleton === nameSkeleton(b);
}

function placeParts(name, within, country) {
  return [name, within && within !== name && !sameName(name, within) ? within : "", country]
    .filter(Boolean)
    .join(", ");
}

function placeLabel(place) {
  if (!place) return "";
  return placeParts(place.name || place.text || "", place.within || place.admin1, place.country);
}

function typeBadge(type) {
  return el("span", { class: "badge", style: `background:${TYPE_COLORS[type] || "#555"}` }, type);
}

// -- filters ---------------------------------------------------------------------------------

function readFilters() {
  const form = document.getElementById("filters");
  const data = Object.fromEntries(new FormData(form).entries());
  const filters = {};
  for (const [key, value] of Object.entries(data)) if (value.trim()) filters[key] = value.trim();
  if (filters.country) filters.country = filters.country.toUpperCase();
  if (state.bbox) filters.bbox = state.bbox.value;
  return filters;
}

function setFilter(name, value) {
  document.getElementById("filters").elements[name].value = value || "";
}

function showPlaceChip() {
  const chip = document.getElementById("place-chip");
  chip.replaceChildren();
  chip.hidden = !state.bbox;
  if (!state.bbox) return;
  chip.append(
    `near ${state.bbox.label}`,
    el("button", { type: "button", title: "clear place", on: { click: () => { state.bbox = null; refresh(); } } }, "×"),
  );
}

async function refresh() {
  state.filters = readFilters();
  showPlaceChip();
  await Promise.all([loadEvents(true), loadTimeline(), loadMap(), loadTrends()]);
}

// -- escalation monitor ------------------------------------------------------------------------

const SPARK = " ▁▂▃▄▅▆▇█";

function sparkline(values) {
  const top = Math.max(0, ...values);
  return values.map((v) => SPARK[top ? Math.min(8, Math.round((8 * v) / top)) : 0]).join("");
}

async function loadTrends() {
  const list = document.getElementById("alerts");
  const table = document.getElementById("series");
  const by = document.getElementById("trend-by").value;
  let data;
  try {
    data = await getJSON("api/trends", { ...state.filters, by, window: "week", top: 8 });
  } catch (error) {
    list.replaceChildren(el("li", { class: "error" }, error.message));
    table.replaceChildren();
    return;
  }
  const alerts = data.alerts.slice(-12).reverse();
  list.replaceChildren(
    ...(alerts.length
      ? alerts.map((a) =>
          el(
            "li",
            { class: `alert ${a.kind}` },
            el("strong", {}, `${a.kind === "escalation" ? "▲" : "▼"} ${a.kind}`),
            ` week of ${a.window} · ${a.series} · ${a.observed} ${a.measure} events, ${a.expected} expected`,
            el(
              "ul",
              {},
              ...a.drivers.slice(0, 3).map((d) =>
                el(
                  "li",
                  {},
                  el(
                    "a",
                    { href: "#", on: { click: (e) => { e.preventDefault(); openArticle(d.article_id, d.event_id); } } },
                    `${d.date} ${d.event_type}: ${d.source || "?"} → ${d.target || "?"} (“${d.trigger}”)`,
                  ),
                ),
              ),
            ),
          ),
        )
      : [el("li", { class: "note" }, "no escalation or de-escalation in these events")]),
  );
  const weeks = [...new Set(data.series.flatMap((s) => s.windows.map((w) => w.start)))].sort();
  table.replaceChildren(
    el("tr", {}, el("th", {}, data.by), el("th", {}, "events"), el("th", {}, "conflict by week")),
    ...data.series.map((s) => {
      const byWeek = Object.fromEntries(s.windows.map((w) => [w.start, w.conflict]));
      return el(
        "tr",
        {},
        el("td", {}, s.key),
        el("td", {}, String(s.total)),
        el("td", { class: "spark", title: weeks.join(" … ") }, sparkline(weeks.map((w) => byWeek[w] || 0))),
      );
    }),
  );
}

// -- events table ----------------------------------------------------------------------------

async function loadEvents(reset) {
  const tbody = document.querySelector("#events tbody");
  const params = { ...state.filters, limit: PAGE };
  if (reset) {
    state.cursor = null;
    params.with_total = true;
  } else {
    params.cursor = state.cursor;
  }
  let page;
  try {
    page = await getJSON("api/events", params);
  } catch (error) {
    tbody.replaceChildren(el("tr", {}, el("td", { colSpan: 6, class: "error" }, error.message)));
    return;
  }
  if (reset) {
    tbody.replaceChildren();
    state.total = page.total;
  }
  for (const event of page.items) tbody.append(eventRow(event));
  if (!tbody.children.length) {
    tbody.append(el("tr", {}, el("td", { colSpan: 6, class: "note" }, "No events match these filters.")));
  }
  state.cursor = page.next_cursor;
  document.getElementById("more").hidden = !state.cursor;
  const shown = tbody.querySelectorAll("tr[data-event]").length;
  document.getElementById("event-count").textContent = `${shown} of ${state.total ?? "?"} shown`;
}

function displayDate(event) {
  // A duration ("P6M") or a missing date is no date: list the event under its article's date.
  if (event.date && /^\d{4}/.test(event.date)) return event.date;
  return event.article_date ? `${event.article_date}*` : "";
}

const FIGURES = [["fatalities", "killed"], ["injured", "injured"], ["size", "involved"]];

function figureText(figure, label) {
  // "at least 12 killed": the qualifier the article used, then the value dyad stored.
  // A vague word ("dozens") shows the coded value it stands for, as ACLED's conventions do.
  const value = figure.value.toLocaleString("en");
  if (figure.qualifier === "vague") return `${label} (vague, coded ${value})`;
  return `${figure.qualifier ? `${figure.qualifier} ` : ""}${value} ${label}`;
}

function reportedFigures(event) {
  return FIGURES.filter(([kind]) => event[kind]).map(([kind, label]) => figureText(event[kind], label));
}

function eventRow(event) {
  const open = () => openArticle(event.article_id, event.event_id);
  const row = el(
    "tr",
    {
      tabIndex: 0,
      data: { event: event.event_id, article: event.article_id, type: event.event_type },
      title: event.sentence_text || "",
      on: { click: open, keydown: (e) => { if (e.key === "Enter") open(); } },
    },
    el("td", { class: "nowrap", title: `${event.date_precision}${event.date_text ? `: “${event.date_text}”` : ""}` }, displayDate(event)),
    el("td", {}, typeBadge(event.event_type)),
    el("td", {}, actorLabel(event.source)),
    el("td", { class: "trigger" }, event.trigger.text),
    el("td", {}, actorLabel(event.target)),
    el("td", {}, placeLabel(event.location)),
    el("td", { class: "nowrap" }, reportedFigures(event).join(", ")),
  );
  return row;
}

// -- timeline --------------------------------------------------------------------------------

async function loadTimeline() {
  const box = document.getElementById("timeline");
  let data;
  try {
    data = await getJSON("api/aggregates", { ...state.filters, by: "week", group: "type", top: 8 });
    if (data.buckets.length && data.buckets.length <= 16) {
      data = await getJSON("api/aggregates", { ...state.filters, by: "day", group: "type", top: 8 });
    } else if (data.buckets.length > 160) {
      data = await getJSON("api/aggregates", { ...state.filters, by: "month", group: "type", top: 8 });
    }
  } catch (error) {
    box.replaceChildren(el("p", { class: "error" }, error.message));
    return;
  }
  if (state.plot) state.plot.destroy();
  state.plot = null;
  box.replaceChildren();
  box.dataset.total = data.total;
  box.dataset.by = data.by;
  box.dataset.series = data.series.map((s) => s.key).join(",");
  if (!data.buckets.length) {
    box.append(el("p", { class: "note" }, "No dated events match these filters."));
    return;
  }
  const xs = data.buckets.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const opts = {
    width: Math.max(box.clientWidth, 300),
    height: 170,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
    legend: { show: true },
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: true } },
    axes: [{}, { size: 40 }],
    series: [
      { label: data.by },
      ...data.series.map((s) => ({
        label: s.key,
        stroke: TYPE_COLORS[s.key] || "#555",
        width: 1.5,
        points: { show: data.buckets.length < 60 },
      })),
    ],
    hooks: {
      setSelect: [(u) => {
        if (u.select.width < 3) return;
        const from = u.posToVal(u.select.left, "x");
        const to = u.posToVal(u.select.left + u.select.width, "x");
        setFilter("date_from", new Date(from * 1000).toISOString().slice(0, 10));
        setFilter("date_to", new Date(to * 1000).toISOString().slice(0, 10));
        refresh();
      }],
    },
  };
  state.plot = new uPlot(opts, [xs, ...data.series.map((s) => s.counts)], box);
}

// -- map -------------------------------------------------------------------------------------

let map = null;

async function initMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth");
  map.setView([25, 20], 2);
  try {
    const world = await getJSON("vendor/countries-110m.json");
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      style: { color: "#8a96a3", weight: 0.6, fillColor: "#eef0ea", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
  } catch (error) {
    console.warn("country outlines unavailable", error);
  }
  state.cluster = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    iconCreateFunction: (cluster) => countIcon(
      cluster.getAllChildMarkers().reduce((sum, m) => sum + m.options.count, 0), "cluster"),
  });
  map.addLayer(state.cluster);
}

function countIcon(count, kind) {
  const size = count >= 1000 ? 44 : count >= 100 ? 38 : count >= 10 ? 32 : 26;
  const node = el("div", { class: `count-icon ${kind}` }, el("span", {}, String(count)));
  return L.divIcon({ html: node, className: "count-wrap", iconSize: [size, size] });
}

function placePopup(feature, latlng) {
  const props = feature.properties;
  const types = Object.entries(props.types).sort((a, b) => b[1] - a[1]);
  const label = placeParts(props.name, props.admin1, props.country);
  return el(
    "div",
    { class: "popup" },
    el("strong", {}, label || "(unnamed place)"),
    el("div", { class: "note" }, `${props.count} event(s)`),
    el("ul", {}, ...types.map(([type, n]) => el("li", {}, typeBadge(type), ` ${n}`))),
    el("button", {
      type: "button",
      on: {
        click: () => {
          const d = 0.05;
          state.bbox = {
            label: props.name || "place",
            value: [latlng.lng - d, latlng.lat - d, latlng.lng + d, latlng.lat + d]
              .map((v) => v.toFixed(4)).join(","),
          };
          map.closePopup();
          refresh();
        },
      },
    }, "List events here"),
  );
}

async function loadMap() {
  if (!map) return;
  let data;
  try {
    data = await getJSON("api/events.geojson", { ...state.filters, per: "place" });
  } catch (error) {
    console.warn(error);
    return;
  }
  state.cluster.clearLayers();
  const markers = data.features.map((feature) => {
    const [lon, lat] = feature.geometry.coordinates;
    const latlng = L.latLng(lat, lon);
    const marker = L.marker(latlng, { count: feature.properties.count, icon: countIcon(feature.properties.count, "place") });
    marker.bindPopup(() => placePopup(feature, latlng));
    marker.bindTooltip(() => el("span", {}, `${feature.properties.name || ""}: ${feature.properties.count}`));
    return marker;
  });
  state.cluster.addLayers(markers);
  document.getElementById("map").dataset.places = String(markers.length);
}

// -- article view ----------------------------------------------------------------------------

const articleState = { record: null, eventId: null, quoteId: null };

async function openArticle(articleId, eventId) {
  const wanted = `#/article/${encodeURIComponent(articleId)}${eventId ? `/${encodeURIComponent(eventId)}` : ""}`;
  if (window.location.hash !== wanted) history.pushState(null, "", wanted);
  const panel = document.getElementById("article");
  if (!articleState.record || articleState.record.article.id !== articleId) {
    try {
      articleState.record = await getJSON(`api/articles/${encodeURIComponent(articleId)}`);
    } catch (error) {
      panel.hidden = false;
      document.getElementById("article-title").textContent = `Cannot open article: ${error.message}`;
      return;
    }
  }
  const record = articleState.record;
  articleState.eventId = eventId || (record.events[0] && record.events[0].event_id) || null;
  articleState.quoteId = null;
  panel.hidden = false;
  renderArticle();
}

function closeArticle() {
  document.getElementById("article").hidden = true;
  if (window.location.hash) history.pushState(null, "", window.location.pathname + window.location.search);
}

function renderArticle() {
  const record = articleState.record;
  const info = record.article;
  const event = record.events.find((e) => e.event_id === articleState.eventId) || null;
  document.getElementById("article-title").textContent =
    info.title || firstLine(record.text, record.body_start) || info.id;
  const meta = document.getElementById("article-meta");
  meta.replaceChildren(
    [info.date, info.source, `id ${info.id}`, record.coder].filter(Boolean).join(" · "),
  );
  if (info.url && /^https?:\/\//i.test(info.url)) {
    meta.append(" · ", el("a", { href: info.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "source"));
  }

  // What coding could not do (errors) and what the reader should know (warnings: no date).
  document.getElementById("article-notes").replaceChildren(
    ...(record.errors || []).map((note) => el("p", { class: "article-note error" }, note)),
    ...(record.warnings || []).map((note) => el("p", { class: "article-note" }, `Warning: ${note}`)),
  );

  const list = document.getElementById("article-events");
  list.replaceChildren(...record.events.map((e) => el(
    "li",
    {},
    el("button", {
      type: "button",
      class: e.event_id === articleState.eventId ? "selected" : "",
      data: { event: e.event_id, type: e.event_type },
      on: { click: () => { articleState.eventId = e.event_id; articleState.quoteId = null; history.replaceState(null, "", `#/article/${encodeURIComponent(info.id)}/${encodeURIComponent(e.event_id)}`); renderArticle(); } },
    }, typeBadge(e.event_type), " ", e.trigger.text, e.source ? ` — ${shortActor(e.source)}` : ""),
  )));
  if (!record.events.length) list.append(el("li", { class: "note" }, "No events coded."));

  renderExplanation(event, record);
  renderQuotes(record);
  renderText(record, event);
}

function firstLine(text, start) {
  if (!text) return "";
  const body = Array.from(text).slice(start || 0).join("").trim();
  const line = body.split(/(?<=[.!?])\s/)[0];
  return line.length > 140 ? `${line.slice(0, 140)}…` : line;
}

function eventDate(record, event) {
  if (!event || !event.date_text) return null;
  const inSentence = record.dates.filter((d) => d.text === event.date_text
    && d.start >= event.sentence.start && d.end <= event.sentence.end);
  const pool = inSentence.length ? inSentence : record.dates.filter((d) => d.text === event.date_text);
  pool.sort((a, b) => Math.abs(a.start - event.trigger.start) - Math.abs(b.start - event.trigger.start));
  return pool[0] || null;
}

function explainActor(part) {
  if (!part) return "—";
  const actor = part.actor;
  if (!actor) return `“${part.text}” (not resolved to an actor)`;
  const code = [actor.country, actor.sector].filter(Boolean).join(" ");
  const how = actor.resolved_by ? `, resolved by ${actor.resolved_by}` : "";
  return `“${part.text}” → ${actor.name || "—"} [${code || "?"}]${how}`;
}

function renderExplanation(event, record) {
  const dl = document.getElementById("explain");
  dl.replaceChildren();
  if (!event) {
    dl.append(el("dd", { class: "note" }, "Select an event to see why it was coded."));
    return;
  }
  const add = (term, ...value) => dl.append(el("dt", {}, term), el("dd", {}, ...value));
  const kind = [event.mode && `mode ${event.mode}`, event.context.length && `context ${event.context.join(", ")}`,
    event.cameo && `CAMEO ${event.cameo}`].filter(Boolean).join(" · ");
  add("Event", typeBadge(event.event_type), kind ? ` ${kind}` : "");
  add("Trigger", `“${event.trigger.text}”`);
  add("Source", explainActor(event.source));
  add("Target", explainActor(event.target));
  const loc = event.location;
  add("Where", loc ? `“${loc.text || loc.name}” → ${placeLabel(loc)} (${loc.precision || "?"}` +
    `${loc.linked_by ? `, linked by ${loc.linked_by}` : ""}` +
    `${loc.lat != null ? `, ${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)}` : ""})` : "—");
  add("When", event.date ? `${event.date} (${event.date_precision}${event.date_text ? `, from “${event.date_text}”` : ""})` : "no date");
  for (const [kind, label] of FIGURES) {
    const figure = event[kind];
    if (figure) add("Reported", `${figureText(figure, label)} (from “${figure.text}”, ${figure.rule})`);
  }
  add("Rule", event.rule);
  const pct = Math.round(event.confidence * 100);
  add("Confidence", el("meter", { min: 0, max: 1, value: event.confidence }), ` ${pct}%`);
  if (event.quote_id) {
    const quote = record.quotes.find((q) => q.quote_id === event.quote_id);
    if (quote) add("Said in a quote", `${quote.speaker ? quote.speaker.text : "unknown speaker"}: “${quote.text}”`);
  }
  add("Coder", event.coder);
}

function renderQuotes(record) {
  const list = document.getElementById("article-quotes");
  list.replaceChildren(...record.quotes.map((q) => el(
    "li",
    {},
    el("button", {
      type: "button",
      class: q.quote_id === articleState.quoteId ? "selected" : "",
      data: { quote: q.quote_id },
      on: { click: () => { articleState.quoteId = q.quote_id; renderArticle(); } },
    },
    el("span", { class: "speaker" }, q.speaker ? actorLabel(q.speaker) : "unknown speaker"),
    ` ${q.kind}${q.cue ? `, cue “${q.cue.text}”` : ""}${q.rule ? `, rule ${q.rule}` : ""}: `,
    el("q", {}, q.text.length > 160 ? `${q.text.slice(0, 160)}…` : q.text)),
  )));
  if (!record.quotes.length) list.append(el("li", { class: "note" }, "No quotes found."));
}

function renderText(record, event) {
  const box = document.getElementById("article-text");
  box.replaceChildren();
  if (!record.text) {
    box.append(el("p", { class: "note" }, "The store holds no text for this article."));
    return;
  }
  // Offsets are Python string indices (code points); Array.from splits the same way.
  const chars = Array.from(record.text);
  const marks = [];
  const mark = (span, cls, title) => {
    if (span && span.start != null && span.end != null && span.end > span.start) {
      marks.push({ start: span.start, end: span.end, cls, title });
    }
  };
  for (const q of record.quotes) {
    mark(q, q.quote_id === articleState.quoteId ? "q-selected" : `q-${q.kind}`,
      `${q.kind} quote · ${q.speaker ? q.speaker.text : "unknown speaker"} · ${q.rule || ""}`);
  }
  for (const e of record.events) if (e !== event) mark(e.trigger, "hl-other", `${e.event_type} · ${e.rule}`);
  if (event) {
    mark(event.trigger, "hl-trigger", `trigger of ${event.event_type} · ${event.rule} · confidence ${event.confidence}`);
    mark(event.source, "hl-source", `source: ${explainActor(event.source)}`);
    mark(event.target, "hl-target", `target: ${explainActor(event.target)}`);
    if (event.location) mark(event.location, "hl-place", `place: ${placeLabel(event.location)}`);
    const date = eventDate(record, event);
    if (date) mark(date, "hl-date", `date: ${date.value} (${date.precision}, ${date.resolved_by || ""})`);
    mark(event.sentence, "hl-sentence", "");
  }
  const cuts = new Set([record.body_start || 0, chars.length]);
  for (const m of marks) { cuts.add(Math.max(0, m.start)); cuts.add(Math.min(chars.length, m.end)); }
  const points = [...cuts].filter((c) => c >= (record.body_start || 0)).sort((a, b) => a - b);
  let first = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    const text = chars.slice(a, b).join("");
    if (!covering.length) { box.append(text); continue; }
    const span = el("span", {
      class: covering.map((m) => m.cls).join(" "),
      title: covering.map((m) => m.title).filter(Boolean).join("\n"),
    }, text);
    box.append(span);
    if (!first && covering.some((m) => m.cls === "hl-trigger" || m.cls === "q-selected")) first = span;
  }
  if (first) first.scrollIntoView({ block: "center" });
}

// -- start -----------------------------------------------------------------------------------

function routeFromHash() {
  const match = window.location.hash.match(/^#\/article\/([^/]+)(?:\/([^/]+))?$/);
  if (match) openArticle(decodeURIComponent(match[1]), match[2] ? decodeURIComponent(match[2]) : null);
  else document.getElementById("article").hidden = true;
}

async function fillChoices() {
  const stats = await getJSON("api/stats");
  const select = document.querySelector("select[name=event_type]");
  for (const type of PLOVER) {
    const n = stats.events_by_type[type] || 0;
    select.append(el("option", { value: type }, `${type} (${n})`));
  }
  document.getElementById("summary").textContent =
    `${stats.events.toLocaleString()} events in ${stats.articles_coded.toLocaleString()} articles`;
  const countries = await getJSON("api/aggregates", { by: "month", group: "country", top: 50 });
  const list = document.getElementById("countries");
  for (const s of countries.series) if (/^[A-Z]{3}$/.test(s.key)) list.append(el("option", { value: s.key }, `${s.total} events`));
}

async function start() {
  if (typeof L === "undefined" || typeof uPlot === "undefined" || typeof topojson === "undefined") {
    document.getElementById("setup-missing").hidden = false;
  } else {
    await initMap();
  }
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  document.getElementById("reset").addEventListener("click", () => {
    document.getElementById("filters").reset();
    state.bbox = null;
    refresh();
  });
  document.getElementById("more").addEventListener("click", () => loadEvents(false));
  document.getElementById("trend-by").addEventListener("change", () => loadTrends());
  document.getElementById("close-article").addEventListener("click", closeArticle);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeArticle(); });
  window.addEventListener("popstate", routeFromHash);
  window.addEventListener("resize", () => {
    const box = document.getElementById("timeline");
    if (state.plot) state.plot.setSize({ width: box.clientWidth, height: 170 });
  });
  await Promise.all([fillChoices().catch((e) => console.warn(e)), refresh()]);
  routeFromHash();
  document.body.dataset.ready = "true";
}

start();
