// Cost of the locator collector's hook alone — the part self-time cannot see: with `pw:api`
// enabled, Playwright formats every progress line of every call. Blocks of locator actions run
// alternately with the hook installed and not, in one browser page (paired blocks, medians).
// Run: `node --import tsx bench/collectors-locators.ts [blocks]` (default 20 blocks × 20 clicks).
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../src/browser/resolve-chromium';
import { ActionLogHook } from '../src/collectors/action-log-hook';
import { ActionLogSegmenter } from '../src/collectors/action-log-segmenter';

const BLOCKS = Number(process.argv[2] ?? 20);
const PER_BLOCK = 20;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main(): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage();
  await page.setContent('<button id="b" onclick="window.n=(window.n||0)+1">b</button><input id="i">');
  const hook = new ActionLogHook();
  const seg = new ActionLogSegmenter();
  const block = async () => {
    const t = performance.now();
    for (let i = 0; i < PER_BLOCK; i++) {
      await page.locator('#b').click();
      await page.locator('#i').fill('x' + i);
    }
    return (performance.now() - t) / (PER_BLOCK * 2);
  };
  await block(); // warm-up
  const on: number[] = [];
  const off: number[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    // Alternate which side goes first so drift hits both alike.
    for (const side of b % 2 ? ['on', 'off'] : ['off', 'on']) {
      if (side === 'on') {
        hook.install();
        hook.setListener((t, msg) => seg.push({ t, msg }));
        on.push(await block());
        seg.take();
        hook.uninstall();
      } else {
        off.push(await block());
      }
    }
  }
  await browser.close();
  const ratios = on.map((x, i) => x / off[i]);
  console.log(`locator hook: ${BLOCKS} paired blocks × ${PER_BLOCK * 2} actions (click + fill)`);
  console.log(`  per action, hook off: ${median(off).toFixed(2)} ms   hook on: ${median(on).toFixed(2)} ms`);
  console.log(
    `  median paired ratio on/off: ${median(ratios).toFixed(3)}   added per action: ${(median(on.map((x, i) => x - off[i]))).toFixed(2)} ms`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
