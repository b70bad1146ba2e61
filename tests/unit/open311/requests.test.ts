// GeoReport v2 requests as online applications (src/domain/open311/requests.ts): the POST form checked against a
// service's definition, open/closed with Chinese notes, and the date range of GET requests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRequest, requestDateRange, requestFormOf, requestStatusOf, statusNotesOf, type RequestDefinition } from '../../../src/domain/open311/requests.js';
import { materialAttributeCodes, serviceAttributes, type ServiceItem } from '../../../src/domain/open311/services.js';

const item: ServiceItem = {
  code: 'MZ-003',
  name: '城乡居民最低生活保障',
  aliases: [],
  category: '社会救助',
  department: '县民政局',
  kind: 'promised',
  promisedDays: 20,
  conditions: '户籍在本县。',
  fee: { amount: 0, basis: '不收费' },
  onlineAllowed: true,
  materials: [
    { name: '最低生活保障申请书', main: true, copies: 1, original: true },
    { name: '家庭收入及财产情况说明', main: false, copies: 2, original: false },
  ],
};
const centers = [
  { key: '410899101', name: '城关镇便民服务中心' },
  { key: '410899102', name: '河口镇便民服务中心' },
];
const codes = materialAttributeCodes(item.materials);
const definition: RequestDefinition = { attributes: serviceAttributes(item, centers), materials: new Map(codes.map((c, i) => [c, item.materials[i]!.name])) };
const TODAY = '2026-03-02';

const valid = (extra: Record<string, string> = {}) =>
  requestFormOf(
    Object.entries({
      api_key: 'k',
      service_code: 'MZ-003',
      'attribute[APPLICANT_TYPE]': 'person',
      'attribute[APPLICANT_NAME]': '李秀英',
      'attribute[APPLICANT_ID_NUMBER]': '11010519491231002X',
      'attribute[APPLICANT_PHONE]': '138 0000 0000',
      'attribute[CENTER]': '410899102',
      [`attribute[${codes[0]}]`]: 'https://files.example.cn/a.pdf',
      ...extra,
    }),
  );

describe('the POST form', () => {
  it('parses attribute[CODE] apart from parameters; the first value of a repeated name counts', () => {
    const form = requestFormOf([
      ['service_code', 'A'],
      ['service_code', 'B'],
      ['attribute[X]', '1'],
      ['attribute[X]', '2'],
      ['attribute[Y][]', '3'],
    ]);
    expect(form).toEqual({ params: { service_code: 'A' }, attributes: { X: '1', Y: '3' } });
  });

  it('a complete form: the real-named applicant, plain phone, the center, the material URL, location', () => {
    const r = checkRequest(valid({ lat: '34.7466', long: '113.6253', description: '  申请低保 ' }), definition, TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        applicant: { kind: 'person', name: '李秀英', number: '11010519491231002X', method: 'gb11643', phone: '13800000000' },
        center: '410899102',
        materials: [{ code: codes[0], material: '最低生活保障申请书', url: 'https://files.example.cn/a.pdf' }],
        description: '申请低保',
        address: null,
        latitude: '34.7466',
        longitude: '113.6253',
      },
    });
  });

  it('names every problem at once: missing, unknown, invalid attributes and parameters', () => {
    const form = valid({ 'attribute[APPLICANT_ID_NUMBER]': '110105194912310021', 'attribute[CENTER]': '999', 'attribute[FOO]': 'x', lat: '91', description: 'a<br>b', email: 'no' });
    delete form.attributes[codes[0]!];
    const r = checkRequest(form, definition, TODAY);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    for (const name of [`attribute[${codes[0]}]`, 'attribute[APPLICANT_ID_NUMBER]', 'attribute[CENTER]', 'attribute[FOO]', 'lat', 'description', 'email']) {
      expect(errors.some((e) => e.includes(name)), name).toBe(true);
    }
    expect(errors.every((e) => /[\u4e00-\u9fff]/.test(e))).toBe(true);
  });

  it('an organisation by its credit code; lat without long is refused; only http(s) URLs', () => {
    const org = checkRequest(valid({ 'attribute[APPLICANT_TYPE]': 'organization', 'attribute[APPLICANT_NAME]': '六合县某某合作社', 'attribute[APPLICANT_ID_NUMBER]': '91350100M000100Y43' }), definition, TODAY);
    expect(org.ok && org.value.applicant.method).toBe('gb32100');
    const half = checkRequest(valid({ lat: '34.1' }), definition, TODAY);
    expect(!half.ok && half.errors).toEqual(['lat 和 long 须同时填写（或都不填）。']);
    for (const url of ['file:///etc/passwd', 'ftp://a/b.pdf', 'javascript:alert(1)', 'https://user:pw@a.cn/x.pdf', 'a.pdf']) {
      expect(checkRequest(valid({ [`attribute[${codes[0]}]`]: url }), definition, TODAY).ok, url).toBe(false);
    }
  });

  it('description: at most 4000 characters, no HTML', () => {
    expect(checkRequest(valid({ description: '字'.repeat(4000) }), definition, TODAY).ok).toBe(true);
    expect(checkRequest(valid({ description: '字'.repeat(4001) }), definition, TODAY).ok).toBe(false);
    for (const d of ['<script>x</script>', 'a &nbsp; b', '</p>', '<!-- c -->']) expect(checkRequest(valid({ description: d }), definition, TODAY).ok, d).toBe(false);
    expect(checkRequest(valid({ description: '收入 < 标准，1 > 0' }), definition, TODAY).ok).toBe(true);
  });

  it('the CENTER attribute comes last, lists the centers, and is required only when there is a choice', () => {
    const two = serviceAttributes(item, centers);
    expect(two.map((a) => a.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(two.at(-1)).toMatchObject({ code: 'CENTER', datatype: 'singlevaluelist', required: true, values: centers });
    expect(serviceAttributes(item, [centers[0]!]).at(-1)).toMatchObject({ code: 'CENTER', required: false });
    expect(serviceAttributes(item).some((a) => a.code === 'CENTER')).toBe(false);
  });

  it('with one center offering the item, CENTER may be left out', () => {
    const one: RequestDefinition = { ...definition, attributes: serviceAttributes(item, [centers[0]!]) };
    const form = valid();
    delete form.attributes.CENTER;
    const r = checkRequest(form, one, TODAY);
    expect(r.ok && r.value.center).toBe('410899101');
  });
});

describe('open / closed', () => {
  it('open while waiting or in progress; closed once returned, withdrawn or the case is finished or returned', () => {
    expect(requestStatusOf({ status: 'pre_review', kase: null })).toBe('open');
    expect(requestStatusOf({ status: 'supplement_requested', kase: null })).toBe('open');
    expect(requestStatusOf({ status: 'returned', kase: null })).toBe('closed');
    expect(requestStatusOf({ status: 'withdrawn', kase: null })).toBe('closed');
    for (const s of ['submitted', 'awaiting_supplement', 'in_progress', 'paused'] as const) expect(requestStatusOf({ status: 'accepted', kase: { caseNo: 'x', kind: 'promised', status: s } })).toBe('open');
    for (const s of ['completed', 'delivered', 'returned', 'withdrawn'] as const) expect(requestStatusOf({ status: 'accepted', kase: { caseNo: 'x', kind: 'promised', status: s } })).toBe('closed');
  });

  it('notes carry our status and the case’s kind and number', () => {
    expect(statusNotesOf({ status: 'accepted', kase: { caseNo: '410899101-20260302-0007', kind: 'promised', status: 'in_progress' } })).toBe('已受理，承诺件，办件编号 410899101-20260302-0007，办理中。');
    expect(statusNotesOf({ status: 'pre_review', kase: null })).toMatch(/^待预审/);
    expect(statusNotesOf({ status: 'returned', kase: null })).toMatch(/^已退回/);
  });

  it('says the applicant was told by SMS only when an SMS goes out to a configured channel', () => {
    expect(statusNotesOf({ status: 'returned', kase: null, sms: true })).toBe('已退回：预审未通过，退回理由已通知申请人。');
    expect(statusNotesOf({ status: 'returned', kase: null, sms: false })).toBe('已退回：预审未通过，请申请人登录网上办事大厅“我的办件”查看退回理由。');
    expect(statusNotesOf({ status: 'returned', kase: null })).not.toContain('短信');
    expect(statusNotesOf({ status: 'pre_review', kase: null, sms: true })).toContain('结果以短信告知申请人');
    expect(statusNotesOf({ status: 'pre_review', kase: null, sms: false })).not.toContain('短信');
  });
});

describe('the date range of GET requests', () => {
  const now = new Date('2026-03-02T01:00:00Z');

  it('the last 90 days by default; zone required; at most 90 days; start not after end', () => {
    const d = requestDateRange(undefined, undefined, now);
    expect(d.ok && [d.from.toISOString(), d.to.toISOString()]).toEqual(['2025-12-02T01:00:00.000Z', '2026-03-02T01:00:00.000Z']);
    expect(requestDateRange('2026-03-01T00:00:00', undefined, now).ok).toBe(false);
    expect(requestDateRange('2026-03-01', undefined, now).ok).toBe(false);
    expect(requestDateRange('2026-03-02T00:00:00+08:00', '2026-03-01T00:00:00+08:00', now).ok).toBe(false);
    const r = requestDateRange('2026-01-01T00:00:00Z', undefined, now);
    expect(r.ok && r.to.toISOString()).toBe(now.toISOString());
  });

  it('any two valid instants: accepted exactly when at most 90 days apart and in order', () => {
    const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const r = requestDateRange(a.toISOString(), b.toISOString(), now);
        const gap = b.getTime() - a.getTime();
        expect(r.ok).toBe(gap >= 0 && gap <= 90 * 86_400_000);
      }),
    );
  });
});
