// Screenshots of the four Camunda web apps (Welcome, Tasklist, Cockpit, Admin) as a zh-CN browser shows them,
// with checks of what a Chinese user must see: the pages in Chinese, no "migrate to Camunda 8" banner, and on
// Cockpit's dashboard the 合同看板 (scripts/bpo-cockpit.js) with its figures and contracts. Run against a started
// default application (demo users), ideally after tasklist-walkthrough.mjs so the board has contracts:
//   npm install && node webapp-screenshots.mjs [http://localhost:8080] [out-dir]
// Writes <out-dir>/{welcome,tasklist,cockpit,cockpit-board,admin}.png (default: screenshots/); exits non-zero when a check
// fails. Needs Chromium at /usr/bin/chromium (Debian package "chromium"; "fonts-noto-cjk" for the screenshots).
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] || 'http://localhost:8080';
const out = process.argv[3] || 'screenshots';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
const page = await context.newPage();
const problems = [];
const ENGLISH_WORDS = ['Processes', 'Decisions', 'Deployments', 'Batches', 'Dashboard', 'Tasks', 'Filters',
  'Users', 'Groups', 'Tenants', 'Authorizations', 'System', 'Log out', 'Start process', 'Create task'];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) problems.push(what);
};

// one login for all four apps (the same session)
await page.goto(`${base}/camunda/app/welcome/default/`);
await page.fill('input[ng-model="username"]', process.env.BPO_E2E_USER || 'admin');
await page.fill('input[type=password]', process.env.BPO_E2E_PASSWORD || 'demo');
await page.keyboard.press('Enter');
await page.waitForSelector('text=个人资料', { timeout: 30000 });

const apps = [
  ['welcome', '/camunda/app/welcome/default/', '个人资料'],
  ['tasklist', '/camunda/app/tasklist/default/', '全部任务'],
  ['cockpit', '/camunda/app/cockpit/default/#/dashboard', '合同看板'],
  ['admin', '/camunda/app/admin/default/#/', '用户'],
];
for (const [name, path, marker] of apps) {
  await page.goto(base + path);
  const shown = await page.waitForSelector(`text=${marker}`, { timeout: 30000 }).then(() => true, () => false);
  check(shown, `${name}: shows 「${marker}」`);
  await page.waitForLoadState('networkidle').catch(() => {});
  const banner = await page.locator('.ce-eol-banner:visible').count();
  check(banner === 0, `${name}: no Camunda 8 migration banner`);
  // Chinese text on the page, and none of the English navigation words the untranslated apps show
  const text = await page.evaluate(() => document.body.innerText);
  const chinese = (text.match(/[\u4e00-\u9fff]/g) || []).length;
  const english = ENGLISH_WORDS.filter((word) => new RegExp(`(^|\\s)${word}(\\s|$)`).test(text));
  check(chinese > 20 && english.length === 0,
    `${name}: Chinese page (${chinese} Chinese characters${english.length ? '; English: ' + english.join(', ') : ''})`);
  if (name === 'cockpit') {
    check(await page.locator('.bpo-board-figures').count() === 1, 'cockpit: the board shows the figures (manager)');
    check(await page.locator('.bpo-board-stages .btn').count() === 7, 'cockpit: the board counts seven stages');
    check(await page.locator('.bpo-board-table').count() === 1, 'cockpit: the board lists the open contracts');
    // the board alone (Cockpit scrolls inside its own container, so a full-page shot would cut it)
    await page.locator('.bpo-board').screenshot({ path: `${out}/cockpit-board.png` });
    console.log(`     ${out}/cockpit-board.png`);
  }
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`     ${out}/${name}.png`);
}
await browser.close();
if (problems.length) {
  console.error(`${problems.length} check(s) failed`);
  process.exit(1);
}
