// Benchmark (not a test; run by scripts/bench.sh): how the young person's app feels on a slow phone.
//   node tests/e2e/bench/phone.mjs OUT.json
// Environment: BENCH_RUNS (first-screen runs, default 9: single warm runs spread by ±100 ms), BENCH_ENTRIES
// (offline saves, default 20),
// BENCH_QUEUE (entries waiting for the "save with a long queue" and "sync" rows, default 1000),
// YOURSAY_SERVER_BIN and YOURSAY_APP_DIR as for the end-to-end tests (see ../helpers.mjs).
//
// The slow phone: Chromium with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate) and a slow 3G-like
// network (CDP Network.emulateNetworkConditions: 400 kbit/s down, 400 kbit/s up, 400 ms added to each
// request). Times are read inside the page (performance.now(), whose zero is the navigation start), so
// Playwright's own polling does not count.
import { writeFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

// The server as built for use (profile `server`) unless told otherwise (helpers.mjs reads this when it is imported).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
process.env.YOURSAY_SERVER_BIN ||= join(ROOT, "target/server/yoursay-server");
const { freePort, scratch, startServer, stopServer, launchBrowser, appReady, expectWaiting, visitOnceOnline } = await import("../helpers.mjs");
const { publishSurvey, signedInOfficer } = await import("../officer-helpers.mjs");

const RUNS = Number(process.env.BENCH_RUNS || 9);
const ENTRIES = Number(process.env.BENCH_ENTRIES || 20);
const QUEUE = Number(process.env.BENCH_QUEUE || 1000);
export const PROFILE = {
  cpuRate: 4,
  downKbit: 400,
  upKbit: 400,
  latencyMs: 400,
};

// Runs in every document before the app: notes when `main h1` is first in the page with a box (laid out,
// so visible: the plain-HTML first screen of index.html, or the app's), when the app has taken over (its
// status strip is in the page, so every control answers), whether a service worker answered the navigation, and when "Send" was clicked and the
// "Thank you" heading appeared.
const PROBE = () => {
  window.__bench = {
    controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
    firstScreen: null,
    usable: null,
    clicked: null,
    thanked: null,
  };
  let told = false;
  const look = () => {
    const now = performance.now();
    if (window.__bench.usable === null && document.querySelector("[data-testid=status]")) window.__bench.usable = now;
    const h1 = document.querySelector("main h1");
    if (!h1) return;
    const box = h1.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    if (window.__bench.firstScreen === null) window.__bench.firstScreen = now;
    // Tells the bench through the console, which costs the page nothing, rather than the bench polling
    // the page: Playwright's waits inject a script and poll every animation frame, which on the slow
    // phone's CPU took 150-200 ms of the very main thread being timed.
    if (!told && window.__bench.usable !== null) {
      told = true;
      console.log("bench:first-screen");
    }
    if (window.__bench.clicked !== null && window.__bench.thanked === null && /Thank you/.test(h1.textContent)) {
      window.__bench.thanked = now;
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener(
    "click",
    (e) => {
      const button = e.target instanceof Element && e.target.closest("button[type=submit]");
      if (button && window.__bench.clicked === null) {
        window.__bench.clicked = performance.now();
        window.__bench.thanked = null;
      }
    },
    true,
  );
};

async function slowPhone(page, { network = true } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuRate });
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: PROFILE.latencyMs,
      downloadThroughput: (PROFILE.downKbit * 1000) / 8,
      uploadThroughput: (PROFILE.upKbit * 1000) / 8,
    });
  }
  return cdp;
}

async function newContext(browser) {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 360, height: 740 }, isMobile: false });
  await context.addInitScript(PROBE);
  return context;
}

/** Loads `url` and returns the probe's times once the page has said (on its console) that its first
 *  screen is drawn and the app has taken over. Nothing is evaluated in the page until then. */
async function firstScreen(page, url) {
  const told = page.waitForEvent("console", { predicate: (m) => m.text() === "bench:first-screen", timeout: 60_000 });
  await page.goto(url, { waitUntil: "commit" });
  await told;
  return page.evaluate(() => ({ ...window.__bench }));
}

/** Bytes that crossed the (emulated) network for the page's load (headers and bodies as sent). */
async function transferred(page) {
  return page.evaluate(() => {
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
    return entries.reduce((sum, e) => sum + (e.transferSize || 0), 0);
  });
}

const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};

/** Types a view on /say and times "Send" → "Thank you", ENTRIES times. */
async function timeSaves(page, port, label) {
  const saves = [];
  for (let i = 0; i < ENTRIES; i++) {
    await page.goto(`http://127.0.0.1:${port}/say`);
    await appReady(page);
    await page.getByLabel(/What do you want to tell us/).fill(`Benchmark view number ${i + 1} (${label}): the youth club is great`);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.waitForSelector("main h1:has-text('Thank you')", { timeout: 30_000 });
    await page.waitForFunction(() => window.__bench.thanked !== null, null, { timeout: 30_000 });
    const b = await page.evaluate(() => ({ ...window.__bench }));
    saves.push(b.thanked - b.clicked);
  }
  return saves;
}

/** Puts `n` waiting views straight into the device's outbox, as the app itself stores them. */
async function fillOutbox(page, n) {
  await page.evaluate(async (n) => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open("yoursay");
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const tx = db.transaction("outbox", "readwrite");
    const store = tx.objectStore("outbox");
    const now = Date.now();
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      const entry = { id, created_at: now - n + i, language: i % 2 ? "cy" : "en", kind: "view", text: `Queued view ${i + 1}` };
      store.put({ id, saved_at: now - n + i, state: "waiting", entry, errors: [] });
    }
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, n);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const bi = (en, cy) => ({ en, cy });
/** A survey of 30 questions, every kind in turn, as a long annual consultation might be. */
function longSurvey() {
  const kinds = ["faces", "easy3", "frequency", { single: [{ code: "yes", label: bi("Yes", "Ie") }, { code: "no", label: bi("No", "Na") }] },
    { multi: { choices: [{ code: "a", label: bi("Online", "Ar-lein") }, { code: "b", label: bi("Evening", "Gyda'r nos") }] } },
    { text: { max_chars: 500 } }];
  const questions = Array.from({ length: 30 }, (_, i) => ({
    code: `q${i + 1}`,
    kind: kinds[i % kinds.length],
    prompt: bi(`Question ${i + 1}: how are things going?`, `Cwestiwn ${i + 1}: sut mae pethau'n mynd?`),
  }));
  return { code: "bench_30", title: bi("Thirty questions", "Deg ar hugain o gwestiynau"), intro: bi("A long one.", "Un hir."), audience: "everyone", questions };
}

/** Publishes the long survey as the officer would (through the officer API). */
async function publishLongSurvey(browser, server, db) {
  const page = await signedInOfficer({ server, browser, db });
  await publishSurvey(page, server.url, longSurvey());
  await page.context().close();
}

async function main() {
  const out = process.argv[2];
  const port = await freePort();
  const { db } = scratch();
  let server = await startServer({ port, db });
  const browser = await launchBrowser();
  const result = { profile: PROFILE, runs: RUNS, entries: ENTRIES };
  try {
    // 1. First screen, cold (fresh context: empty caches, no service worker) then warm (a second visit in
    //    the same context, answered by the service worker).
    const cold = [];
    const warm = [];
    const coldUsable = [];
    const warmUsable = [];
    const coldBytes = [];
    let wasmEncoding = null;
    for (let i = 0; i < RUNS; i++) {
      const context = await newContext(browser);
      const page = await context.newPage();
      page.on("response", (r) => {
        if (r.url().endsWith(".wasm")) wasmEncoding = r.headers()["content-encoding"] || "identity";
      });
      await slowPhone(page);
      const c = await firstScreen(page, server.url + "/");
      if (c.controlled) throw new Error("cold load was answered by a service worker");
      cold.push(c.firstScreen);
      coldUsable.push(c.usable);
      coldBytes.push(await transferred(page));
      // Let the service worker install and take control before the second visit.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
      await page.close();

      const again = await context.newPage();
      await slowPhone(again);
      const w = await firstScreen(again, server.url + "/");
      if (!w.controlled) throw new Error("warm load was not answered by the service worker");
      warm.push(w.firstScreen);
      warmUsable.push(w.usable);
      await context.close();
      process.stderr.write(
        `  run ${i + 1}/${RUNS}: cold ${c.firstScreen.toFixed(0)}/${c.usable.toFixed(0)} ms, warm ${w.firstScreen.toFixed(0)}/${w.usable.toFixed(0)} ms\n`,
      );
    }
    result.firstScreen = {
      coldMs: cold,
      warmMs: warm,
      coldMedianMs: median(cold),
      warmMedianMs: median(warm),
      coldUsableMs: coldUsable,
      warmUsableMs: warmUsable,
      coldUsableMedianMs: median(coldUsable),
      warmUsableMedianMs: median(warmUsable),
      coldTransferBytes: median(coldBytes),
      wasmEncoding,
    };

    // 2. Saving an entry with the server gone: the first visit installs the service worker, then the
    //    server stops and each entry goes from "Send" to "Thank you" through IndexedDB alone.
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url + "/");
    await appReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    await expectWaiting(page, 0);
    await stopServer(server);
    server = null;
    // As issue 8 measured it: no CPU slowdown, so the outbox's own cost is not hidden behind rendering.
    const saves = await timeSaves(page, port, "empty outbox");
    await expectWaiting(page, ENTRIES, 30_000);
    result.offlineSave = { ms: saves, medianMs: median(saves), p95Ms: p95(saves), maxMs: Math.max(...saves) };
    process.stderr.write(`  offline save: median ${median(saves).toFixed(0)} ms, p95 ${p95(saves).toFixed(0)} ms over ${ENTRIES} entries\n`);

    // 3. The same with a long queue: QUEUE entries already waiting (written into the outbox as the app
    //    stores them), still offline.
    await fillOutbox(page, QUEUE - ENTRIES);
    await page.goto(`http://127.0.0.1:${port}/`);
    await appReady(page);
    await expectWaiting(page, QUEUE, 30_000);
    const queued = await timeSaves(page, port, "long queue");
    const total = QUEUE + ENTRIES;
    await expectWaiting(page, total, 30_000);
    result.queuedSave = { waiting: QUEUE, ms: queued, medianMs: median(queued), p95Ms: p95(queued), maxMs: Math.max(...queued) };
    process.stderr.write(`  offline save with ${QUEUE} waiting: p95 ${p95(queued).toFixed(0)} ms\n`);
    await page.close();

    // 4. Sync of everything waiting: a new page of the same device (no CPU slowdown) opens from the service
    //    worker while the server is still down; then the server comes back and "Send now" is clicked,
    //    timed from the click to the strip counting 0.
    const syncPage = await context.newPage();
    await syncPage.goto(`http://127.0.0.1:${port}/`);
    await appReady(syncPage);
    await expectWaiting(syncPage, total, 30_000);
    server = await startServer({ port, db });
    const sendNow = syncPage.getByRole("button", { name: "Send now" });
    await sendNow.waitFor();
    const started = await syncPage.evaluate(() => {
      window.__synced = null;
      const count = () => document.querySelector('[data-testid="status"]')?.dataset.waiting;
      new MutationObserver(() => {
        if (window.__synced === null && count() === "0") window.__synced = performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
      return performance.now();
    });
    await sendNow.click();
    await syncPage.waitForFunction(() => window.__synced !== null, null, { timeout: 120_000 });
    const synced = await syncPage.evaluate(() => window.__synced);
    result.sync = { entries: total, ms: synced - started };
    process.stderr.write(`  sync of ${total} waiting: ${(synced - started).toFixed(0)} ms\n`);
    await context.close();

    // 5. A 30-question survey opened with no signal on the slow phone's CPU: the device saw the surveys
    //    once online, the server goes away, then the survey's page opens from the service worker; timed to
    //    its introduction, and from "Start" to the first question.
    await publishLongSurvey(browser, server, db);
    const opened = [];
    const started30 = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await newContext(browser);
      const tablet = await ctx.newPage();
      await visitOnceOnline(tablet, server.url + "/surveys");
      await tablet.waitForSelector("text=Thirty questions");
      await stopServer(server);
      server = null;
      await slowPhone(tablet, { network: false });
      const b = await firstScreen(tablet, `http://127.0.0.1:${port}/surveys/bench_30`);
      if (!b.controlled) throw new Error("the survey was not opened by the service worker");
      await tablet.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Thirty questions");
      opened.push(await tablet.evaluate(() => performance.now()));
      const t0 = await tablet.evaluate(() => performance.now());
      await tablet.getByRole("button", { name: "Start" }).click();
      await tablet.waitForFunction(() => /^Question 1:/.test(document.querySelector("main h1")?.textContent ?? ""));
      started30.push((await tablet.evaluate(() => performance.now())) - t0);
      await ctx.close();
      server = await startServer({ port, db });
    }
    result.longSurvey = { questions: 30, openMs: opened, openMedianMs: median(opened), startMs: started30, startMedianMs: median(started30) };
    process.stderr.write(`  30-question survey offline: open ${median(opened).toFixed(0)} ms, first question ${median(started30).toFixed(0)} ms\n`);
  } finally {
    await browser.close();
    if (server) await stopServer(server);
  }
  const json = JSON.stringify(result, null, 2);
  if (out) writeFileSync(out, json + "\n");
  else console.log(json);
}

await main();
