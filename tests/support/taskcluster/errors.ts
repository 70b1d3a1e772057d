/**
 * Error replies shaped like taskcluster-lib-api's: body `{code, message, requestInfo}`, the message
 * followed by the same `---` trailer naming method, error code and status.
 */

/** The error codes of taskcluster-lib-api with their HTTP statuses. */
export const ERROR_CODES = {
  MalformedPayload: 400,
  InvalidRequestArguments: 400,
  InputValidationError: 400,
  InputError: 400,
  AuthenticationFailed: 401,
  InsufficientScopes: 403,
  ResourceNotFound: 404,
  RequestConflict: 409,
  ResourceExpired: 410,
  InternalServerError: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Thrown by a route handler to answer with a Taskcluster error. */
export class ErrorReply extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

/** The status and JSON body of an error reply for API method `method`. */
export function errorReply(
  error: ErrorReply,
  request: { method: string; params: Record<string, string>; payload: unknown },
): { status: number; body: { code: string; message: string; requestInfo: Record<string, unknown> } } {
  const status = ERROR_CODES[error.code];
  const time = new Date().toJSON();
  const message = [
    error.message,
    "",
    "---",
    "",
    `* method:     ${request.method}`,
    `* errorCode:  ${error.code}`,
    `* statusCode: ${status}`,
    `* time:       ${time}`,
  ].join("\n");
  return { status, body: { code: error.code, message, requestInfo: { ...request, time } } };
}
