import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationTitle } from '../../src/domain/errors.js';
import { hallMessages } from '../../src/server/validation-messages.js';

// The words a clerk or an integrator reads when a check without its own message fails (the field is in errors[].path).
describe('validation messages in a service hall\'s words', () => {
  z.config(hallMessages());
  const first = (schema: z.ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    expect(r.success).toBe(false);
    return r.error!.issues[0]!.message;
  };

  it('names limits as people do, and never the safe-integer bound', () => {
    expect(first(z.number().int().positive(), Number.MAX_SAFE_INTEGER * 2)).toBe('数字太大，请核对');
    expect(first(z.number().int().positive(), 0)).toBe('须大于 0');
    expect(first(z.number().max(30), 31)).toBe('不能大于 30');
    expect(first(z.string().max(50), '长'.repeat(51))).toBe('不能超过 50 个字，请精简后再提交');
    expect(first(z.string().min(1), '')).toBe('请填写此项');
    expect(first(z.array(z.string()).max(3), ['a', 'b', 'c', 'd'])).toBe('最多 3 项，请分批提交');
  });

  it('says what to put instead of naming types', () => {
    expect(first(z.string(), 5)).toBe('应填写文字');
    expect(first(z.object({ a: z.string() }), {})).toBe('请填写此项');
    expect(first(z.number(), '5')).toBe('应填写数字');
    expect(first(z.iso.datetime({ offset: true }), '2026-03-02')).toContain('2026-03-02T09:00:00+08:00');
    expect(first(z.enum(['window', 'mail']), 'fax')).toBe('只能是以下之一：window、mail');
  });

  it('leaves a schema\'s own message alone', () => {
    expect(first(z.string().min(1, '请填写申请人姓名'), '')).toBe('请填写申请人姓名');
  });
});

describe('validationTitle', () => {
  it('asks to correct and resubmit only when the messages do not already say what to do', () => {
    expect(validationTitle(['请选择要办理的业务。'])).toBe('提交的信息有误：请选择要办理的业务。');
    expect(validationTitle(['不能超过 50 个字，请精简后再提交', '请填写此项'])).toBe('提交的信息有误：不能超过 50 个字，请精简后再提交；请填写此项。');
    expect(validationTitle(['应填写数字'])).toBe('提交的信息有误：应填写数字。请修改后重新提交。');
    expect(validationTitle(['应填写数字', '请填写此项'])).toBe('提交的信息有误：应填写数字；请填写此项。请修改后重新提交。');
  });
});
