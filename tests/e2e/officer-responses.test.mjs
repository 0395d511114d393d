// "You said, we did", end to end in the console: the officer writes a response, cannot publish it until
// the Welsh is there (the message beside the Welsh box), publishes it, adds a dated update and withdraws
// it; a device's feed (GET /api/v1/responses) follows each step. The response says which view it answers:
// the inbox shows "Answered by" there, and the feed never names the view. axe and no program text on the screen in
// both languages.
//
// Needs the console in dist/officer/ and the server binary (see scripts/build-console.sh).
import { test } from "node:test";
import { randomUUID } from "node:crypto";
import assert from "node:assert/strict";
import { expectNoCodeText, withServerAndBrowser, pushEntries } from "./helpers.mjs";
import { signedInOfficer, axeBothLanguages, openSection, switchLanguage } from "./officer-helpers.mjs";

async function feed(base, since = "") {
  const r = await fetch(`${base}/api/v1/responses${since ? `?since=${since}` : ""}`);
  assert.equal(r.status, 200);
  return r.json();
}

test("the officer publishes a response in both languages, updates it and withdraws it; devices follow", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async (env) => {
    const { server } = env;
    const page = await signedInOfficer(env);

    // A view the officer marks safe to quote in the inbox (distinct from hiding it).
    const view = { id: randomUUID(), created_at: Date.now() - 60_000, language: "en", kind: "view", text: "I want to see my social worker more" };
    await pushEntries(server.url, [view]);
    await page.reload();
    await page.getByRole("button", { name: "Safe to quote" }).click();
    await page.getByText("Marked safe to quote in a response.").waitFor();
    await axeBothLanguages(page, "inbox with a view safe to quote");

    await openSection(page, "You said, we did", "You said, we did");
    await page.getByText("No responses yet.").waitFor();

    await page.getByLabel("You said (English)").fill("You said you rarely see your social worker.");
    await page.getByLabel("We did, or will do (English)").fill("We are taking on two more social workers.");
    await page.getByLabel("Progress", { exact: true }).selectOption("doing_it");
    await page.locator("#response-promises").getByLabel("Support").check();
    await page.locator("#response-quote").selectOption({ label: "I want to see my social worker more" });
    await page.locator("#response-views").getByLabel("I want to see my social worker more").check();
    await page.getByRole("button", { name: "Publish" }).click();

    // Refused: both Welsh boxes are named, beside themselves; focus goes to the first.
    await page.locator("#response-you_said-cy-error").waitFor();
    assert.equal(await page.locator("#response-you_said-cy").getAttribute("aria-invalid"), "true");
    assert.equal(await page.locator("#response-we_did-cy").getAttribute("aria-invalid"), "true");
    await page.waitForFunction(() => document.activeElement?.id === "response-you_said-cy");
    assert.equal((await feed(server.url)).items.length, 0, "a draft never reaches devices");
    await expectNoCodeText(page);

    await page.getByLabel("You said (Welsh)").fill("Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol.");
    await page.getByLabel("We did, or will do (Welsh)").fill("Rydyn ni'n cyflogi dau weithiwr cymdeithasol arall.");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.locator('#responses-table td:has-text("Published")').waitFor();
    const first = await feed(server.url);
    assert.equal(first.items.length, 1);
    assert.deepEqual(first.items[0].promises, ["support"]);
    assert.equal(first.items[0].progress, "doing_it");
    assert.equal(first.items[0].quote, "I want to see my social worker more");
    assert.equal(first.items[0].you_said.cy, "Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol.");
    assert.ok(!JSON.stringify(first).includes(view.id), "the view it answers never reaches a device");
    assert.ok(await page.locator("#response-views").getByLabel("I want to see my social worker more").isChecked(), "kept as linked");

    // A dated update joins the timeline; the device gets the response again with it.
    await page.locator("#update-progress").selectOption("done");
    await page.getByLabel("What has happened (English)").fill("Both started in March.");
    await page.getByLabel("What has happened (Welsh)").fill("Dechreuodd y ddau ym mis Mawrth.");
    await page.getByRole("button", { name: "Add this update" }).click();
    await page.locator("section.timeline li").waitFor();
    assert.match(await page.locator("section.timeline").innerText(), /Done\s*\n*Both started in March\./);
    const next = await feed(server.url, first.cursor);
    assert.equal(next.items.length, 1);
    assert.equal(next.items[0].updates[0].text.en, "Both started in March.");
    assert.equal(next.items[0].progress, "done");
    await expectNoCodeText(page);
    await axeBothLanguages(page, "you said, we did (a published response with an update)");

    // The inbox says which response answers the view, in the officer's language.
    await openSection(page, "Inbox", "Inbox");
    const answered = page.locator("li.view-item p.answered-by");
    assert.equal(await answered.innerText(), "Answered by: You said you rarely see your social worker.");
    await axeBothLanguages(page, "inbox with a view a response answers");
    await switchLanguage(page, "cy");
    await page.getByText("Wedi'i hateb gan: Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol.").waitFor();
    await switchLanguage(page, "en");

    // Another view linked to the published response: saved without a correction, so devices hear nothing.
    const later = { id: randomUUID(), created_at: Date.now() - 30_000, language: "en", kind: "view", text: "Nobody told me who my new worker is" };
    await pushEntries(server.url, [later]);
    await openSection(page, "You said, we did", "You said, we did");
    await page.locator("#responses-table tbody tr").first().getByRole("button").click();
    await page.locator("#response-views").getByLabel(later.text).check();
    await page.getByRole("button", { name: "Save correction" }).click();
    await page.waitForFunction(() => /Response saved\./.test(document.querySelector(".status-line")?.textContent));
    const unchanged = await feed(server.url, next.cursor);
    assert.deepEqual([unchanged.items.length, unchanged.cursor], [0, next.cursor], "links are no change for devices");
    assert.ok(!JSON.stringify(await feed(server.url)).includes(later.id));

    // Fifty newer views: the two linked ones are no longer among the newest offered, yet each keeps a box,
    // ticked, which stays when unticked; unticking one and saving lets it go.
    const newer = Array.from({ length: 50 }, (_, i) => ({
      id: randomUUID(), created_at: Date.now() - 20_000 + i, language: "en", kind: "view", text: `Newer view ${i}`,
    }));
    await pushEntries(server.url, newer);
    const olderBox = (id) => page.locator("#response-views").getByLabel(`An older view, not among the newest 50 (${id.slice(0, 8)})`);
    const editFirst = async () => {
      // Through the inbox, so the editor is drawn afresh and asks for the newest views again.
      await openSection(page, "Inbox", "Inbox");
      await openSection(page, "You said, we did", "You said, we did");
      await page.locator("#responses-table tbody tr").first().getByRole("button").click();
      await page.locator("#response-views").getByLabel("Newer view 49").waitFor();
    };
    await editFirst();
    assert.ok(await olderBox(view.id).isChecked());
    assert.ok(await olderBox(later.id).isChecked());
    await olderBox(later.id).uncheck();
    assert.equal(await olderBox(later.id).isChecked(), false, "the box stays, unticked");
    await page.getByRole("button", { name: "Save correction" }).click();
    await page.waitForFunction(() => /Response saved\./.test(document.querySelector(".status-line")?.textContent));
    await editFirst();
    assert.ok(await olderBox(view.id).isChecked(), "still linked");
    assert.equal(await olderBox(later.id).count(), 0, "let go");

    // The printable list: both languages side by side, the update dated.
    await page.getByRole("link", { name: "Print the list" }).click();
    await page.waitForURL("**/officer/responses/print");
    const card = page.locator("article.response-card");
    await card.waitFor();
    assert.match(await card.locator('[lang="en"]').innerText(), /You said you rarely see your social worker\.[\s\S]*Done[\s\S]*Both started in March\./);
    assert.match(await card.locator('[lang="cy"]').innerText(), /Dywedaist ti mai anaml[\s\S]*Wedi'i wneud[\s\S]*Dechreuodd y ddau ym mis Mawrth\./);
    await expectNoCodeText(page);
    await axeBothLanguages(page, "printable list of responses");
    await page.getByRole("link", { name: "Back to You said, we did" }).click();
    await page.locator('#responses-table td:has-text("Published")').waitFor();
    await page.locator("#responses-table tbody tr").first().getByRole("button").click();
    await page.getByRole("button", { name: "Withdraw" }).waitFor();

    await page.getByRole("button", { name: "Withdraw" }).click();
    await page.locator('#responses-table td:has-text("Withdrawn")').waitFor();
    const after = await feed(server.url, next.cursor);
    assert.deepEqual(after.withdrawn, [first.items[0].id]);
    assert.equal(after.items.length, 0);
  });
});
