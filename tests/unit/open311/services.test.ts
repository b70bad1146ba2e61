// The catalog as Open311 services (src/domain/open311/services.ts), discovery and date-times.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactOf, discoveryOf, endpointUrl, keyServiceOf } from '../../../src/domain/open311/discovery.js';
import {
  materialAttributeCodes,
  materialOfAttribute,
  serviceAttributes,
  serviceDefinitionOf,
  serviceDescription,
  serviceOf,
  serviceTypeOf,
  BATCH_MATERIALS,
  type ServiceItem,
} from '../../../src/domain/open311/services.js';
import { isoWithOffset } from '../../../src/domain/open311/time.js';

const item: ServiceItem = {
  code: 'MZ-003',
  name: '城乡居民最低生活保障',
  aliases: ['低保', '低保户'],
  category: '社会救助',
  department: '县民政局',
  kind: 'promised',
  promisedDays: 20,
  conditions: '共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定。户籍在本县。',
  fee: { amount: 0, basis: '不收费' },
  onlineAllowed: true,
  materials: [
    { name: '最低生活保障申请书', main: true, copies: 1, original: true },
    { name: '家庭收入及财产情况说明', main: false, copies: 2, original: false },
  ],
};

describe('services', () => {
  it('an item as a service: code, name, summary, metadata, realtime, 俗称 as keywords, category as group', () => {
    expect(serviceOf(item)).toEqual({
      service_code: 'MZ-003',
      service_name: '城乡居民最低生活保障',
      description: '县民政局实施的承诺件，承诺20个工作日内办结，不收费。办理条件：共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定。',
      metadata: true,
      type: 'realtime',
      keywords: '低保,低保户',
      group: '社会救助',
    });
    // five materials or more: batch (a token, the application by the job)
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `材料${i + 1}`, main: i === 0, copies: 1, original: false }));
    expect(serviceOf({ ...item, materials: five }).type).toBe('batch');
    expect(serviceDescription({ ...item, kind: 'immediate', promisedDays: 0, fee: { amount: 12.5, basis: 'x' }, conditions: '甲'.repeat(100) })).toBe(
      `县民政局实施的即办件，当场办结，收费12.5元。办理条件：${'甲'.repeat(60)}…`,
    );
  });

  it('type: batch exactly when the 办事指南 lists BATCH_MATERIALS materials or more, whatever they are', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 10 }), main: fc.boolean(), copies: fc.integer({ min: 1, max: 9 }), original: fc.boolean() }), { maxLength: 12 }), (materials) => {
        expect(serviceTypeOf({ materials })).toBe(materials.length >= BATCH_MATERIALS ? 'batch' : 'realtime');
      }),
    );
  });

  it('attributes: the applicant (4), then each material, 主件 required, orders 1…n', () => {
    const attributes = serviceAttributes(item);
    expect(attributes.map((a) => a.order)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(attributes.slice(4).map((a) => [a.required, a.datatype])).toEqual([
      [true, 'string'],
      [false, 'string'],
    ]);
    expect(attributes[4]!.description).toBe('申报材料：最低生活保障申请书（主件，1份，受理时须出示原件核对）');
    expect(attributes[5]!.description).toBe('申报材料：家庭收入及财产情况说明（附件，2份）');
    expect(serviceDefinitionOf(item).attributes[1]).not.toHaveProperty('values');
    expect(serviceDefinitionOf(item).attributes[0]).toHaveProperty('values');
  });

  it('a material’s code depends on its name only, is unique within an item, and maps back', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && s === s.trim()), { minLength: 1, maxLength: 30 }), (names) => {
        const materials = names.map((name) => ({ name }));
        const codes = materialAttributeCodes(materials);
        expect(new Set(codes).size).toBe(codes.length);
        codes.forEach((code, i) => {
          expect(code).toMatch(/^MATERIAL_[0-9A-F]{8}(_\d+)?$/);
          expect(materialOfAttribute(materials, code)).toBe(materials[i]);
        });
        // reordering keeps every code of a name (no collisions in practice; the hash of a name is fixed)
        const reversed = materialAttributeCodes([...materials].reverse());
        if (new Set(codes.map((c) => c.slice(0, 17))).size === codes.length) expect(reversed).toEqual([...codes].reverse());
      }),
    );
    expect(materialOfAttribute(item.materials, 'APPLICANT_NAME')).toBeNull();
  });
});

describe('discovery', () => {
  const center = { name: '清河县政务服务中心', address: '清河县人民路1号', phone: '0371-1234 5678' };
  it('contact and key_service name the center, its phone and the supervision phone', () => {
    expect(contactOf({ center, supervisionPhone: '0371-6688 1200' })).toBe('清河县政务服务中心；地址：清河县人民路1号；电话：0371-1234 5678；监督电话：0371-6688 1200');
    expect(contactOf({ center: { name: '清河县政务服务中心', address: null, phone: null }, supervisionPhone: null })).toBe('清河县政务服务中心');
    expect(keyServiceOf({ center })).toContain('系统管理员');
  });

  it('the endpoint is the public address plus /open311/v2, without a doubled slash', () => {
    expect(endpointUrl('https://a.example.cn/')).toBe('https://a.example.cn/open311/v2');
    expect(endpointUrl('https://a.example.cn/bm')).toBe('https://a.example.cn/bm/open311/v2');
    const d = discoveryOf({ center, supervisionPhone: null, publicUrl: 'https://a.example.cn', changeset: 'c1', endpointChangeset: 'c2' });
    expect(d.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://a.example.cn/open311/v2', changeset: 'c2', type: 'production', formats: ['text/xml', 'application/json'] },
    ]);
  });
});

describe('isoWithOffset', () => {
  it('writes local time with the zone’s offset', () => {
    expect(isoWithOffset(new Date('2026-03-02T01:05:09.999Z'), 'Asia/Shanghai')).toBe('2026-03-02T09:05:09+08:00');
    expect(isoWithOffset(new Date('2026-12-31T20:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01T04:00:00+08:00');
    expect(isoWithOffset(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00-04:00');
    expect(isoWithOffset(new Date('2026-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-07-01T17:30:00+05:30');
  });

  it('names the same instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(Date.parse(isoWithOffset(d, 'Asia/Shanghai'))).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
    );
  });
});
