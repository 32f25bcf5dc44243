// The only channel from worker-side fixtures to the runner-side reporter: JSON attachments via
// `testInfo.attach`. It survives worker processes and `--shard` + blob + merge-reports (bodies are
// kept in blobs), which in-memory or file side channels do not.
import type { TestPerfData } from './metrics';

/** Attachment name; the reporter decodes every attachment with this name. */
export const PERF_ATTACHMENT_NAME = 'playwright-perf.metrics';
/** Content type. JSON, so other reporters can still show it as text. */
export const PERF_ATTACHMENT_CONTENT_TYPE = 'application/json';
export const PERF_ATTACHMENT_FORMAT = 'playwright-perf-attachment';
export const PERF_ATTACHMENT_VERSION = 1;

/** Body of a perf attachment. Several may be attached to one attempt; their data is merged. */
export interface PerfAttachmentBody {
  format: typeof PERF_ATTACHMENT_FORMAT;
  version: number;
  data: TestPerfData;
}
