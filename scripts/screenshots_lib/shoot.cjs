// Take screenshots of a Home Assistant dashboard in headless Chromium (Playwright).
//
//   NODE_PATH=<dir with node_modules/playwright-core> node shoot.cjs URL TOKENS_JSON OUT_DIR
//
// TOKENS_JSON holds the tokens in the form Home Assistant's frontend keeps them in
// localStorage ("hassTokens"); they are put there before the page loads, so the frontend
// starts logged in. Writes OUT_DIR/dashboard.png (desktop) and dashboard_mobile.png.
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
// What this machine's Chromium needs; Playwright adds --headless and the user data dir.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const SHOTS = [
  { file: "dashboard.png", viewport: { width: 1440, height: 1000 }, scale: 1 },
  { file: "dashboard_mobile.png", viewport: { width: 412, height: 915 }, scale: 2, mobile: true },
];

// Cards that must have rendered (inside the shadow DOM; Playwright's CSS pierces it).
const READY = [
  "mtor-balance-card .scale-status",
  "hui-tile-card",
  "hui-history-graph-card",
  "hui-statistics-graph-card ha-chart-base",
];

async function shoot(url, tokens, outDir, shot) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mtor-balance-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: shot.viewport,
    deviceScaleFactor: shot.scale,
    isMobile: Boolean(shot.mobile),
    hasTouch: Boolean(shot.mobile),
    locale: "en-GB",
    timezoneId: "Europe/Stockholm",
    colorScheme: "light",
  });
  try {
    await context.addInitScript((hassTokens) => {
      window.localStorage.setItem("hassTokens", hassTokens);
    }, JSON.stringify(tokens));
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(60000);
    // The page's own errors, to see why a card did not render.
    page.on("pageerror", (error) => console.error(`shoot: page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") {
        console.error(`shoot: console error: ${message.text()}`);
      }
    });
    await page.goto(url, { waitUntil: "networkidle" });
    for (const selector of READY) {
      try {
        await page.locator(selector).first().waitFor({ state: "visible" });
      } catch (error) {
        // What the page showed instead, to see why (not committed: docs/images is for docs).
        const failed = path.join(os.tmpdir(), `mtor-balance-failed-${shot.file}`);
        await page.screenshot({ path: failed, fullPage: true });
        console.error(`shoot: ${selector} did not render; the page is in ${failed}`);
        throw error;
      }
    }
    // Charts animate in and the statistics load after the cards: give them a moment.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(3000);
    const file = path.join(outDir, shot.file);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`shoot: wrote ${file}`);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function main() {
  const [url, tokensFile, outDir] = process.argv.slice(2);
  const tokens = JSON.parse(fs.readFileSync(tokensFile, "utf8"));
  for (const shot of SHOTS) {
    await shoot(url, tokens, outDir, shot);
  }
}

main().catch((error) => {
  console.error(`shoot: ${error.stack || error}`);
  process.exit(1);
});
