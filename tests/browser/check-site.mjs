// Real-browser checks of a built dossier site.
//
//   node check-site.mjs SITE_DIR SHOTS_DIR
//
// Serves SITE_DIR on 127.0.0.1, drives Debian's headless Chromium with
// playwright-core: follows links from the home page to a briefing, a person,
// an event and an article, runs a search when the site has one, takes
// screenshots at desktop and phone widths, runs axe-core on each page, opens
// the site from disk (file://), and runs the Nu HTML checker over every
// page. Prints what it did; exits non-zero with the reasons on any failure.

import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile, readdir, stat, mkdir } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const [siteDir, shotsDir] = process.argv.slice(2).map((p) => path.resolve(p));
if (!siteDir || !shotsDir) {
  console.error("usage: node check-site.mjs SITE_DIR SHOTS_DIR");
  process.exit(2);
}
const failures = [];
const fail = (msg) => {
  failures.push(msg);
  console.log(`FAIL ${msg}`);
};

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".txt": "text/plain",
};

// A plain static server: what any static host does, nothing more.
const server = createServer(async (req, res) => {
  try {
    let rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(siteDir, rel);
    if (!file.startsWith(siteDir)) throw new Error("outside");
    if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/html" });
    res.end("<!DOCTYPE html><title>404</title><h1>Not found</h1>");
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const context = await browser.newContext();
const page = await context.newPage();
const external = [];
page.on("request", (r) => {
  const u = r.url();
  if (!u.startsWith(base) && !u.startsWith("file:") && !u.startsWith("data:")) external.push(u);
});
const consoleErrors = [];
page.on("pageerror", (e) => consoleErrors.push(String(e)));

const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
await mkdir(shotsDir, { recursive: true });

async function visit(url, name) {
  const resp = await page.goto(url);
  if (!resp || resp.status() !== 200) fail(`${name}: ${url} answered ${resp && resp.status()}`);
  const h1 = await page.locator("h1").count();
  if (h1 !== 1) fail(`${name}: ${url} has ${h1} <h1> elements`);
  for (const [w, h, tag] of [
    [1280, 900, "desktop"],
    [390, 844, "phone"],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: path.join(shotsDir, `${name}-${tag}.png`), fullPage: false });
    // Nothing may overflow the viewport horizontally on a phone.
    if (tag === "phone") {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 2) fail(`${name}: page is ${overflow}px wider than a phone screen`);
    }
  }
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document));
  for (const v of result.violations) {
    if (v.impact === "serious" || v.impact === "critical") {
      fail(`${name}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target})`);
    }
  }
  console.log(`ok   ${name}: ${page.url()} (axe: ${result.violations.length} minor findings)`);
}

// Follows the first link whose href matches `pattern` on the current page.
async function follow(pattern, name) {
  const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
  const target = hrefs.find((h) => pattern.test(h));
  if (!target) {
    fail(`${name}: no link matching ${pattern} on ${page.url()}`);
    return false;
  }
  await visit(target, name);
  return true;
}

await visit(base + "index.html", "home");
const homeLinks = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
if (homeLinks.some((h) => /\/briefings\/(?!index)[^/]+\.html$/.test(h))) {
  await follow(/\/briefings\/(?!index)[^/]+\.html$/, "briefing");
  await visit(base + "index.html", "home");
}
if (await follow(/\/people\/index\.html$/, "people-index")) await follow(/\/people\/(?!index)[^/]+\.html$/, "person");
await visit(base + "index.html", "home");
if (await follow(/\/events\/index\.html$/, "events-index")) await follow(/\/events\/(?!index)[^/]+\.html$/, "event");
await visit(base + "index.html", "home");
if (await follow(/\/articles\/index\.html$/, "articles-index")) await follow(/\/articles\/(?!index)[^/]+\.html$/, "article");
// A tag page, from the article's tags, where articles have tags.
{
  const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
  if (hrefs.some((h) => /\/tags\/(?!index)[^/]+\.html$/.test(h))) await follow(/\/tags\/(?!index)[^/]+\.html$/, "tag");
}
// The second page of a paginated list (a person's, where there is one),
// reached by its rel="next" link.
{
  const all = (await htmlFiles(siteDir)).map((f) => path.relative(siteDir, f).split(path.sep).join("/"));
  const firsts = all
    .filter((f) => all.includes(f.replace(/\.html$/, ".page-2.html")))
    .sort((a, b) => Number(b.startsWith("people/")) - Number(a.startsWith("people/")) || a.localeCompare(b));
  if (firsts.length) {
    await visit(base + firsts[0], "paginated-first");
    const next = await page.$$eval('nav[aria-label="Pages"] a[rel="next"]', (as) => as.map((a) => a.href));
    if (!next.length) fail(`paginated-first: ${firsts[0]} has no rel="next" link`);
    else await visit(next[0], "paginated-second");
  }
}

// Search, where the site has a search page: type a name, expect results.
try {
  await stat(path.join(siteDir, "search.html"));
  await visit(base + "search.html", "search");
  const query = process.env.SEARCH_QUERY ?? "Shoigu";
  await page.fill("input[type=search]", query);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-search-results] a", { timeout: 10000 });
  const hits = await page.$$eval("[data-search-results] a", (as) => as.map((a) => a.textContent));
  if (!hits.length) fail(`search: no results for ${query}`);
  else console.log(`ok   search: ${hits.length} results for ${query}`);
} catch (e) {
  if (e.code !== "ENOENT") fail(`search: ${e.message}`);
}

// The same site opened straight from disk.
await page.goto(pathToFileURL(path.join(siteDir, "index.html")).href);
const fileLinks = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
const personFromDisk = fileLinks.find((h) => /\/people\/index\.html$/.test(h));
if (!personFromDisk) fail("file://: no link to the people index");
else {
  await page.goto(personFromDisk);
  if ((await page.locator("h1").count()) !== 1) fail("file://: people index did not load from disk");
  else console.log("ok   file://: home and people index load from disk");
}

if (external.length) fail(`requests left the site: ${[...new Set(external)].slice(0, 5).join(", ")}`);
if (consoleErrors.length) fail(`script errors: ${consoleErrors.join("; ")}`);
await browser.close();
server.close();

// Nu HTML checker over every generated page.
async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (e.name.endsWith(".html")) out.push(p);
  }
  return out;
}
const pages = await htmlFiles(siteDir);
const vnu = spawnSync(
  "java",
  ["-jar", require.resolve("vnu-jar/build/dist/vnu.jar"), "--errors-only", "--format", "text", ...pages],
  { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
);
if (vnu.error) fail(`vnu: ${vnu.error.message}`);
else if (vnu.status !== 0) fail(`vnu reported errors:\n${(vnu.stderr + vnu.stdout).split("\n").slice(0, 40).join("\n")}`);
else console.log(`ok   vnu: ${pages.length} pages, no errors`);

if (failures.length) {
  console.log(`\n${failures.length} browser check(s) failed`);
  process.exit(1);
}
console.log("\nall browser checks passed");
