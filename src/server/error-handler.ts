import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, validationTitle } from '../domain/errors.js';
import { uniqueViolationTable } from '../db/portable.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

const problem = (status: number, code: string, title: string): Problem => ({ type: 'about:blank', title, status, code });

const send = (reply: FastifyReply, p: Problem) => reply.code(p.status).type('application/problem+json').send(p);

/** What a unique constraint guards, as a clerk names it; the key of a table whose keys people choose. */
const UNIQUE_LABELS: Record<string, string> = {
  users: '用户名',
  items: '事项编码',
  orgs: '机构代码',
  windows: '窗口名称',
};

/**
 * A write refused by a unique constraint that no check caught first: two requests saved the same key at the same
 * moment (PostgreSQL lets both pass a "does it exist?" check). Never a 500: the later one is told what happened.
 */
function uniqueConflict(table: string): Problem {
  const label = UNIQUE_LABELS[table];
  if (label) return problem(409, 'DUPLICATE', `${label}已存在：刚有人同时保存了相同的${label}。请刷新页面查看，如需新建请换一个后重试。`);
  return problem(409, 'CONCURRENT_WRITE', '刚有人同时提交了同一项操作，本次没有保存。请刷新页面查看结果，需要时再操作一次。');
}

/**
 * Fastify's own refusals (no route, body too large, bad JSON, unsupported media type, URL too long) with a stable
 * code and a Chinese title; null for any other error.
 */
function frameworkProblem(error: FastifyError): Problem | null {
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'URI_TOO_LONG', '请求地址太长，无法处理。请返回上一页重新操作。');
    case 'FST_ERR_BAD_URL':
      return problem(400, 'BAD_URL', '请求地址不正确，请检查地址后重试。');
    case 'FST_REQ_FILE_TOO_LARGE':
      return problem(413, 'FILE_TOO_LARGE', '上传的文件太大，请拆分后再上传（单个文件不超过 10 MB）。');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'BODY_TOO_LARGE', '提交的内容太大（超过 2 MB），请删减后重新提交；上传文件请使用导入功能。');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'BAD_JSON', '提交的内容不是有效的 JSON，无法读取。请刷新页面后重新提交。');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'EMPTY_BODY', '提交的内容是空的。请刷新页面后重新提交。');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持这种提交格式：请以 JSON 提交，上传文件请使用导入功能。');
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return problem(500, 'INTERNAL_ERROR', '系统暂时出现问题。请稍后重试，如仍不行请联系系统管理员。');
  }
  if (error.statusCode === 429) return problem(429, 'RATE_LIMITED', '操作过于频繁，请稍等一分钟后再试。');
  if (error.statusCode === 413) return problem(413, 'FILE_TOO_LARGE', '上传的文件太大，请拆分后再上传（单个文件不超过 10 MB）。');
  if (error instanceof SyntaxError && error.statusCode === 400) return problem(400, 'BAD_JSON', '提交的内容不是有效的 JSON，无法读取。请刷新页面后重新提交。');
  return null;
}

function problemOf(error: FastifyError): Problem {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: issue.message ?? '填写有误',
    }));
    return {
      ...problem(400, 'VALIDATION_FAILED', validationTitle(errors.map((e) => e.message))),
      errors,
    };
  }
  if (error instanceof DomainError) {
    // details first: a detail may never overwrite the problem's own fields (a case's `status` is not an HTTP one)
    return { ...(error.details ?? {}), ...problem(error.status, error.code, error.message) };
  }
  const table = uniqueViolationTable(error);
  if (table !== null) return uniqueConflict(table);
  const known = frameworkProblem(error);
  if (known) return known;
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { ...problem(error.statusCode, 'BAD_REQUEST', '请求格式不正确，请刷新页面后重试。'), detail: error.message };
  }
  return problem(500, 'INTERNAL_ERROR', '系统暂时出现问题，您填写的内容没有保存。请稍后重试，如仍不行请联系系统管理员。');
}

/**
 * Answers an error. Every 5xx is logged with the request id (Fastify's request logger carries `reqId`), and the
 * id goes into the answer so a clerk can quote it to the administrator, who finds the stack in the log.
 */
function answer(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const p = problemOf(error);
  if (p.status >= 500) {
    if (isResponseSerializationError(error)) request.log.error({ issues: error.cause.issues }, 'response does not match its schema');
    request.log.error({ err: error, method: request.method, url: request.url }, `${p.status} ${p.code}`);
    p.requestId = request.id;
    p.title = `${p.title}（错误编号 ${request.id}）`;
  }
  return send(reply, p);
}

/** Every error leaves as application/problem+json with a stable code and a Chinese title a clerk can act on. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(answer);
}

/** Fastify's `frameworkErrors` option: bad URLs and over-long parameters answered like every other error. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return answer(error, request, reply);
}

/**
 * Fastify's `clientErrorHandler` option: requests Node's parser refuses before any route (a request line or
 * headers over 16 KB, a malformed request) get a problem+json too, not Node's bare English.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const p =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem(431, 'HEADERS_TOO_LARGE', '请求地址或请求头太长，无法处理。请返回上一页重新操作。')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem(408, 'REQUEST_TIMEOUT', '请求超时，请检查网络后重试。')
        : problem(400, 'BAD_REQUEST', '请求格式不正确，请刷新页面后重试。');
  const body = JSON.stringify(p);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
