// The registry explorer's JSON API from D1: the same requests and the same JSON as
// `aspects serve` (registries/explorer/api.py); the shape is in docs/explorer.md.
//
// Within D1's limits: every query is bound by an aspect and a LIMIT; counts come from the
// entry_counts table the sync keeps (no COUNT(*) over a table per request), lists are
// keyset-paginated along an index, and every value from a request is a bound parameter.
// The one write, POST /api/rename, needs the Worker's AUTH_TOKEN.

import vocabulary from "../../registries/explorer/static/vocabulary.json";

const ASPECTS = new Set(Object.values(vocabulary.aspects).flat());
const HUES = new Map(vocabulary.hue_families.map((h) => [h.name, h]));
const BANDS = new Map(vocabulary.lightness_bands.map((b) => [b.name, b]));

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const bad = (message) => new ApiError(400, message);
const repr = (text) => `'${String(text).slice(0, 80)}'`;

function checkAspect(aspect) {
  if (typeof aspect !== "string" || !ASPECTS.has(aspect)) throw bad(`unknown aspect ${repr(aspect ?? "")}`);
  return aspect;
}

function checkKey(key) {
  if (typeof key !== "string" || !key || key.length > 400) throw bad("key is missing or longer than 400 characters");
  return key;
}

// Python's str.strip() and len() count code points; so do these.
const codePoints = (text) => [...text].length;

export function parseListQuery(params) {
  const aspect = params.get("aspect") ?? "";
  checkAspect(aspect);
  const q = (params.get("q") ?? "").trim();
  if (codePoints(q) > vocabulary.max_query_chars) {
    throw bad(`search text is ${codePoints(q)} characters; the limit is ${vocabulary.max_query_chars}`);
  }
  const sort = params.get("sort") || "count";
  if (!vocabulary.sorts.includes(sort)) throw bad(`sort must be one of ${vocabulary.sorts.join(", ")}`);
  const kind = params.get("kind") || "all";
  if (!vocabulary.kinds.includes(kind)) throw bad(`kind must be one of ${vocabulary.kinds.join(", ")}`);
  const hue = params.get("hue") || null;
  if (hue !== null && !HUES.has(hue)) throw bad(`hue must be one of ${[...HUES.keys()].join(", ")}`);
  const lightness = params.get("lightness") || null;
  if (lightness !== null && !BANDS.has(lightness)) throw bad(`lightness must be one of ${[...BANDS.keys()].join(", ")}`);
  const primitive = params.get("primitive") || null;
  if (primitive !== null && codePoints(primitive) > 100) throw bad("primitive is longer than 100 characters");
  const rawLimit = params.get("limit") || String(vocabulary.page_limit.default);
  if (!/^[0-9]{1,6}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > vocabulary.page_limit.max) {
    throw bad(`limit must be an integer from 1 to ${vocabulary.page_limit.max}`);
  }
  let after = null;
  if (params.get("after")) after = parseCursor(params.get("after"), sort);
  return { aspect, q, sort, kind, hue, lightness, primitive, limit: Number(rawLimit), after };
}

function parseCursor(text, sort) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad("after is not a cursor from a previous page");
  }
  const value = Array.isArray(parsed) ? parsed[0] : undefined;
  const ok =
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[1] === "string" &&
    (sort === "count"
      ? Number.isSafeInteger(value)
      : typeof value === "string" && (sort !== "recent" || CURSOR_TIME.test(value)));
  if (!ok) throw bad("after is not a cursor from a previous page");
  return parsed;
}

// A last_seen as D1 holds it (registries.d1.sync._timestamp), or "" for never seen.
const CURSOR_TIME = /^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6})?$/;
const cursorText = (value, key) => JSON.stringify([value, key]);

function likePattern(text) {
  return `%${text.toLowerCase().replace(/\\/g, "\\\\").replace(/%/g, "\\%").replace(/_/g, "\\_")}%`;
}

// The same conditions as api.filter_sql, in the subset of SQL DuckDB and SQLite share.
function filterSql(query) {
  const where = [];
  const params = [];
  if (query.q) {
    where.push("(lower(e.name) LIKE ? ESCAPE '\\' OR lower(e.key) LIKE ? ESCAPE '\\')");
    const pattern = likePattern(query.q);
    params.push(pattern, pattern);
  }
  if (query.kind !== "all") {
    where.push(query.kind === "seed" ? "e.primitive = 1" : "e.primitive = 0");
  }
  if (query.hue !== null) {
    const family = HUES.get(query.hue);
    if (!family.ranges.length) {
      where.push("json_extract(e.value, '$.C') IS NOT NULL AND json_extract(e.value, '$.h') IS NULL");
    } else {
      const one = "(CAST(json_extract(e.value, '$.h') AS DOUBLE) >= ? AND CAST(json_extract(e.value, '$.h') AS DOUBLE) < ?)";
      where.push(`json_extract(e.value, '$.h') IS NOT NULL AND (${family.ranges.map(() => one).join(" OR ")})`);
      for (const [from, to] of family.ranges) params.push(from, to);
    }
  }
  if (query.lightness !== null) {
    const band = BANDS.get(query.lightness);
    where.push("CAST(json_extract(e.value, '$.L') AS DOUBLE) >= ? AND CAST(json_extract(e.value, '$.L') AS DOUBLE) < ?");
    params.push(band.from, band.to);
  }
  if (query.primitive !== null) {
    const quoted = JSON.stringify(query.primitive).replace(/\\/g, "\\\\").replace(/%/g, "\\%").replace(/_/g, "\\_");
    where.push("e.depth_breakdown LIKE ? ESCAPE '\\'");
    params.push(`%${quoted}:%`);
  }
  return { where, params };
}

const iso = (text) => (text == null ? null : `${String(text).slice(0, 19)}Z`);

function entryOf(row, aspect) {
  return {
    aspect,
    key: row.key,
    name: row.name,
    value: JSON.parse(row.value),
    depth_breakdown: row.depth_breakdown == null ? null : JSON.parse(row.depth_breakdown),
    primitive: Boolean(row.primitive),
    count: Number(row.total),
    videos: Number(row.videos),
    first_seen: iso(row.first_seen),
    last_seen: iso(row.seen),
  };
}

const ENTRY_COLUMNS =
  "e.key AS key, e.name AS name, e.value AS value, e.depth_breakdown AS depth_breakdown, e.primitive AS primitive, " +
  "coalesce(c.total_count, 0) AS total, coalesce(c.videos, 0) AS videos, e.first_seen AS first_seen, e.last_seen AS seen";
const COUNTS_JOIN = "LEFT JOIN entry_counts c ON c.aspect = e.aspect AND c.key = e.key";

async function all(db, sql, params) {
  const { results } = await db.prepare(sql).bind(...params).all();
  return results ?? [];
}

export async function listEntries(db, query) {
  const { where, params } = filterSql(query);
  const filters = where.map((w) => ` AND ${w}`).join("");
  const want = query.limit + 1;
  let rows;
  if (query.sort === "name") {
    // Names are unique within an aspect, so the key never breaks a tie: index (aspect, name).
    const after = query.after ? " AND e.name > ?" : "";
    rows = await all(
      db,
      `SELECT ${ENTRY_COLUMNS} FROM entries e ${COUNTS_JOIN} WHERE e.aspect = ?${filters}${after} ORDER BY e.name LIMIT ?`,
      [query.aspect, ...params, ...(query.after ? [query.after[0]] : []), want],
    );
  } else if (query.sort === "recent") {
    // Index entries_recent (aspect, coalesce(last_seen, ''), key), walked backwards.
    const after = query.after ? " AND (coalesce(e.last_seen, ''), e.key) < (?, ?)" : "";
    rows = await all(
      db,
      `SELECT ${ENTRY_COLUMNS} FROM entries e ${COUNTS_JOIN} WHERE e.aspect = ?${filters}${after} ` +
        "ORDER BY coalesce(e.last_seen, '') DESC, e.key DESC LIMIT ?",
      [query.aspect, ...params, ...(query.after ?? []), want],
    );
  } else {
    // Seen entries from entry_counts (index on aspect, total_count, key), then the never-seen ones by key.
    rows = [];
    const [afterCount, afterKey] = query.after ?? [null, null];
    if (afterCount === null || afterCount > 0) {
      const after = afterCount === null ? "" : " AND (c.total_count, c.key) < (?, ?)";
      rows = await all(
        db,
        `SELECT ${ENTRY_COLUMNS} FROM entry_counts c JOIN entries e ON e.aspect = c.aspect AND e.key = c.key ` +
          `WHERE c.aspect = ? AND c.total_count > 0${filters}${after} ORDER BY c.total_count DESC, c.key DESC LIMIT ?`,
        [query.aspect, ...params, ...(afterCount === null ? [] : [afterCount, afterKey]), want],
      );
    }
    if (rows.length < want) {
      const after = afterCount === 0 ? " AND e.key < ?" : "";
      const unseen = await all(
        db,
        `SELECT ${ENTRY_COLUMNS} FROM entries e ${COUNTS_JOIN} WHERE e.aspect = ? AND coalesce(c.total_count, 0) = 0${filters}${after} ` +
          "ORDER BY e.key DESC LIMIT ?",
        [query.aspect, ...params, ...(afterCount === 0 ? [afterKey] : []), want - rows.length],
      );
      rows = rows.concat(unseen);
    }
  }
  const page = rows.slice(0, query.limit);
  let next = null;
  if (rows.length > query.limit) {
    const last = page[page.length - 1];
    const value = { count: Number(last.total), recent: last.seen ?? "", name: last.name }[query.sort];
    next = cursorText(value, last.key);
  }
  return { aspect: query.aspect, sort: query.sort, entries: page.map((r) => entryOf(r, query.aspect)), next };
}

export async function registriesSummary(db) {
  const rows = await all(db, "SELECT aspect, entries, primitives, total_count, videos FROM aspect_totals", []);
  const totals = new Map(rows.map((r) => [r.aspect, r]));
  return {
    registries: Object.entries(vocabulary.aspects).map(([registry, aspects]) => ({
      registry,
      aspects: aspects.map((aspect) => {
        const t = totals.get(aspect);
        return {
          aspect,
          entries: Number(t?.entries ?? 0),
          primitives: Number(t?.primitives ?? 0),
          count: Number(t?.total_count ?? 0),
          videos: Number(t?.videos ?? 0),
        };
      }),
    })),
  };
}

// Python's sorted() on str orders by code point; so does this (plain sort() uses UTF-16 units).
const byCodePoint = (a, b) => {
  const x = [...a].map((c) => c.codePointAt(0));
  const y = [...b].map((c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};

export async function facets(db, aspect) {
  checkAspect(aspect);
  const rows = await all(
    db,
    "SELECT depth_breakdown FROM entries WHERE aspect = ? AND primitive = 1 AND depth_breakdown IS NOT NULL LIMIT 1000",
    [aspect],
  );
  const out = [];
  if (aspect === "static.color") {
    out.push({ name: "hue", values: vocabulary.hue_families.map((h) => h.name) });
    out.push({ name: "lightness", values: vocabulary.lightness_bands.map((b) => b.name) });
  }
  const names = new Set(rows.flatMap((r) => Object.keys(JSON.parse(r.depth_breakdown))));
  const primitives = [...names].sort(byCodePoint).slice(0, vocabulary.facet_primitives_limit);
  if (primitives.length) out.push({ name: "primitive", values: primitives });
  return { aspect, facets: out };
}

export async function entryDetail(db, aspect, key) {
  checkAspect(aspect);
  checkKey(key);
  const limit = vocabulary.entry_videos_limit;
  const [found, discovered, seen] = await db.batch([
    db.prepare(`SELECT ${ENTRY_COLUMNS}, e.sources AS sources FROM entries e ${COUNTS_JOIN} WHERE e.aspect = ? AND e.key = ?`).bind(aspect, key),
    db.prepare("SELECT video_sha256, discovered_at FROM discoveries WHERE aspect = ? AND key = ?").bind(aspect, key),
    db
      .prepare(
        "SELECT video_sha256, count, first_seen, last_seen FROM observations WHERE aspect = ? AND key = ? " +
          "ORDER BY count DESC, video_sha256 LIMIT ?",
      )
      .bind(aspect, key, limit + 1),
  ]);
  const row = found.results?.[0];
  if (!row) throw new ApiError(404, `${aspect} has no entry with key ${repr(key)}`);
  const entry = entryOf(row, aspect);
  entry.sources = row.sources == null ? [] : JSON.parse(row.sources);
  const d = discovered.results?.[0];
  entry.discovered = d ? { video_sha256: d.video_sha256, at: iso(d.discovered_at) } : null;
  const videos = seen.results ?? [];
  entry.seen_in = videos.slice(0, limit).map((v) => ({
    video_sha256: v.video_sha256,
    count: Number(v.count),
    first_seen: iso(v.first_seen),
    last_seen: iso(v.last_seen),
  }));
  entry.seen_in_more = videos.length > limit;
  return entry;
}

function checkName(name) {
  const limit = vocabulary.max_name_chars;
  // Python's str.strip() drops Unicode whitespace, like trim().
  if (typeof name !== "string" || !name.trim() || codePoints(name.trim()) > limit || /[\u0000-\u001f]/.test(name)) {
    throw bad(`name must be 1 to ${limit} printable characters`);
  }
  return name.trim();
}

export async function renameEntry(db, body) {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw bad('body must be a JSON object: {"aspect", "key", "name"}');
  }
  const aspect = checkAspect(body.aspect);
  const key = checkKey(body.key);
  const name = checkName(body.name);
  const row = await db.prepare("SELECT name FROM entries WHERE aspect = ? AND key = ?").bind(aspect, key).first();
  if (!row) throw new ApiError(404, `${aspect} has no entry with key ${repr(key)}`);
  if (row.name === name) return { aspect, key, name, changed: false };
  const holder = await db.prepare("SELECT key FROM entries WHERE aspect = ? AND name = ? AND key <> ?").bind(aspect, name, key).first();
  if (holder) throw new ApiError(409, `${aspect}: the name '${name}' belongs to the entry '${holder.key}'`);
  try {
    await db.prepare("UPDATE entries SET name = ? WHERE aspect = ? AND key = ?").bind(name, aspect, key).run();
  } catch (err) {
    if (/UNIQUE|constraint/i.test(String(err?.message))) throw new ApiError(409, `${aspect}: the name '${name}' was just taken`);
    throw err;
  }
  return { aspect, key, name, changed: true };
}

const API_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...API_HEADERS, ...headers } });
}

// Answers every /api/* request; `authorized(request)` checks the bearer token for writes.
export async function explorer(request, env, authorized) {
  const url = new URL(request.url);
  const path = url.pathname;
  const db = env.DB;
  try {
    if (request.method === "GET") {
      if (path === "/api/about") return json(200, { backend: "worker", video_view: false, writes: Boolean(env.AUTH_TOKEN) });
      if (path === "/api/registries") return json(200, await registriesSummary(db));
      if (path === "/api/entries") return json(200, await listEntries(db, parseListQuery(url.searchParams)));
      if (path === "/api/facets") return json(200, await facets(db, url.searchParams.get("aspect") ?? ""));
      if (path === "/api/entry") {
        return json(200, await entryDetail(db, url.searchParams.get("aspect") ?? "", url.searchParams.get("key") ?? ""));
      }
      if (path === "/api/video" || path === "/api/video/timeline") {
        return json(501, { error: "video views are available only from `aspects serve` on the machine that learned the video" });
      }
    }
    if (path === "/api/rename" && request.method === "POST") {
      if (!env.AUTH_TOKEN) return json(403, { error: "writes are off: the Worker has no AUTH_TOKEN" });
      if (!(await authorized(request))) return json(401, { error: "missing or wrong bearer token" }, { "www-authenticate": "Bearer" });
      let body;
      try {
        body = JSON.parse(await request.text());
      } catch {
        throw bad('body must be JSON: {"aspect", "key", "name"}');
      }
      return json(200, await renameEntry(db, body));
    }
    return json(404, { error: `no API route ${path.slice(0, 80)}` });
  } catch (err) {
    if (err instanceof ApiError) return json(err.status, { error: err.message });
    return json(503, { error: `D1 query failed: ${String(err?.message ?? err).slice(0, 300)}` });
  }
}
