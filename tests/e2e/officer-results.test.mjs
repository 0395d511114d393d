// The officer's results page, end to end: every promise in one diverging bar chart (most good first)
// with the same numbers in a table, the promises nobody rated in one line, the age band filter, and last
// month compared with the month before (the change in words with arrows, only where both months' counts
// are shown). axe in English and in Welsh.
//
// Needs the console in dist/officer/ and the server binary (see scripts/build-console.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { withServerAndBrowser, pushAccepted } from "./helpers.mjs";
import { signedInOfficer, axeBothLanguages, openSection, switchLanguage } from "./officer-helpers.mjs";

const push = pushAccepted;

/** `times` ratings of one promise for a social worker, made on `day` (ms). */
const ratings = (promise, answer, times, day, age_band) =>
  Array.from({ length: times }, () => ({
    id: randomUUID(),
    created_at: day,
    language: "en",
    kind: "rating",
    service: "social_worker",
    role: "young_person",
    age_band,
    answers: [{ promise, answer }],
  }));

const iso = (d) => d.toISOString().slice(0, 10);

test("results: one chart for all promises with its table, the unanswered in one line, the age filter and last month against the month before", { timeout: 240_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    // Last whole month and the one before it (UTC), each entry on the 15th at noon.
    const now = new Date();
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
    const lastMonth = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 15, 12);
    const monthBefore = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - 1, 15, 12);
    await push(server.url, [
      // Last month: equality 12 of 18 good (66.7%), support 5 of 10 (50%).
      ...ratings("equality", 5, 6, lastMonth, "16_18"),
      ...ratings("equality", 4, 6, lastMonth, "16_18"),
      ...ratings("equality", 2, 6, lastMonth, "16_18"),
      ...ratings("support", 5, 5, lastMonth, "11_15"),
      ...ratings("support", 1, 5, lastMonth, "11_15"),
      // The month before: equality 5 of 10 (50%); support not rated, so nothing to compare it with.
      ...ratings("equality", 5, 5, monthBefore, "16_18"),
      ...ratings("equality", 1, 5, monthBefore, "16_18"),
    ]);
    const page = await signedInOfficer({ server, browser, db });

    await openSection(page, "Results", "Results");
    await page.waitForSelector("#promises-chart");
    assert.equal(await page.locator("#promises-chart").count(), 1, "one chart for all promises");
    const chartRows = await page.locator("#promises-chart g.row").evaluateAll((gs) => gs.map((g) => g.dataset.code));
    assert.deepEqual(chartRows, ["equality", "support"], "most good first; the unanswered are not in the chart");
    assert.equal(await page.locator('#promises-chart g[data-code="equality"] rect').count(), 4, "all but OK");
    assert.match(await page.locator('#promises-chart g[data-code="equality"]').textContent(), /60\.7%/);
    // The accessible table: a caption, a header per column and per row, the same numbers.
    const table = page.locator("#promises-table");
    assert.match(await table.locator("caption").innerText(), /Answers for each promise, by score/);
    assert.equal(await table.locator('tbody th[scope="row"]').count(), 2);
    assert.equal(await table.locator('thead th[scope="col"]').count(), 9);
    const equality = table.locator('tr[data-code="equality"]');
    assert.deepEqual(
      (await equality.locator("td").allInnerTexts()).map((t) => t.trim()),
      ["5", "6", "0", "6", "11", "0", "28", "60.7%"],
      "both months before a period is chosen",
    );
    assert.match(await page.locator("#promises-none").innerText(), /^No answers yet: (.+, ){8}.+$/, "nine promises in one line");
    assert.equal(await page.locator("article.chart-card").count(), 0, "no cards");
    await axeBothLanguages(page, "results, one chart");

    // Last month, compared with the month before.
    await page.locator("#results-filters-from").fill(iso(first));
    await page.locator("#results-filters-to").fill(iso(last));
    await page.getByLabel("Compare with the previous period").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForSelector("#results-previous");
    assert.match(await page.locator("#results-period").innerText(), /^From 1 \w+ \d{4} to \d+ \w+ \d{4}$/);
    assert.match(await page.locator("#results-previous").innerText(), /^Compared with the previous period, 1 \w+ \d{4} to/);
    const change = (code) => table.locator(`tr[data-code="${code}"] td.change`).innerText();
    await page.waitForFunction(() => document.querySelector('#promises-table tr[data-code="equality"] td.change'));
    assert.equal(await change("equality"), "▲ up 16.7 points");
    assert.equal(await change("support"), "no comparison (too few answers)");
    assert.equal(await table.locator('tr[data-code="support"] td.then').innerText(), "no answers");
    assert.match(await page.locator('#promises-chart g[data-code="equality"]').textContent(), /66\.7% · ▲ up 16\.7 points/);
    assert.equal(await table.locator('thead th[scope="col"]').count(), 11, "then and change columns");
    await axeBothLanguages(page, "results, compared with the previous period");
    await switchLanguage(page, "cy");
    await page.waitForFunction(() => document.querySelector("#promises-none")?.innerText.startsWith("Dim atebion eto:"));
    assert.equal(await change("equality"), "▲ i fyny 16.7 pwynt");
    assert.match(await page.locator("#results-previous").innerText(), /^O'i gymharu â'r cyfnod blaenorol, 1 /);
    assert.match(await table.locator("caption").innerText(), /Atebion ar gyfer pob addewid/);
    await switchLanguage(page, "en");

    // By age: only the 16 to 18s, who rated equality alone.
    await page.locator("#results-filters-age_band").selectOption("16_18");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForFunction(() => /Support/.test(document.querySelector("#promises-none")?.innerText ?? ""));
    assert.deepEqual(await page.locator("#promises-chart g.row").evaluateAll((gs) => gs.map((g) => g.dataset.code)), ["equality"]);
    assert.equal(await change("equality"), "▲ up 16.7 points");
    await axeBothLanguages(page, "results by age band");
  });
});
