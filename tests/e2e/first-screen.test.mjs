// The home screen is in index.html as plain HTML (scripts/first-screen.py), so a phone on one bar of signal
// sees it and can use its links before the wasm arrives: in the device's language, with no flash of the
// other, and the app takes it over in the same place with the same words. Issue 8.
//
// Needs dist/ (scripts/build-app.sh) and the server binary (cargo build -p yoursay-server).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { appReady, axeUnderCsp, expectNoCodeText, ROOT, visitOnceOnline, withPage, withServerAndBrowser } from "./helpers.mjs";

/** What the screen shows and where: the words of header and main, and the boxes of what can be tapped. */
async function layout(page) {
  return page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
    };
    return {
      lang: document.documentElement.lang,
      header: document.querySelector("header").innerText,
      main: document.querySelector("main").innerText,
      heading: box(document.querySelector("main h1")),
      links: [...document.querySelectorAll("main a")].map((a) => [a.getAttribute("href"), box(a)]),
      footer: document.querySelector("nav.site-footer").innerText,
    };
  });
}

/** `page` with no wasm: the screen as a phone sees it while the app is still downloading. */
async function withoutWasm(page) {
  await page.route("**/*.wasm", (route) => route.abort());
}

/** `page` with nothing but its pages: the stylesheet and the glue are in the page itself
 *  (scripts/inline-first-load.py), so the first screen needs no second round trip to be drawn as the app
 *  draws it. */
async function withOnlyThePages(page) {
  await page.route("**/*", (route) => (route.request().resourceType() === "document" ? route.continue() : route.abort()));
}

const title = (lang) => JSON.parse(readFileSync(join(ROOT, "i18n", lang, "app.json"), "utf8"))["home.title"];
const HOME = { en: title("en"), cy: title("cy") };

test("the home screen is there before the wasm, from the page alone, in the device's language, and the app takes over in the same place", { timeout: 120_000 }, async () => {
  await withServerAndBrowser(async ({ browser, base }) => {
    for (const lang of ["en", "cy"]) {
      const options = { locale: lang === "cy" ? "cy-GB" : "en-GB", viewport: { width: 360, height: 640 } };
      const before = await withPage(browser, options, async (page) => {
        await withOnlyThePages(page);
        await page.goto(base + "/");
        await page.waitForSelector("main h1");
        const seen = await layout(page);
        assert.equal(seen.lang, lang, "the device's language, from the browser when nothing was chosen");
        assert.match(seen.main, new RegExp(HOME[lang]));
        assert.equal(await page.locator("main").count(), 1, "one language only");
        await expectNoCodeText(page);
        await axeUnderCsp(page, `first screen before the app (${lang})`);
        // Its links work with no app: a page load.
        await page.locator("a.choice-say").click();
        await page.waitForURL("**/say");
        assert.equal(await page.locator("main").count(), 0, "the home screen is the home screen's only");
        return seen;
      });
      const after = await withPage(browser, options, async (page) => {
        await page.goto(base + "/");
        await appReady(page);
        await page.waitForSelector("[data-testid=status]");
        assert.equal(await page.locator("main").count(), 1, "the app's screen replaced the first one");
        return layout(page);
      });
      assert.deepEqual(after, before, `the app draws the same screen in the same place (${lang})`);
    }
  });
});

test("the first screen's language link works before the app, and the choice is the app's", { timeout: 60_000 }, async () => {
  await withServerAndBrowser(async ({ browser, base }) => {
    // No service worker: it would fetch the wasm where the blocked route cannot see it.
    await withPage(browser, { locale: "en-GB", serviceWorkers: "block" }, async (page) => {
      await withoutWasm(page);
      await page.goto(base + "/");
      await page.getByRole("link", { name: "Cymraeg" }).click();
      await page.waitForFunction((h) => document.querySelector("main h1")?.textContent === h, HOME.cy);
      assert.equal(new URL(page.url()).search, "", "the link's ?lang= is taken out of the address");
      await page.unroute("**/*.wasm");
      await page.reload();
      await appReady(page);
      await page.waitForSelector("[data-testid=status]");
      assert.equal(await page.locator("main h1").innerText(), HOME.cy, "the app keeps the language chosen");
      await page.locator("header .lang-switch").click();
      await page.waitForFunction((h) => document.querySelector("main h1")?.textContent === h, HOME.en);
      await page.route("**/*.wasm", (route) => route.abort());
      await page.reload();
      await page.waitForSelector("main h1");
      assert.equal(await page.locator("main h1").innerText(), HOME.en, "and the first screen follows the app's choice");
    });
  });
});

test("a page the service worker answers has no plain-HTML screen first: the app draws the home screen itself", { timeout: 60_000 }, async () => {
  await withServerAndBrowser(async ({ browser, base }) => {
    await withPage(browser, { locale: "en-GB" }, async (page, context) => {
      // Notes whether a `main h1` was ever in the page before the app's status strip: the plain screen.
      await context.addInitScript(() => {
        window.__plainFirst = false;
        new MutationObserver(() => {
          if (document.querySelector("main h1") && !document.querySelector("[data-testid=status]")) window.__plainFirst = true;
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(base + "/");
      await page.waitForSelector("[data-testid=status]");
      assert.equal(await page.evaluate(() => window.__plainFirst), true, "with no service worker yet, the plain screen comes first");
      const again = await context.newPage();
      await visitOnceOnline(again, base + "/");
      await again.waitForSelector("[data-testid=status]");
      assert.equal(await again.evaluate(() => !!navigator.serviceWorker.controller), true, "answered by the service worker");
      assert.equal(await again.evaluate(() => window.__plainFirst), false, "the app's screen is the first one");
      assert.equal(await again.locator("main h1").innerText(), HOME.en);
      assert.equal(await again.locator("main").count(), 1);
    });
  });
});
