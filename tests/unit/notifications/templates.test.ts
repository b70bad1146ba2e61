import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asClause, messageDay, messageTime, renderTemplate, slotsOf, smsSegments, templateOf, TEMPLATE_CODES, TEMPLATES, withLink, type TemplateCode } from '../../../src/domain/notifications/templates.js';

describe('message templates', () => {
  it('are data: each has a unique code, a Chinese name and text, its channels and the setting of its provider code', () => {
    expect(new Set(TEMPLATE_CODES).size).toBe(TEMPLATES.length);
    for (const t of TEMPLATES) {
      expect(t.name).toMatch(/[\u4e00-\u9fff]/);
      expect(t.text).toMatch(/[\u4e00-\u9fff]/);
      expect(t.when).toMatch(/[\u4e00-\u9fff]/);
      expect(t.channels.length).toBeGreaterThan(0);
      expect(t.providerSetting).toMatch(/^SMS_TEMPLATE_[A-Z_]+$/);
    }
    // what the issue names, and what the cards and the ratings (issue 10) will send
    for (const code of ['case-accepted', 'supplement-notice', 'extension-approved', 'due-date-changed', 'case-completed', 'rating-invitation', 'light-yellow', 'light-red', 'supervision-card-issued', 'supervision-card-replied', 'supervision-card-raised']) {
      expect(templateOf(code), code).toBeDefined();
    }
    expect(templateOf('light-red')!.channels).toEqual(['inbox', 'sms']);
    expect(templateOf('supervision-card-replied')!.channels).toEqual(['inbox']);
    expect(templateOf('case-accepted')!.providerSetting).toBe('SMS_TEMPLATE_CASE_ACCEPTED');
  });

  it('renders the text with every slot filled', () => {
    expect(slotsOf(templateOf('supervision-card-issued')!.text)).toEqual(['org', 'subject', 'level', 'replyBy']);
    expect(renderTemplate('supervision-card-issued', { org: '柳河镇便民服务中心', subject: '办件 LH-20260302-0001', level: '橙色', replyBy: '2026年3月6日17:30' })).toBe(
      '柳河镇便民服务中心：纪检监察员对办件 LH-20260302-0001发出橙色督办单，请于2026年3月6日17:30前回告',
    );
    expect(
      renderTemplate('case-accepted', { center: '柳河镇便民服务中心', item: '临时救助', caseNo: 'LH-1', dueAt: '2026年3月16日17:30', provisional: '' }),
    ).toBe('柳河镇便民服务中心：您申请的“临时救助”已受理，办件编号LH-1，承诺于2026年3月16日17:30前办结。可凭办件编号和电话后四位查询办理进度。');
  });

  it('refuses to render with a parameter missing rather than send "{caseNo}" to a villager', () => {
    expect(() => renderTemplate('light-red', { center: '柳河镇便民服务中心', caseNo: 'LH-1', item: '临时救助' })).toThrow(/dueAt/);
  });

  it('never leaves a {slot} unfilled, and puts every value in, whatever the values (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES),
        fc.array(fc.string({ maxLength: 20 }).filter((s) => !s.includes('{') && !s.includes('}')), { minLength: 8, maxLength: 8 }),
        (t, values) => {
          const slots = slotsOf(t.text);
          const params = Object.fromEntries(slots.map((s, i) => [s, values[i % values.length]!]));
          const text = renderTemplate(t.code, params);
          expect(text).not.toMatch(/\{[A-Za-z][A-Za-z0-9]*\}/);
          for (const v of Object.values(params)) expect(text).toContain(v);
        },
      ),
    );
  });

  it('writes a moment on the center wall clock, as a message says it', () => {
    expect(messageTime('2026-03-16T09:30:00.000Z', 'Asia/Shanghai')).toBe('2026年3月16日17:30');
    expect(messageTime('2026-12-31T16:05:00.000Z', 'Asia/Shanghai')).toBe('2027年1月1日00:05');
  });

  it('a cancelled booking says its day and hours apart, naturally', () => {
    const text = renderTemplate('appointment-cancelled', { center: '柳河镇便民服务中心', day: messageDay('2026-12-08'), start: '09:00', end: '10:00', service: '社保医保' });
    expect(text).toBe('柳河镇便民服务中心：您预约的12月8日 09:00—10:00“社保医保”已取消。如需办理，可重新预约或当天到大厅取号。');
    expect(messageDay('2026-01-31')).toBe('1月31日');
  });

  it('a clerk\'s reason set before the template\'s own 。 loses its trailing stops: never 。。', () => {
    expect(asClause('残疾等级不在补贴范围。')).toBe('残疾等级不在补贴范围');
    expect(asClause(' 材料不全；。 ')).toBe('材料不全');
    expect(asClause('年龄不符.')).toBe('年龄不符');
    const params = { center: '柳河镇便民服务中心', item: '残疾人两项补贴', applicationNo: 'WS-1', phone: '0371-1', reason: asClause('残疾等级不在补贴范围。') };
    expect(renderTemplate('application-returned', params)).toContain('不在补贴范围。详情请登录');
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('。', '；', '.', '。。', ''), (reason, end) => {
        const text = renderTemplate('application-returned', { ...params, reason: asClause(reason + end) });
        expect(text).not.toMatch(/[。；.]。/);
      }),
    );
  });

  it('the acceptance SMS links to the progress page, case number filled in, when the public address is set', () => {
    const params = { center: '柳河镇便民服务中心', item: '临时救助', caseNo: '410899101-20260302-0001', dueAt: '2026年3月16日17:30', provisional: '' };
    const linked = withLink('case-accepted', params, 'http://bm.qinghe.gov.cn/');
    expect(renderTemplate('case-accepted', linked)).toBe(
      '柳河镇便民服务中心：您申请的“临时救助”已受理，办件编号410899101-20260302-0001，承诺于2026年3月16日17:30前办结。凭电话后四位查进度：http://bm.qinghe.gov.cn/progress?caseNo=410899101-20260302-0001',
    );
    // without an address: how to find the page, as before
    expect(withLink('case-accepted', params, null)).toEqual(params);
    expect(renderTemplate('case-accepted', withLink('case-accepted', params, null))).toMatch(/可凭办件编号和电话后四位查询办理进度。$/);
    // a template without a link is left alone
    expect(withLink('case-completed', { caseNo: 'x' }, 'http://bm.qinghe.gov.cn')).toEqual({ caseNo: 'x' });
  });

  it('every template that ends with an address ends with the address itself: no 。 or ） a phone would take into the link', () => {
    const URL = 'http://bm.qinghe.gov.cn/rate?t=abc';
    for (const t of TEMPLATES) {
      const slots = slotsOf(t.text);
      const params = Object.fromEntries(slots.map((s) => [s, s === 'link' ? URL : '某']));
      const text = renderTemplate(t.code, withLink(t.code, params, 'http://bm.qinghe.gov.cn'));
      const at = text.indexOf('http');
      // only characters of an address after its start: a 。 or ） would be taken into it
      if (at >= 0) expect(text.slice(at), t.code).toMatch(/^https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+$/);
    }
    expect(renderTemplate('rating-invitation', { center: '柳河镇便民服务中心', caseNo: 'LH-1', item: '临时救助', link: URL })).toMatch(/评价：http:\/\/bm\.qinghe\.gov\.cn\/rate\?t=abc$/);
  });

  it('the messages with a link stay within three SMS with a county\'s usual names and address', () => {
    const url = 'http://bm.qinghe.gov.cn';
    const usual: Partial<Record<TemplateCode, Record<string, string>>> = {
      'case-accepted': { center: '清河县柳河镇便民服务中心', item: '城乡居民最低生活保障', caseNo: '410899101-20260302-0001', dueAt: '2026年3月30日17:30', provisional: '' },
      'rating-invitation': { center: '清河县柳河镇便民服务中心', caseNo: '410899101-20260302-0001', item: '城乡居民最低生活保障', link: `${url}/rate?t=${'x'.repeat(32)}` },
    };
    for (const [code, params] of Object.entries(usual)) {
      const text = renderTemplate(code as TemplateCode, withLink(code, params, url));
      expect(smsSegments(text), `${code}: ${text.length} 字`).toBeLessThanOrEqual(3);
    }
    expect(smsSegments('字'.repeat(70))).toBe(1);
    expect(smsSegments('字'.repeat(71))).toBe(2);
    expect(smsSegments('字'.repeat(135))).toBe(3);
  });
});
