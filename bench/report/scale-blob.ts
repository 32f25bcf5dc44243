// Makes a k-times bigger blob from a real one, for the 100,000-test figures (running 100,000 real
// tests takes most of an hour on a 2-core machine): every test, result and step event is repeated k
// times with distinct file paths (`c<i>/…`), test ids and result ids; config, project and the end
// event stay as recorded. Playwright's merge-reports replays it like any blob.
//
//   node --import tsx bench/report/scale-blob.ts <blob dir with report.zip> <k> <out dir>
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

interface Entry {
  testId?: string;
  location?: { file: string };
  entries?: Entry[];
  title?: string;
}

function copyEntries(list: Entry[], k: number): Entry[] {
  return list.map((e) => ({
    ...e,
    ...(e.testId ? { testId: `${e.testId}-c${k}` } : {}),
    ...(e.location ? { location: { ...e.location, file: `c${k}/${e.location.file}` } } : {}),
    ...(e.entries ? { entries: copyEntries(e.entries, k) } : {}),
    ...(e.title && e.entries ? { title: `c${k}/${e.title}` } : {}),
  }));
}

export function scaleBlob(blobDir: string, k: number, outDir: string): void {
  const zip = readdirSync(blobDir).find((f) => f.endsWith('.zip'));
  if (!zip) throw new Error(`no .zip blob in ${blobDir}`);
  const work = mkdtempSync(join(tmpdir(), 'pp-scale-blob-'));
  try {
    execFileSync('unzip', ['-q', '-o', join(blobDir, zip), '-d', work]);
    const lines = readFileSync(join(work, 'report.jsonl'), 'utf8').split('\n').filter(Boolean);
    const out: string[] = [];
    const perTest: string[] = [];
    let end = '';
    for (const line of lines) {
      const ev = JSON.parse(line) as { method: string; params?: { project?: { suites: Entry[] } } };
      if (ev.method === 'onProject') {
        const suites = ev.params!.project!.suites;
        ev.params!.project!.suites = Array.from({ length: k }, (_, i) => copyEntries(suites, i)).flat();
        out.push(JSON.stringify(ev));
      } else if (/^on(Test|Step)/.test(ev.method) || ev.method === 'onStdOut' || ev.method === 'onStdErr') {
        perTest.push(line);
      } else if (ev.method === 'onEnd') {
        end = line;
      } else {
        out.push(line);
      }
    }
    for (let i = 0; i < k; i++) {
      for (const line of perTest) {
        out.push(
          line
            .replace(/"testId":"([^"]+)"/g, `"testId":"$1-c${i}"`)
            .replace(/"(resultId|id)":"([0-9a-f]{32})"/g, `"$1":"$2c${i}"`),
        );
      }
    }
    out.push(end);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(work, 'report.jsonl'), out.join('\n') + '\n');
    execFileSync('zip', ['-q', '-j', join(outDir, 'report.zip'), join(work, 'report.jsonl')]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [blob, k, out] = process.argv.slice(2);
  scaleBlob(blob, Number(k), out);
}
