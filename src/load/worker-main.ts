// Entry of a load worker process: loads the definition file itself (iteration functions cannot
// cross a process boundary), runs its sub-segment with its own browser and streams data back.
import type { FromWorker, ToWorker } from './ipc';
import { loadDefinitionFile } from './load-file';
import { runSegment } from './segment-run';
import { StopSignal } from './stop-signal';
import { errorMessage } from '../util/errors';

const send = (m: FromWorker) => process.send?.(m);
const stop = new StopSignal();
let resolveStart: (epoch: number) => void = () => {};
const started = new Promise<number>((r) => {
  resolveStart = r;
});

// Ctrl-C reaches the whole process group; the coordinator decides how to stop (graceful, then kill).
process.on('SIGINT', () => {});

process.on('message', (m: ToWorker) => {
  if (m.type === 'init') void run(m);
  else if (m.type === 'start') resolveStart(m.startEpoch);
  else if (m.type === 'stop') stop.stop(m.reason);
  else if (m.type === 'kill') stop.kill();
});
process.on('disconnect', () => stop.kill());

async function run(m: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  try {
    const test = await loadDefinitionFile(m.file, m.cwd);
    if (m.connect.length) test.browser.connect = m.connect;
    const rest = await runSegment({
      test,
      segment: m.segment,
      workerIndex: m.workerIndex,
      stop,
      ready: async () => {
        send({ type: 'ready' });
        return started;
      },
      onDrain: (part) => send({ type: 'data', part }),
    });
    send({ type: 'done', part: rest });
  } catch (e) {
    send({ type: 'failed', message: errorMessage(e) });
  }
  process.disconnect?.();
}
