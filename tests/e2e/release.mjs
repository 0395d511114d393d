// The next release of the app, made from the one built in dist/ without a second build: a copy whose
// service worker has a new version (so a new cache, as every real release gets) and whose pages and one
// document carry a marker saying which release they are. Changed files get fresh .br/.gz siblings, since
// the server sends those when the browser accepts them (server/src/routes/app_files.rs).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { APP_DIR } from "./helpers.mjs";

/** The document whose first heading says which release wrote it. */
export const MARKED_DOCUMENT = "/docs/en/privacy-young.json";

/** Makes release `name` in a fresh folder from dist/ and answers the folder. */
export function nextRelease(name) {
  const dir = mkdtempSync(join(tmpdir(), `yoursay-release-${name}-`));
  cpSync(APP_DIR, dir, { recursive: true });
  const rewrite = (file, change) => {
    const path = join(dir, file);
    const before = readFileSync(path, "utf8");
    const after = change(before);
    if (after === before) throw new Error(`release ${name}: ${file} did not change`);
    writeFileSync(path, after);
    writeFileSync(`${path}.br`, brotliCompressSync(after));
    writeFileSync(`${path}.gz`, gzipSync(after, { level: 9 }));
  };
  rewrite("sw.js", (s) => s.replace(/const VERSION = "([^"]+)"/, (_, v) => `const VERSION = "${v}-${name}"`));
  for (const page of ["index.html", "surveys/index.html"]) {
    rewrite(page, (s) => s.replace("<meta charset=utf-8>", `<meta charset=utf-8><meta name=yoursay-release content=${name}>`));
  }
  rewrite(MARKED_DOCUMENT, (s) => {
    const doc = JSON.parse(s);
    doc.sections[0].heading += ` (release ${name})`;
    return JSON.stringify(doc, null, 1);
  });
  return dir;
}

/** The release the page was loaded from: its marker, or "1" for dist/ itself. */
export async function releaseOf(page) {
  return page.evaluate(() => document.querySelector('meta[name="yoursay-release"]')?.content ?? "1");
}

/** The names of the caches the origin holds, sorted. */
export async function cacheNames(page) {
  return page.evaluate(async () => (await caches.keys()).sort());
}

/** The service worker version written into sw.js of the build in `dir`. */
export function workerVersion(dir) {
  return readFileSync(join(dir, "sw.js"), "utf8").match(/const VERSION = "([^"]+)"/)[1];
}
