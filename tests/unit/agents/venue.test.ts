// Where to send a villager the village cannot serve: the nearest center above that offers the item at a level its
// guide allows, with that center's window, address, phone and hours.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORG_LEVELS, type OrgLevel } from '../../../src/domain/orgs/tree.js';
import { hoursText, notHereText, placeToApply, venueText, type CenterAbove } from '../../../src/domain/agents/venue.js';

const HOURS = { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] };
const township: CenterAbove = {
  level: 'township',
  centerName: '柳河镇便民服务中心',
  address: '清河县柳河镇政府院内',
  phone: '0371-6688 2101',
  hours: HOURS,
  offers: true,
  offeringWindow: '户籍窗口',
};
const county: CenterAbove = {
  level: 'county',
  centerName: '清河县政务服务中心',
  address: '清河县人民路 88 号',
  phone: '0371-6688 1234',
  hours: HOURS,
  offers: true,
  offeringWindow: '婚姻收养登记窗口',
};

describe('placeToApply', () => {
  it('the nearest center that offers the item: 身份证 at the township’s 户籍窗口', () => {
    const v = placeToApply({ acceptLevels: ['township', 'county'], window: '户籍窗口' }, [township, county]);
    expect(v).toMatchObject({ centerName: '柳河镇便民服务中心', window: '户籍窗口', address: '清河县柳河镇政府院内' });
    expect(venueText(v!)).toBe('柳河镇便民服务中心户籍窗口（地址：清河县柳河镇政府院内；办公时间：工作日 08:30–12:00、14:30–17:30；电话：0371-6688 2101）');
  });

  it('skips a level the guide does not allow: 结婚登记 at the county', () => {
    const v = placeToApply({ acceptLevels: ['county'], window: '婚姻收养登记窗口' }, [township, county]);
    expect(v).toMatchObject({ level: 'county', centerName: '清河县政务服务中心', window: '婚姻收养登记窗口' });
  });

  it('skips a center that does not offer it, and falls back to the guide’s window when none offers it', () => {
    expect(placeToApply({ acceptLevels: ['township', 'county'], window: '户籍窗口' }, [{ ...township, offers: false }, county])).toMatchObject({ level: 'county' });
    const none = placeToApply({ acceptLevels: ['township'], window: '劳动保障窗口' }, [{ ...township, offers: false, offeringWindow: null }, county]);
    expect(none).toMatchObject({ level: 'township', window: '劳动保障窗口' });
    expect(placeToApply({ acceptLevels: ['village'], window: '民生事务窗口' }, [township, county])).toBeNull();
  });

  it('leaves out what the data does not know', () => {
    expect(venueText({ level: 'township', centerName: '石桥乡便民服务中心', window: null, address: null, phone: null, hours: null })).toBe('石桥乡便民服务中心');
    expect(hoursText({ sessions: [] })).toBeNull();
  });

  it('for any tree above, names only a center at an allowed level, the nearest that offers it if any', () => {
    const centerArb = fc.record({ level: fc.constantFrom<OrgLevel>(...ORG_LEVELS), offers: fc.boolean(), n: fc.nat(99) }).map(
      (r): CenterAbove => ({ level: r.level, offers: r.offers, centerName: `中心${r.n}`, offeringWindow: r.offers ? `窗口${r.n}` : null, address: null, phone: null, hours: null }),
    );
    fc.assert(
      fc.property(fc.array(centerArb, { maxLength: 4 }), fc.subarray([...ORG_LEVELS], { minLength: 1 }), (above, acceptLevels) => {
        const v = placeToApply({ acceptLevels, window: '指南窗口' }, above);
        const allowed = above.filter((c) => acceptLevels.includes(c.level));
        if (allowed.length === 0) return v === null;
        const offering = allowed.find((c) => c.offers);
        const expected = offering ?? allowed[0]!;
        return v !== null && v.centerName === expected.centerName && v.window === (offering ? offering.offeringWindow : '指南窗口');
      }),
    );
  });
});

describe('notHereText', () => {
  it('says plainly that this center cannot, where to go, and who must go', () => {
    const v = placeToApply({ acceptLevels: ['county'], window: '婚姻收养登记窗口' }, [township, county])!;
    expect(notHereText({ levelName: '村', itemName: '结婚登记', inPerson: true, venue: v })).toBe(
      '本村不能办理“结婚登记”。请申请人本人到清河县政务服务中心婚姻收养登记窗口（地址：清河县人民路 88 号；办公时间：工作日 08:30–12:00、14:30–17:30；电话：0371-6688 1234）办理。',
    );
    expect(notHereText({ levelName: '嘎查', itemName: '跨省异地就医备案', inPerson: false, venue: { ...v, address: null, phone: null, hours: null } })).toBe(
      '本嘎查不能办理“跨省异地就医备案”。请群众到清河县政务服务中心婚姻收养登记窗口办理。',
    );
    expect(notHereText({ levelName: '村', itemName: '失业登记', inPerson: true, venue: null })).toBe('本村不能办理“失业登记”。请申请人本人到上级便民服务中心咨询办理地点。');
  });
});
