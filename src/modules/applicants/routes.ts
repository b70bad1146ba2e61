/**
 * /api/public/applicants*, /api/public/session, /api/public/me (API.md "v1 additions", public hall): applicant
 * accounts. No staff session is involved; the applicant's own cookie (`bianmin_applicant`) is set here. Routes only
 * translate; the use cases decide.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent } from '../../domain/contract/common.js';
import { APPLICANT_KINDS, APPLICANT_SESSION, CODE_PURPOSES } from '../../domain/people/applicant-account.js';
import { applicantSessionSchema, codeSentSchema, passwordRuleSchema } from '../../domain/people/applicant-contract.js';
import { MAX_LENGTH, MIN_LENGTH, passwordHint } from '../../domain/people/password.js';
import { isValidMobile } from '../../domain/people/id-number.js';
import { personNameText, TEXT_LIMITS } from '../../domain/text.js';
import type { AppContext } from '../../server/context.js';
import { sendCode } from './codes.js';
import { register } from './register.js';
import { resetPassword } from './reset-password.js';
import { APPLICANT_COOKIE, APPLICANT_COOKIE_PATH, currentApplicant, resolveApplicant, signIn, signOut } from './session.js';

const phone = z.string({ error: '请填写手机号码' }).trim().min(1, { error: '请填写手机号码' }).max(TEXT_LIMITS.phone, { error: '手机号码太长，请核对' });
const code = z.string({ error: '请填写短信验证码' }).trim().min(1, { error: '请填写短信验证码' }).max(20, { error: '验证码太长，请核对' });
const password = z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(MAX_LENGTH, { error: `密码不能超过 ${MAX_LENGTH} 位` });
const number = (label: string) => z.string({ error: `请填写${label}` }).trim().max(40, { error: `${label}太长，请核对` });
const idempotencyHeaders = z.object({
  'idempotency-key': z.string({ error: '请求缺少 Idempotency-Key，请刷新页面后重新提交。' }).min(8, 'Idempotency-Key 至少 8 个字符').max(100),
});

export const codeBody = z.object({
  phone,
  purpose: z.enum(CODE_PURPOSES, { error: '验证码用途只能是注册（register）或找回密码（reset）' }),
});

export const registerBody = z.object({
  phone,
  code,
  password,
  kind: z.enum(APPLICANT_KINDS, { error: '请选择个人（person）或单位（organization）' }),
  name: personNameText('姓名或单位名称', TEXT_LIMITS.orgName),
  idNumber: number('身份证号码').optional(),
  creditCode: number('统一社会信用代码').optional(),
});

// a phone that cannot be a mobile number is no account's: say so, not 'wrong phone or password'
const signInBody = z.object({ phone: phone.refine(isValidMobile, { error: '请填写 11 位手机号码' }), password });
const resetBody = z.object({ phone, code, password });

export function applicantRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['网上办事账号'];
  const window = ctx.config.rateLimitWindowMs;
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(APPLICANT_COOKIE, token, {
      path: APPLICANT_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      // plain HTTP on a center's own network is normal: Secure only when the deployment says it is behind HTTPS
      secure: ctx.config.session.secureCookie,
      maxAge: APPLICANT_SESSION.absoluteHours * 3600,
    });

  r.get('/api/public/applicants/password-rule', { schema: { tags, summary: '设置密码的规则（与工作人员账号相同，按 PASSWORD_POLICY）', response: { 200: passwordRuleSchema } } }, () => {
    const policy = ctx.config.passwordPolicy;
    // the hint says 用户名: an applicant's username is the phone number
    return { policy, minLength: MIN_LENGTH[policy], hint: passwordHint(policy).replace('用户名', '手机号码') };
  });

  r.post(
    '/api/public/applicants/codes',
    {
      schema: { tags, summary: '获取短信验证码（注册 register、找回密码 reset）；验证码只发到手机，不在应答中', body: codeBody, response: { 202: codeSentSchema } },
      // per address, on top of one a minute and ten a day per phone: one address cannot flood many phones
      config: { rateLimit: { max: Math.max(5, Math.floor(ctx.config.progressPerMinute / 2)), timeWindow: window } },
    },
    async (request, reply) => reply.code(202).send(await sendCode(ctx, request.body, client(request))),
  );

  r.post(
    '/api/public/applicants',
    {
      schema: { tags, summary: '注册网上办事账号（需 Idempotency-Key）并登录', headers: idempotencyHeaders, body: registerBody, response: { 200: applicantSessionSchema, 201: applicantSessionSchema } },
      config: { rateLimit: { max: 30, timeWindow: window } },
    },
    async (request, reply) => {
      const made = await register(ctx, request.body, request.headers['idempotency-key'], client(request));
      setCookie(reply, made.token);
      return reply.code(made.replayed ? 200 : 201).send({ applicant: made.applicant });
    },
  );

  r.post(
    '/api/public/applicants/password-reset',
    {
      schema: { tags, summary: '找回密码：短信验证码 + 新密码，成功后登录', body: resetBody, response: { 200: applicantSessionSchema } },
      config: { rateLimit: { max: 30, timeWindow: window } },
    },
    async (request, reply) => {
      const done = await resetPassword(ctx, request.body, client(request));
      setCookie(reply, done.token);
      return { applicant: done.applicant };
    },
  );

  r.post(
    '/api/public/session',
    {
      schema: { tags, summary: '网上办事账号登录（手机号码 + 密码）', body: signInBody, response: { 200: applicantSessionSchema } },
      // per address, on top of the per-account lock-out
      config: { rateLimit: { max: 30, timeWindow: window } },
    },
    async (request, reply) => {
      const done = await signIn(ctx, request.body, client(request));
      setCookie(reply, done.token);
      return { applicant: done.applicant };
    },
  );

  r.delete('/api/public/session', { schema: { tags, summary: '退出网上办事账号', response: { 204: noContent } } }, async (request, reply) => {
    await signOut(ctx, request.cookies[APPLICANT_COOKIE], client(request));
    reply.clearCookie(APPLICANT_COOKIE, { path: APPLICANT_COOKIE_PATH });
    return reply.code(204).send(null);
  });

  r.get('/api/public/me', { schema: { tags, summary: '当前登录的网上办事账号（姓名、手机、证件号码均打码）', response: { 200: applicantSessionSchema } } }, async (request) =>
    currentApplicant(ctx, await resolveApplicant(ctx, request.cookies[APPLICANT_COOKIE])),
  );
}
