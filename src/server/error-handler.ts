import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError } from '../domain/errors.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

const send = (reply: import('fastify').FastifyReply, problem: Problem) =>
  reply.code(problem.status).type('application/problem+json').send(problem);

/** Every error leaves as application/problem+json with a stable code and a Chinese title a clerk can act on. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: issue.message ?? '填写有误',
      }));
      return send(reply, {
        type: 'about:blank',
        title: `提交的信息有误：${errors.map((e) => e.message).join('；')}。请修改后重新提交。`,
        status: 400,
        code: 'VALIDATION_FAILED',
        errors,
      });
    }
    if (error instanceof DomainError) {
      // details first: a detail may never overwrite the problem's own fields (a case's `status` is not an HTTP one)
      return send(reply, {
        ...(error.details ?? {}),
        type: 'about:blank',
        title: error.message,
        status: error.status,
        code: error.code,
      });
    }
    if (error.statusCode === 429) {
      return send(reply, { type: 'about:blank', title: '操作过于频繁，请稍等一分钟后再试。', status: 429, code: 'RATE_LIMITED' });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      return send(reply, { type: 'about:blank', title: '上传的文件太大，请拆分后再上传（单个文件不超过 10 MB）。', status: 413, code: 'FILE_TOO_LARGE' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, {
        type: 'about:blank',
        title: '请求格式不正确，请刷新页面后重试。',
        status: error.statusCode,
        code: 'BAD_REQUEST',
        detail: error.message,
      });
    }
    if (isResponseSerializationError(error)) request.log.error({ issues: error.cause.issues }, 'response does not match its schema');
    request.log.error(error);
    return send(reply, {
      type: 'about:blank',
      title: '系统暂时出现问题，您填写的内容没有保存。请稍后重试，如仍不行请联系系统管理员。',
      status: 500,
      code: 'INTERNAL_ERROR',
    });
  });
}
