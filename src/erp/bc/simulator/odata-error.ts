import { randomUUID } from 'node:crypto';

/**
 * A failed call as BC answers it: `{"error":{"code","message"}}`, the message ending in a
 * correlation id (dev-itpro/webservices/dynamics-error-codes.md lists the codes).
 */
export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  body(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: `${this.message}  CorrelationId:  ${randomUUID()}.` } };
  }
}

export const badRequest = (message: string, code = 'BadRequest') => new ODataError(400, code, message);
/** BC raises an AL `Error(...)` of the page or its codeunit as a dialog exception. */
export const dialogError = (message: string) => new ODataError(400, 'Application_DialogException', message);
export const notFound = (entity: string, id: string) =>
  new ODataError(404, 'BadRequest_NotFound', `The ${entity} with key '${id}' does not exist or you do not have permission to view it.`);
export const resourceNotFound = (segment: string) => new ODataError(404, 'BadRequest_ResourceNotFound', `Resource not found for the segment '${segment}'.`);
export const unknownProperty = (entity: string, name: string) => badRequest(`Could not find a property named '${name}' on type 'Microsoft.NAV.${entity}'.`);
