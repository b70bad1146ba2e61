/**
 * The SMS adapter (ARCHITECTURE.md "Dependencies": an adapter over the provider's HTTP API, configured by
 * environment). It speaks Aliyun SMS (dysmsapi, API version 2017-05-25) `SendSms`: an RPC-style GET whose query
 * carries the common parameters (AccessKeyId, Action, Format, RegionId, SignatureMethod HMAC-SHA1,
 * SignatureNonce, SignatureVersion 1.0, Timestamp, Version) and SendSms's own (PhoneNumbers, SignName,
 * TemplateCode, TemplateParam as JSON, OutId), signed as Aliyun's signature mechanism says:
 *
 *   CanonicalizedQueryString = the parameters sorted by name, each name and value percent-encoded (RFC 3986:
 *                              only A–Z a–z 0–9 - _ . ~ stay as they are; a space is %20), joined as k=v with &
 *   StringToSign             = "GET" & percentEncode("/") & percentEncode(CanonicalizedQueryString)
 *   Signature                = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
 *
 * The answer is JSON: Code "OK" (with BizId) or an error code (src/domain/notifications/sending.ts says which are
 * worth retrying). A network error, a timeout or a non-JSON answer is tried again. No SDK: node:crypto and fetch.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { classifyProviderCode, networkFailure, timeoutFailure, unreadableAnswer, type SendResult } from '../../domain/notifications/sending.js';
import type { SmsConfig } from '../../server/config.js';

export interface SmsRequest {
  phone: string;
  /** the provider's template code (SMS_123456789) */
  templateCode: string;
  params: Record<string, string>;
  /** our message id, echoed in the provider's delivery receipts */
  outId: string;
}

export interface SmsSender {
  send(request: SmsRequest): Promise<SendResult>;
}

/** RFC 3986 percent-encoding as Aliyun's signature wants it (encodeURIComponent leaves !'()* alone: encode them too). */
export const percentEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const canonicalQuery = (params: Readonly<Record<string, string>>): string =>
  Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');

/** The signature of an RPC request's parameters (without Signature itself). */
export function aliyunSignature(method: 'GET' | 'POST', params: Readonly<Record<string, string>>, accessKeySecret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** Aliyun's Timestamp: ISO 8601 in UTC without milliseconds (2026-03-02T01:30:00Z). */
const timestampOf = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The signed parameters of one SendSms request. */
export function sendSmsParams(config: Pick<SmsConfig, 'accessKeyId' | 'accessKeySecret' | 'signName'>, request: SmsRequest, at: Date, nonce: string = randomUUID()) {
  const params: Record<string, string> = {
    AccessKeyId: config.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    RegionId: 'cn-hangzhou',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: nonce,
    SignatureVersion: '1.0',
    Timestamp: timestampOf(at),
    Version: '2017-05-25',
    PhoneNumbers: request.phone,
    SignName: config.signName,
    TemplateCode: request.templateCode,
    TemplateParam: JSON.stringify(request.params),
    OutId: request.outId,
  };
  return { ...params, Signature: aliyunSignature('GET', params, config.accessKeySecret) };
}

/** The Aliyun adapter; `clock` dates the Timestamp parameter (the server's clock). */
export function aliyunSmsSender(config: SmsConfig, clock: () => Date = () => new Date()): SmsSender {
  const endpoint = config.endpoint.replace(/\/+$/, '');
  return {
    async send(request) {
      const url = `${endpoint}/?${canonicalQuery(sendSmsParams(config, request, clock()))}`;
      let response: Response;
      try {
        response = await fetch(url, { method: 'GET', headers: { accept: 'application/json' }, signal: AbortSignal.timeout(config.timeoutMs) });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        if (timedOut) return timeoutFailure(config.timeoutMs / 1000);
        return networkFailure(error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
      }
      type Answer = { Code?: unknown; Message?: unknown; BizId?: unknown };
      const body: Answer | null = await response.json().then(
        (json: unknown) => (json && typeof json === 'object' ? (json as Answer) : null),
        () => null,
      );
      const code = typeof body?.Code === 'string' ? body.Code : null;
      if (code === 'OK') return { ok: true, providerId: typeof body?.BizId === 'string' ? body.BizId : null };
      if (code) return classifyProviderCode(code, typeof body?.Message === 'string' ? body.Message : '');
      return unreadableAnswer(response.status);
    },
  };
}

/** The configured sender, or null when no provider is configured (messages then stay in the outbox). */
export const smsSenderOf = (config: SmsConfig | null, clock?: () => Date): SmsSender | null => (config ? aliyunSmsSender(config, clock) : null);
