// Benchmark (not a test; run by scripts/bench.sh): how fast the server takes in entries and exports them.
//   node tests/e2e/bench/server.mjs OUT.json
// Environment: BENCH_INGEST (entries, default 10000), YOURSAY_SERVER_BIN (use the release binary).
//
// One client posts the entries to POST /api/v1/entries in batches of 50 (the app's batch size), one request
// after another, against a fresh SQLite file; then posts the very same batches again (every answer
// `already_had`, as after a lost response). Then the server stops and `yoursay-server export` writes CSV and
// XLSX of everything.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

// The release server unless told otherwise (helpers.mjs reads this when it is imported).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
process.env.YOURSAY_SERVER_BIN ||= join(ROOT, "target/release/yoursay-server");
const SERVER_BIN = process.env.YOURSAY_SERVER_BIN;
const { freePort, scratch, startServer, stopServer, sql } = await import("../helpers.mjs");

const TOTAL = Number(process.env.BENCH_INGEST || 10_000);
const BATCH = 50;

const PROMISES = ["equality", "eradicate_stigma", "togetherness", "support", "ambition", "nurture", "good_health",
  "stable_home", "good_education", "thrive", "lifelong"];
const SERVICES = ["social_worker", "personal_adviser", "foster_placement", "residential_home", "school_education",
  "health", "housing", "advocacy", "reviewing_officer", "leisure_activities", "youth_service", "family_support",
  "employment_skills", "council_panel"];
const ROLES = ["young_person", "care_leaver", "foster_carer", "kinship_carer", "professional", "other"];
const AGES = ["4_7", "8_10", "11_15", "16_18", "19_25", "26_plus"];
const TEXTS = [
  "I would like to see my social worker more often, and for them to stay longer than a year.",
  "Mae'r clwb ieuenctid yn wych ond does dim bws adref ar ôl saith.",
  "My personal adviser helped me find a flat and sort out my money. Thank you.",
  "=SUM(A1:A9) school never told me about the trip until the day before",
  "It would help if everyone at my review listened to me before deciding.",
  "Hoffwn i gael mwy o help gyda gwaith cartref.",
];

/** A deterministic pseudo-random sequence, so every run sends the same mix. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Two views in five (text, promise tags, sometimes an event); three in five ratings of a service against
 *  all 11 promises (scores, "dont_know" and a skipped one). Made within the last 180 days. */
function makeEntries(n) {
  const r = rng(42);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const now = Date.now();
  const out = [];
  for (let i = 0; i < n; i++) {
    const base = {
      id: randomUUID(),
      created_at: now - Math.floor(r() * 180 * 24 * 3600 * 1000),
      language: r() < 0.3 ? "cy" : "en",
    };
    if (r() < 0.5) base.role = pick(ROLES);
    if (r() < 0.5) base.age_band = pick(AGES);
    if (r() < 0.3) base.event = "COFFEE-NOV";
    if (i % 5 < 2) {
      out.push({ ...base, kind: "view", text: `${pick(TEXTS)} (${i})`, promises: r() < 0.6 ? [pick(PROMISES), pick(PROMISES)].filter((p, j, a) => a.indexOf(p) === j) : [] });
    } else {
      const skipped = pick(PROMISES);
      const answers = PROMISES.filter((p) => p !== skipped).map((promise) => ({
        promise,
        answer: r() < 0.1 ? "dont_know" : 1 + Math.floor(r() * 5),
      }));
      out.push({ ...base, kind: "rating", service: pick(SERVICES), answers });
    }
  }
  return out;
}

async function send(url, batches, want) {
  const started = process.hrtime.bigint();
  for (const batch of batches) {
    const response = await fetch(`${url}/api/v1/entries`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: batch,
    });
    if (response.status !== 200) throw new Error(`POST /api/v1/entries: ${response.status} ${await response.text()}`);
    const { results } = await response.json();
    const wrong = results.find((x) => x.status !== want);
    if (wrong) throw new Error(`expected ${want}, got ${JSON.stringify(wrong)}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function timed(args) {
  const started = process.hrtime.bigint();
  const output = execFileSync(SERVER_BIN, args, { encoding: "utf8", env: { ...process.env, RUST_LOG: "warn" } });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, output: output.trim() };
}

async function main() {
  const out = process.argv[2];
  const entries = makeEntries(TOTAL);
  const batches = [];
  for (let i = 0; i < entries.length; i += BATCH) batches.push(JSON.stringify({ entries: entries.slice(i, i + BATCH) }));
  const answers = entries.reduce((n, e) => n + (e.kind === "view" ? 1 : e.answers.length), 0);

  const port = await freePort();
  const { dir, db } = scratch();
  const server = await startServer({ port, db });
  let first, again;
  try {
    first = await send(server.url, batches, "accepted");
    again = await send(server.url, batches, "already_had");
  } finally {
    await stopServer(server);
  }
  const stored = Number(sql(db, "SELECT COUNT(*) FROM entries")[0][0]);
  if (stored !== TOTAL) throw new Error(`expected ${TOTAL} entries stored, found ${stored}`);
  // The database file and its write-ahead log, as the server left them.
  const dbBytes = [db, `${db}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
  process.stderr.write(`  ingest: ${TOTAL} in ${first.toFixed(2)} s, again in ${again.toFixed(2)} s\n`);

  const url = `sqlite://${db}?mode=rwc`;
  const exports = {};
  for (const format of ["csv", "xlsx"]) {
    const file = join(dir, `export.${format}`);
    const run = timed(["export", "--database-url", url, "--format", format, "--out", file]);
    const rows = Number(/Wrote (\d+) rows/.exec(run.output)?.[1]);
    exports[format] = { seconds: run.seconds, bytes: statSync(file).size, rows };
    process.stderr.write(`  export ${format}: ${rows} rows in ${run.seconds.toFixed(2)} s\n`);
  }

  const result = {
    entries: TOTAL,
    views: entries.filter((e) => e.kind === "view").length,
    ratings: entries.filter((e) => e.kind === "rating").length,
    answers,
    batch: BATCH,
    requests: batches.length,
    ingest: { seconds: first, perSecond: TOTAL / first },
    resend: { seconds: again, perSecond: TOTAL / again },
    databaseBytes: dbBytes,
    export: exports,
  };
  const json = JSON.stringify(result, null, 2);
  if (out) writeFileSync(out, json + "\n");
  else console.log(json);
}

await main();
