// The registries' D1 endpoint.
//
//   POST /query   {"batch": [{"sql": "...", "params": [...]}, ...]}   (or one {"sql", "params"})
//                 Authorization: Bearer <AUTH_TOKEN>
//                 Runs every statement through env.DB.batch (one transaction: all or nothing)
//                 and answers in the shape of Cloudflare's D1 REST API, so the Python client
//                 reads the Worker and the REST API the same way.
//   GET  /health  {"ok": true, "migrations": <applied count>}   (no auth, cheap)
//   /api/*        the registry explorer's JSON API (src/explorer.js, docs/explorer.md): reads are
//                 public, POST /api/rename needs the bearer token. The explorer page itself is
//                 served from registries/explorer/static by wrangler's static assets.
//
// Bad requests get a 4xx JSON error and never reach the database.

import { explorer } from "./explorer.js";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };
const encoder = new TextEncoder();

function reply(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

// Same envelope as the REST API's errors; `code` mirrors its codes where one exists.
function failure(status, code, message, headers = {}) {
  return reply(status, { result: [], success: false, errors: [{ code, message }], messages: [] }, headers);
}

class BadRequest extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function limits(env) {
  const int = (value, fallback) => {
    const parsed = Number.parseInt(value ?? "", 10);
    return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
  };
  return {
    bodyBytes: int(env.MAX_BODY_BYTES, 1048576),
    statements: int(env.MAX_STATEMENTS, 100),
    params: int(env.MAX_PARAMS_PER_STATEMENT, 100),
    sqlBytes: int(env.MAX_SQL_BYTES, 102400),
  };
}

// Compare digests so the time taken does not depend on where the tokens differ.
async function tokenMatches(given, expected) {
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}

async function readBody(request, limit) {
  const declared = Number.parseInt(request.headers.get("content-length") ?? "", 10);
  if (Number.isFinite(declared) && declared > limit) {
    throw new BadRequest(413, 7400, `request body is ${declared} bytes; the limit is ${limit}`);
  }
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > limit) {
    throw new BadRequest(413, 7400, `request body is ${bytes.byteLength} bytes; the limit is ${limit}`);
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw new BadRequest(400, 7400, `request body is not valid JSON: ${err.message}`);
  }
}

function validStatements(body, limit) {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new BadRequest(400, 7400, 'body must be an object: {"batch": [{"sql", "params"}, ...]} or {"sql", "params"}');
  }
  const statements = Array.isArray(body.batch) ? body.batch : "sql" in body ? [body] : null;
  if (statements === null) {
    throw new BadRequest(400, 7400, 'body needs "batch" (a list of statements) or "sql"');
  }
  if (statements.length === 0) {
    throw new BadRequest(400, 7400, '"batch" is empty');
  }
  if (statements.length > limit.statements) {
    throw new BadRequest(413, 7400, `${statements.length} statements in one request; the limit is ${limit.statements}`);
  }
  return statements.map((statement, index) => {
    const where = `statement ${index}`;
    if (statement === null || typeof statement !== "object" || typeof statement.sql !== "string" || !statement.sql.trim()) {
      throw new BadRequest(400, 7400, `${where}: "sql" must be a non-empty string`);
    }
    const sqlBytes = encoder.encode(statement.sql).byteLength;
    if (sqlBytes > limit.sqlBytes) {
      throw new BadRequest(413, 7400, `${where}: SQL is ${sqlBytes} bytes; the limit is ${limit.sqlBytes}`);
    }
    const params = statement.params ?? [];
    if (!Array.isArray(params)) {
      throw new BadRequest(400, 7400, `${where}: "params" must be a list`);
    }
    if (params.length > limit.params) {
      throw new BadRequest(400, 7400, `${where}: ${params.length} bound parameters; the limit is ${limit.params}`);
    }
    params.forEach((value, position) => {
      const kind = typeof value;
      if (!(value === null || kind === "string" || kind === "boolean" || (kind === "number" && Number.isFinite(value)))) {
        throw new BadRequest(400, 7400, `${where}: parameter ${position + 1} must be null, a boolean, a finite number or a string`);
      }
    });
    return { sql: statement.sql, params };
  });
}

// A statement the engine rejects (syntax, constraint, missing table) is the caller's error;
// anything else (storage busy, reset) is worth retrying, so it gets a 5xx.
function isStatementError(message) {
  return /SQLITE_(ERROR|CONSTRAINT|MISMATCH|RANGE|TOOBIG)|no such (table|column)|syntax error|constraint failed/i.test(message);
}

async function authorized(request, env) {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "");
  return Boolean(match && env.AUTH_TOKEN && (await tokenMatches(match[1].trim(), env.AUTH_TOKEN)));
}

async function query(request, env) {
  if (!env.AUTH_TOKEN) {
    return failure(500, 10000, "the Worker has no AUTH_TOKEN secret: set it with `wrangler secret put AUTH_TOKEN` (or .dev.vars locally)");
  }
  if (!(await authorized(request, env))) {
    return failure(401, 10000, "missing or wrong bearer token", { "www-authenticate": "Bearer" });
  }
  const limit = limits(env);
  let statements;
  try {
    statements = validStatements(await readBody(request, limit.bodyBytes), limit);
  } catch (err) {
    if (err instanceof BadRequest) return failure(err.status, err.code, err.message);
    throw err;
  }
  let results;
  try {
    results = await env.DB.batch(statements.map(({ sql, params }) => env.DB.prepare(sql).bind(...params)));
  } catch (err) {
    const message = String(err?.cause?.message ?? err?.message ?? err);
    const status = isStatementError(message) ? 400 : 503;
    return failure(status, 7500, `batch of ${statements.length} statements rolled back: ${message}`);
  }
  return reply(200, {
    result: results.map((r) => ({ results: r.results ?? [], success: r.success, meta: r.meta ?? {} })),
    success: true,
    errors: [],
    messages: [],
  });
}

async function health(env) {
  let migrations = 0;
  try {
    const row = await env.DB.prepare("SELECT count(*) AS n FROM d1_migrations").first();
    migrations = row?.n ?? 0;
  } catch (err) {
    // No migrations table yet: the database is reachable but empty.
    if (!/no such table/i.test(String(err?.message))) {
      return failure(503, 7500, `D1 unreachable: ${err?.message ?? err}`);
    }
  }
  return reply(200, { ok: true, migrations });
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") {
      return request.method === "GET" ? health(env) : failure(405, 7400, "use GET /health", { allow: "GET" });
    }
    if (pathname.startsWith("/api/")) {
      return explorer(request, env, (r) => authorized(r, env));
    }
    if (pathname === "/query") {
      return request.method === "POST" ? query(request, env) : failure(405, 7400, "use POST /query", { allow: "POST" });
    }
    return failure(404, 7400, `no route ${request.method} ${pathname}; use POST /query, GET /health or the explorer (/ and /api/*)`);
  },
};
