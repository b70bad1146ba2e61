/**
 * Answers under /open311/v2/: the document in the format the path's suffix names (XML by default: the specification's
 * required format), UTF-8, and every failure as the specification's `errors` document. Registered inside the
 * endpoint's own Fastify scope, so the rest of the API keeps answering problem+json.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.js';
import { OPEN311_PATH } from '../../domain/open311/discovery.js';
import { CONTENT_TYPES, errorsDocument, lacksFormat, renderDocument, splitFormat, type Open311Format, type Open311Value } from '../../domain/open311/document.js';
import { noFormat, Open311Error, unknownResource } from './errors.js';

/** The format a request's path asks for; XML when it names none (the answer to that is itself an error). */
export function formatOfPath(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  // the raw path: `.xml`/`.json` need no decoding, and a malformed %-escape must not break the error answer itself
  const last = path.slice(path.lastIndexOf('/') + 1);
  return splitFormat(last)?.format ?? 'xml';
}

export function sendDocument(reply: FastifyReply, format: Open311Format, root: string, value: Open311Value, status = 200) {
  return reply
    .code(status)
    .header('content-type', CONTENT_TYPES[format])
    // public, read-only documents: a third party's web page may read them from its own origin
    .header('access-control-allow-origin', '*')
    .send(renderDocument(format, root, value));
}

function errorOf(error: FastifyError | Error): { status: number; descriptions: readonly string[] } {
  if (error instanceof Open311Error) return { status: error.status, descriptions: error.descriptions };
  if (hasZodFastifySchemaValidationErrors(error)) {
    return { status: 400, descriptions: error.validation.map((issue) => `参数有误：${issue.message ?? '填写不正确'}`) };
  }
  if (error instanceof DomainError && [400, 403, 404].includes(error.status)) return { status: error.status, descriptions: [error.message] };
  const status = (error as FastifyError).statusCode;
  if (status === 429) return { status, descriptions: ['请求过于频繁，请稍等一分钟后再试。'] };
  if (status && status >= 400 && status < 500) return { status: 400, descriptions: ['请求格式不正确，请对照 GeoReport v2 规范检查地址和参数。'] };
  return { status: 500, descriptions: ['系统暂时出现问题，请稍后重试；如仍不行请联系县政务服务中心。'] };
}

function answerError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const { status, descriptions } = errorOf(error);
  const shown = status >= 500 ? descriptions.map((d) => `${d}（错误编号 ${request.id}）`) : descriptions;
  if (status >= 500) request.log.error({ err: error, method: request.method, url: request.url }, `open311 ${status}`);
  return sendDocument(reply, formatOfPath(request.url), 'errors', errorsDocument(status, shown), status);
}

/**
 * The scope's error and not-found answers: the `errors` document for everything below /open311/v2/. A resource asked
 * for without a known format (`POST requests`, `services.txt`) is 400 "write the format", not 404: the resource exists.
 */
export function registerOpen311Answers(scope: FastifyInstance): void {
  scope.setErrorHandler(answerError);
  scope.setNotFoundHandler((request, reply) => {
    const path = (request.url.split('?')[0] ?? '').slice(OPEN311_PATH.length);
    return answerError(lacksFormat(path) ? noFormat() : unknownResource(), request, reply);
  });
}
