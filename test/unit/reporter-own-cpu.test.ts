// The sampler's own-CPU figure against the kernel's truth for this process (process.cpuUsage), and
// proof that a busy process outside the run's process tree is not counted (Linux /proc).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { OwnCpuMeter } from '../../src/reporter/system-sampler';

const machineTicks = () =>
  readFileSync('/proc/stat', 'utf8')
    .split('\n', 1)[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number)
    .reduce((a, b) => a + b, 0);
/** Clock ticks per second of /proc (USER_HZ): 100 on every Linux build Node supports. */
const HZ = 100;

test("own CPU share: the process tree's ticks, not the machine's", { skip: process.platform !== 'linux' }, async () => {
  const meter = new OwnCpuMeter();
  let m0 = machineTicks();
  assert.equal(meter.share([process.pid], 1), undefined, 'the first call only sets the starting point');
  // Spin in this process: the meter must see exactly the CPU time the kernel gave us.
  const u0 = process.cpuUsage();
  const end = Date.now() + 300;
  while (Date.now() < end) {
    /* busy */
  }
  const used = process.cpuUsage(u0);
  let m1 = machineTicks();
  const share = meter.share([process.pid], m1 - m0)!;
  const truthTicks = ((used.user + used.system) / 1e6) * HZ;
  assert.ok(
    Math.abs(share * (m1 - m0) - truthTicks) <= 3,
    `meter ${share * (m1 - m0)} ticks vs process.cpuUsage ${truthTicks}`,
  );

  // A busy process that is not ours (orphaned by its shell, so not in our tree) while we wait.
  const sh = spawn(
    'sh',
    [
      '-c',
      `${JSON.stringify(process.execPath)} -e "const e=Date.now()+10000;while(Date.now()<e);" >/dev/null 2>&1 & echo $!`,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const orphan = Number(await new Promise<string>((r) => sh.stdout.on('data', (d) => r(String(d)))));
  const ticksOf = (pid: number) => {
    const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  };
  const o0 = ticksOf(orphan),
    u1 = process.cpuUsage();
  m0 = machineTicks();
  meter.share([process.pid], 1);
  // Until the other process has clearly used CPU (on a loaded machine that can take a while).
  for (let waited = 0; ticksOf(orphan) - o0 < 10 && waited < 8000; waited += 100)
    await new Promise((r) => setTimeout(r, 100));
  m1 = machineTicks();
  const mine = meter.share([process.pid], m1 - m0)! * (m1 - m0);
  const ours = process.cpuUsage(u1),
    orphanTicks = ticksOf(orphan) - o0;
  const oursTicks = ((ours.user + ours.system) / 1e6) * HZ;
  try {
    process.kill(orphan);
  } catch {
    /* already done */
  }
  assert.ok(orphanTicks >= 10, `the other process got CPU (${orphanTicks} ticks)`);
  assert.ok(
    Math.abs(mine - oursTicks) <= 3,
    `meter ${mine} ticks vs ours ${oursTicks}; the other process used ${orphanTicks}`,
  );
});
