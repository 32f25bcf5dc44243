// The one error type of the API: a status, a machine-readable code, a message for people, and the
// field at fault. Anything else thrown by a handler becomes a 500 whose message is logged, not sent.
import type { ApiErrorResponse } from '../types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  body(): ApiErrorResponse {
    return {
      error: {
        status: this.status,
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}

export const badRequest = (field: string, message: string): ApiError =>
  new ApiError(400, 'bad_request', message, field);
export const notFound = (message: string, field?: string): ApiError => new ApiError(404, 'not_found', message, field);
export const conflict = (message: string, field?: string): ApiError => new ApiError(409, 'conflict', message, field);
