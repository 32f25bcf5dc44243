// Decodes the fixtures' JSON attachments (contract: src/types/attachment.ts) and merges several
// attachments of one attempt into one TestPerfData. A malformed body is a warning, never a throw.
import { readFileSync } from 'node:fs';
import {
  PERF_ATTACHMENT_FORMAT,
  PERF_ATTACHMENT_NAME,
  PERF_ATTACHMENT_VERSION,
  type PerfAttachmentBody,
  type PerfError,
  type TestPerfData,
} from '../types';
import { perfError, errorMessage } from '../util/errors';
import { mergePerfData } from '../protocol/perf-data';

interface AttachmentLike {
  name: string;
  contentType: string;
  body?: Buffer;
  path?: string;
}

export function isPerfAttachment(a: AttachmentLike): boolean {
  return a.name === PERF_ATTACHMENT_NAME;
}

/** Upgrades older attachment bodies one version at a time. Version 1 is current. */
function modernize(body: PerfAttachmentBody): PerfAttachmentBody {
  if (body.version > PERF_ATTACHMENT_VERSION) {
    throw new Error(
      `attachment version ${body.version} is newer than this reporter understands (${PERF_ATTACHMENT_VERSION}); upgrade playwright-perf`,
    );
  }
  return body;
}

export function decodePerfAttachments(
  attachments: AttachmentLike[],
  errors: PerfError[],
  testId?: string,
): TestPerfData | undefined {
  let merged: TestPerfData | undefined;
  for (const a of attachments) {
    if (!isPerfAttachment(a)) continue;
    try {
      const text = a.body ? a.body.toString('utf8') : a.path ? readFileSync(a.path, 'utf8') : '';
      const body = JSON.parse(text) as PerfAttachmentBody;
      if (!body || body.format !== PERF_ATTACHMENT_FORMAT || typeof body.data !== 'object') {
        throw new Error('not a playwright-perf attachment body');
      }
      merged = mergePerfData(merged ?? {}, modernize(body).data);
    } catch (e) {
      const why = e instanceof SyntaxError ? `is not valid JSON (${e.message})` : `was rejected: ${errorMessage(e)}`;
      errors.push(
        perfError(
          'reporter.decodeAttachment',
          new Error(`a "${PERF_ATTACHMENT_NAME}" attachment ${why}; its perf data is left out`),
          testId ? { testId } : {},
        ),
      );
    }
  }
  return merged;
}
