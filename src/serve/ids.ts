// Ids taken from the URL (run, alert, optimisation ids). They are looked up in memory, never used
// as paths, but anything that is not a plain id — slashes, dots-only segments, control characters —
// is refused outright with a 400 naming the segment.
import { badRequest } from './api-error';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,199}$/;

export function checkId(field: string, value: string): string {
  if (!ID.test(value) || value.includes('..')) {
    throw badRequest(
      field,
      `${field} must be an id (letters, digits and . _ : @ + -, at most 200 characters), got ${JSON.stringify(value.slice(0, 60))}`,
    );
  }
  return value;
}
