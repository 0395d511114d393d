// Shared helpers for the end-to-end tests: a real server process on a loopback port, a real SQLite file,
// real headless Chromium. Nothing is mocked.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer } from "node:net";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SERVER_BIN = process.env.YOURSAY_SERVER_BIN || join(ROOT, "target/debug/yoursay-server");
export const APP_DIR = process.env.YOURSAY_APP_DIR || join(ROOT, "dist");

export async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on("error", fail);
  });
}

/** A fresh folder with a database path in it, for one test. */
export function scratch() {
  const dir = mkdtempSync(join(tmpdir(), "yoursay-e2e-"));
  return { dir, db: join(dir, "yoursay.sqlite3") };
}

/** Starts the real server binary and waits until it answers; it serves the build in `appDir` (`dist/`). */
export async function startServer({ port, db, extraArgs = [], appDir = APP_DIR }) {
  const proc = spawn(
    SERVER_BIN,
    ["serve", "--bind", `127.0.0.1:${port}`, "--database-url", `sqlite://${db}?mode=rwc`, "--app-dir", appDir, ...extraArgs],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RUST_LOG: process.env.RUST_LOG || "warn" } },
  );
  let output = "";
  proc.stdout.on("data", (d) => (output += d));
  proc.stderr.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const r = await fetch(`${url}/api/v1/catalogue`);
      if (r.ok) return { proc, url, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill("SIGKILL");
  throw new Error(`server did not start: ${output}`);
}

export async function stopServer(server) {
  if (!server || server.proc.exitCode !== null) return;
  const exited = new Promise((r) => server.proc.once("exit", r));
  server.proc.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (server.proc.exitCode === null) server.proc.kill("SIGKILL");
}

/** Runs SQL against a SQLite file with the sqlite3 command-line shell; rows as arrays of strings. */
export function sql(db, query) {
  const out = execFileSync("sqlite3", ["-readonly", "-separator", "\t", db, query], { encoding: "utf8" });
  return out.split("\n").filter(Boolean).map((line) => line.split("\t"));
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Waits until the status strip shows `n` entries waiting (its live region carries the count it says). */
export async function expectWaiting(page, n, timeout = 10_000) {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="status"]')?.dataset.waiting === String(want),
    n,
    { timeout },
  );
}

/** The app has started when its main heading is on screen. */
export async function appReady(page) {
  await page.waitForSelector("main h1", { timeout: 15_000 });
}

/**
 * Waits for focus to reach the element with this id. The app moves focus in the next animation frame after
 * it draws (so the element exists first), so an immediate read can race it; a wrong place still fails,
 * naming where focus is.
 */
export async function focusLandsOn(page, id, message = "focus") {
  try {
    await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 });
  } catch {
    const at = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    assert.equal(at, id, message);
  }
}

/**
 * Fails when the page's visible text holds program text: a `view!` attribute the macro misread, or a
 * value that never arrived. Run it on every screen, in both languages.
 */
export async function expectNoCodeText(page) {
  const text = await page.evaluate(() => document.body.innerText);
  for (const fragment of ["move |", "=>", "undefined", "NaN", "{"]) {
    assert.ok(!text.includes(fragment), `visible text contains ${JSON.stringify(fragment)}: ${text.slice(0, 300)}`);
  }
}

/** Runs axe-core in the page; returns violations (WCAG 2.0/2.1/2.2 A and AA rules). */
export async function axe(page) {
  if (!(await page.evaluate(() => "axe" in window))) {
    const source = readFileSync(join(ROOT, "tests/e2e/node_modules/axe-core/axe.min.js"), "utf8");
    await page.addScriptTag({ content: source });
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  });
}

/**
 * axe with the page's real Content Security Policy kept: axe-core goes in through the debugger, not a
 * script tag (the surveys page must start under the policy). Fails on any violation or program text shown.
 */
export async function axeUnderCsp(page, screen) {
  await expectNoCodeText(page);
  await page.evaluate(readFileSync(join(ROOT, "tests/e2e/node_modules/axe-core/axe.min.js"), "utf8"));
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe on ${screen}: ${JSON.stringify(violations, null, 1)}`);
}

/** The text of every sheet of an XLSX file (a zip of XML parts), read with Python's zipfile. */
export function xlsxText(bytes) {
  const file = join(scratch().dir, "export.xlsx");
  writeFileSync(file, bytes);
  const read = "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(''.join(z.read(n).decode() for n in z.namelist() if n.startswith('xl/')))";
  return execFileSync("python3", ["-c", read, file], { encoding: "utf8" });
}

/** First visit, online: the service worker installs, caches the app and takes charge of the page. */
export async function visitOnceOnline(page, url) {
  await page.goto(url);
  await appReady(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

/** A young person says something on /say and is thanked. */
export async function saySomething(page, base, text) {
  await page.goto(base + "/say");
  await page.getByLabel(/What do you want to tell us/).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.waitForURL("**/thanks");
  await page.waitForSelector("main h1:has-text('Thank you')");
}

/** A fresh server (own port, own SQLite file) and a fresh headless Chromium: `{ server, browser, base, db }`. */
export async function startServerAndBrowser() {
  const port = await freePort();
  const { db } = scratch();
  const server = await startServer({ port, db });
  return { server, browser: await launchBrowser(), base: server.url, db };
}

/** Closes what startServerAndBrowser started (either may be missing when starting failed). */
export async function closeServerAndBrowser({ server, browser }) {
  await browser?.close();
  await stopServer(server);
}

/** Runs `body(page, context)` on a new page of a fresh browser context made with `options`; always closes it. */
export async function withPage(browser, options, body) {
  const context = await browser.newContext(options);
  try {
    return await body(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/**
 * Runs `body({ server, browser, base, db })` against a fresh server (own port, own SQLite file) and a fresh
 * headless Chromium, and always closes both.
 */
export async function withServerAndBrowser(body) {
  const started = await startServerAndBrowser();
  try {
    return await body(started);
  } finally {
    await closeServerAndBrowser(started);
  }
}

/**
 * Runs `body({ browser, db, base, network })` with a headless Chromium and a server that goes away and
 * comes back (no signal, then signal) on one port and one SQLite file, so `base` stays the same:
 * `network.down()` stops it, `network.up({ appDir })` starts it again, serving `appDir` (`dist/`) — a next
 * release when told. Always closes both.
 */
export async function withServerComingAndGoing(body) {
  const port = await freePort();
  const { db } = scratch();
  let server = await startServer({ port, db });
  const network = {
    down: () => stopServer(server),
    up: async (options = {}) => (server = await startServer({ port, db, ...options })),
    server: () => server,
  };
  const browser = await launchBrowser();
  try {
    return await body({ browser, db, base: server.url, network });
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

/** Sends entries as a device does (the device API needs no sign-in); answers each entry's status. */
export async function pushEntries(base, entries) {
  const r = await fetch(`${base}/api/v1/entries`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ entries }),
  });
  assert.equal(r.status, 200);
  const body = await r.json();
  return body.results.map((x) => x.status);
}

/** Sends entries as a device does, each of which must be accepted. */
export async function pushAccepted(base, entries) {
  assert.deepEqual(await pushEntries(base, entries), entries.map(() => "accepted"));
}
