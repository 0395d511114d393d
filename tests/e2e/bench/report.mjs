// Turns the benchmark results into one Markdown table (run by scripts/bench.sh):
//   node tests/e2e/bench/report.mjs RESULTS_DIR OUT.md
// RESULTS_DIR holds bundle-size.txt (scripts/bundle-size.sh's output), phone.json, server.json, sign-in.json and
// machine.json. Prints the Markdown and writes it to OUT.md.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, out] = process.argv.slice(2);
const read = (name) => JSON.parse(readFileSync(join(dir, name), "utf8"));
const bundle = readFileSync(join(dir, "bundle-size.txt"), "utf8");
const phone = read("phone.json");
const server = read("server.json");
const machine = read("machine.json");
const signIn = read("sign-in.json");

const ms = (x) => `${Math.round(x).toLocaleString("en-GB")} ms`;
const s = (x) => `${x.toFixed(2)} s`;
const kb = (bytes) =>
  bytes < 1024 * 1024
    ? `${(bytes / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} KB`
    : `${(bytes / 1024 / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
const int = (x) => Math.round(x).toLocaleString("en-GB");
const list = (xs) => xs.map((x) => Math.round(x)).join(", ");

const firstLoad = /^first load\s+(\d+)/m.exec(bundle);
const firstLoadBytes = firstLoad ? Number(firstLoad[1]) : NaN;
const p = phone.profile;
const fs = phone.firstScreen;
const save = phone.offlineSave;
const queued = phone.queuedSave;
const sync = phone.sync;

const rows = [
  ["First load on the wire (what the server sends with `Accept-Encoding: br`: the page and every file it names)", `${Math.floor(firstLoadBytes / 1024)} KB`,
    `${int(firstLoadBytes)} bytes; \`scripts/bundle-size.sh\`, budget 150,000 bytes`],
  ["First paint, cold (no cache, no service worker), median (goal ≤ 1.5 s)", ms(fs.coldMedianMs),
    `runs: ${list(fs.coldMs)} ms; ${kb(fs.coldTransferBytes)} over the wire (wasm sent as \`${fs.wasmEncoding}\`)`],
  ["First screen usable, cold (the app has taken over), median (goal ≤ 3.5 s)", ms(fs.coldUsableMedianMs),
    `runs: ${list(fs.coldUsableMs)} ms`],
  ["First paint, warm (second visit, service worker), median", ms(fs.warmMedianMs), `runs: ${list(fs.warmMs)} ms`],
  ["First screen usable, warm, median (goal ≤ 400 ms)", ms(fs.warmUsableMedianMs), `runs: ${list(fs.warmUsableMs)} ms`],
  ["Save an entry offline (\"Send\" → \"Thank you\"), p95, empty outbox", ms(save.p95Ms),
    `${save.ms.length} entries, server stopped; median ${ms(save.medianMs)}, slowest ${ms(save.maxMs)}`],
  [`Save an entry offline, p95, ${int(queued.waiting)} waiting`, ms(queued.p95Ms),
    `${queued.ms.length} entries; median ${ms(queued.medianMs)}, slowest ${ms(queued.maxMs)}`],
  [`Sync of ${int(sync.entries)} waiting entries ("Send now" → 0 waiting)`, ms(sync.ms),
    `batches of 50, no CPU slowdown, server on loopback`],
  ...(phone.longSurvey
    ? [["A cached 30-question survey opened offline (slow phone's CPU), median", ms(phone.longSurvey.openMedianMs),
        `to its introduction; runs: ${list(phone.longSurvey.openMs)} ms; "Start" → first question: median ${ms(phone.longSurvey.startMedianMs)}`]]
    : []),
  ["Server ingest, new entries (one device; the round with the median ratio)", `${int(server.ingest.perSecond)} entries/s`,
    `${int(server.entries)} entries in ${s(server.ingest.seconds)}; ${server.requests} sequential requests of ${server.batch}; slowest batch ${ms(server.ingest.worstBatchSeconds * 1000)}`],
  ["Raw SQLite insert of the same rows, same settings (right after, same run)", `${int(server.raw.perSecond)} entries/s`,
    `${s(server.raw.seconds)}; server ÷ raw = **${server.raw.ratio.toFixed(2)}** (goal ≥ 0.7), the median of ${(server.raw.ratios || [server.raw.ratio]).length} rounds: ${(server.raw.ratios || [server.raw.ratio]).map((r) => r.toFixed(2)).join(", ")}`],
  ["Server ingest, re-sent (all `already_had`)", `${int(server.resend.perSecond)} entries/s`,
    `same ${server.requests} requests in ${s(server.resend.seconds)}`],
  [`Server ingest, ${server.devices.count} devices at once`, `${int(server.devices.perSecond)} entries/s`,
    `${int(server.devices.entries)} entries in ${s(server.devices.seconds)}; slowest batch ${ms(server.devices.worstBatchSeconds * 1000)}; ${(server.devices.perSecond / server.ingest.perSecond).toFixed(2)}× one device`],
  ["Export CSV (`yoursay-server export --format csv`)", s(server.export.csv.seconds),
    `${int(server.export.csv.rows)} rows, ${kb(server.export.csv.bytes)}; peak memory ${mib(server.export.csv.maxRssBytes)}; CPU ${s(server.export.csv.cpuSeconds)}`],
  ["Export XLSX (`yoursay-server export --format xlsx`)", s(server.export.xlsx.seconds),
    `${int(server.export.xlsx.rows)} rows, ${kb(server.export.xlsx.bytes)}; peak memory ${mib(server.export.xlsx.maxRssBytes)}; CPU ${s(server.export.xlsx.cpuSeconds)}`],
  [`Server memory, ${signIn.attempts} simultaneous sign-ins (peak resident)`, `${signIn.peakMib.toFixed(1)} MiB`,
    `bound ${signIn.boundMib} MiB; idle ${signIn.idleMib.toFixed(1)} MiB; answers ${Object.entries(signIn.tally).map(([k, v]) => `${v}× ${k}`).join(", ")} in ${s(signIn.seconds)}`],
];

const md = `# Benchmark results

Produced by \`bash scripts/bench.sh\` on ${machine.date} at commit \`${machine.commit}\`${machine.dirty ? " (with uncommitted changes)" : ""}.

**Machine**: ${machine.cores} cores (${machine.cpu}), ${machine.memory}; load average ${machine.loadBefore} when the
bench started. ${machine.note}

| what | result | detail |
|---|---|---|
${rows.map((r) => `| ${r.join(" | ")} |`).join("\n")}

## How it was measured

- **Slow phone**: ${machine.chromium}, headless, 360 × 740 viewport, CPU slowed ${p.cpuRate}× with CDP
  \`Emulation.setCPUThrottlingRate\`, network shaped with CDP \`Network.emulateNetworkConditions\`:
  ${p.downKbit} kbit/s down, ${p.upKbit} kbit/s up, ${p.latencyMs} ms added to every request (a slow 3G-like profile).
  The server runs on the same machine (loopback).
- **First paint / usable**: from navigation start (\`performance.now()\` = 0) to the moment a \`main h1\`
  is in the page with a box (the plain-HTML first screen of \`index.html\`, drawn before the wasm arrives),
  and to the moment the app has taken over (its status strip is in the page), noted by a MutationObserver
  added before any of the page's scripts. The page tells the bench it is done with a console message;
  nothing is evaluated in the page until then (Playwright's waits poll in the page every animation frame,
  which cost the slowed CPU 150–200 ms of the load being timed; runs before 2026-12-05 include that). Cold: a fresh
  browser context (empty HTTP cache, no service worker). Warm: a second page in the same context after the
  service worker took control; the navigation is answered from its cache (checked: the page is controlled).
  Median of ${phone.runs} runs.
- **Save offline**: one visit online so the service worker installs, then the server process is stopped. On
  \`/say\`, a view is typed and "Send" clicked; the time is from the click event to the "Thank you" heading
  (the entry is committed to IndexedDB before the screen changes). No CPU slowdown. ${save.ms.length} saves
  from an empty outbox, then ${queued.ms.length} more after ${int(queued.waiting)} waiting entries were written
  into the outbox as the app stores them; the status strip is checked to count them all.
- **Sync**: the same device's outbox (${int(sync.entries)} waiting) in a new page opened from the service worker,
  the server started again, "Send now" clicked; from the click to the strip counting 0.
- **Ingest**: the server as built for use (profile \`server\`), fresh SQLite file, one Node client posting ${int(server.entries)} entries
  (${int(server.views)} views, ${int(server.ratings)} ratings of one service against 10 of the 11 promises;
  ${int(server.answers)} answers) to \`POST /api/v1/entries\` in batches of ${server.batch}, one request after
  another on one kept-alive connection (\`node:http\`; until 2026-12-05 the bench used \`fetch\`, whose own
  cost was about 1.5 ms a request); then the same batches again. Database file and its write-ahead log after ingest and re-send (the log is kept near 16 MiB): ${kb(server.databaseBytes)}.
- **Raw SQLite**: the same rows written by the \`sqlite3\` shell into a fresh file with the server's schema
  and settings (WAL, \`synchronous=FULL\`, foreign keys on; both sync with \`fdatasync\`), one \`BEGIN IMMEDIATE\` … \`COMMIT\` per batch of
  ${server.batch} with multi-row inserts; the ratio is the server's time ÷ this time. The two are measured one
  right after the other, ${(server.raw.ratios || [0]).length} rounds in turn (each against fresh files), and the round with the median
  ratio is reported: the disk's speed drifts on a shared machine (raw SQLite alone measured 8,700 to 10,700
  entries/s in runs of one round each, before 2026-12-06).
- **Devices at once**: ${server.devices.count} Node clients, each posting its own ${int(server.devices.entries / server.devices.count)} new
  entries in batches of ${server.batch} at the same time against another fresh file; throughput over the wall
  time of all of them, and the slowest single request.
- **Sign-in memory**: the server as built for use, fresh SQLite file; ${signIn.attempts} sign-in attempts sent at once for
  emails with no account from ${signIn.addresses} loopback addresses, so the sign-in limits let through as
  many password checks as they ever would; peak resident memory is the server's \`VmHWM\` afterwards.
- **Export**: the server stopped, \`yoursay-server export\` (profile \`server\`) over all ${int(server.entries)} entries,
  wall time including process start; one row per answer. Peak memory is the process's maximum resident
  set size from \`/usr/bin/time -v\`.

Numbers on a shared, busy machine are noisy: compare runs on the same machine, and look at the spread of
the runs above before reading much into a difference of a few per cent.

<details><summary><code>scripts/bundle-size.sh</code> output</summary>

\`\`\`
${bundle.trim()}
\`\`\`

</details>
`;

writeFileSync(out, md);
console.log(md);
