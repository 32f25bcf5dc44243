// Messages between the coordinator and its worker processes (child_process.fork IPC).
import type { LoadRawData } from '../types/load';
import type { Segment } from './schedule';

export type ToWorker =
  | { type: 'init'; file: string; cwd: string; segment: Segment; workerIndex: number; connect: string[] }
  | { type: 'start'; startEpoch: number }
  | { type: 'stop'; reason: 'sigint' | 'abort-on-fail' }
  | { type: 'kill' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'data'; part: LoadRawData }
  | { type: 'done'; part: LoadRawData }
  | { type: 'failed'; message: string };
