import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consultationNumber,
  decideConsultation,
  queryCodeOf,
  consultationQueryUrlAt,
  smsAnswer,
  SMS_ANSWER_LIMIT,
} from '../../src/domain/consultations/consultations.js';
import { faqOwner, moveEntry, nextPosition, orderFaq } from '../../src/domain/consultations/faq.js';
import { groupQuestions, questionContent, type AskedQuestion } from '../../src/domain/consultations/questions.js';

const q = (id: string, question: string, askedAt = `2026-12-0${(Number(id.replace(/\D/g, '')) % 9) + 1}T01:00:00.000Z`, answer: string | null = '答复'): AskedQuestion => ({
  id,
  question,
  answer,
  askedAt,
  faqId: null,
});

describe('grouping similar questions', () => {
  it('drops punctuation, spaces, full-width forms and polite fillers', () => {
    expect(questionContent('请问，办低保需要带什么材料吗？')).toBe(questionContent('办低保需要带什么材料'));
    expect(questionContent('您好！ 办低保需要带什么材料呢')).toBe('办低保需要带什么材料');
    expect(questionContent('ＡＢＣ１２３')).toBe('abc123');
  });

  it('groups questions asked in other words and counts them, most asked first', () => {
    const groups = groupQuestions([
      q('1', '办低保需要带什么材料？'),
      q('2', '请问办低保要带什么材料'),
      q('3', '低保需要什么材料'),
      q('4', '低保多久能办下来？'),
      q('5', '办低保需要带什么材料？'),
      q('6', '低保一般多久能办下来'),
      q('7', '残疾证在哪里办'),
    ]);
    expect(groups.map((g) => g.count)).toEqual([4, 2, 1]);
    expect(groups[0]!.question).toBe('办低保需要带什么材料？');
    expect(groups[0]!.ids.sort()).toEqual(['1', '2', '3', '5']);
    expect(groups[2]!.question).toBe('残疾证在哪里办');
  });

  it('the sample to promote is the latest answered question', () => {
    const [g] = groupQuestions([q('a1', '低保要什么材料', '2026-12-01T01:00:00.000Z', '身份证户口本'), q('a2', '低保要什么材料', '2026-12-02T01:00:00.000Z', null)]);
    expect(g!.sampleId).toBe('a1');
    expect(g!.answer).toBe('身份证户口本');
    expect(g!.lastAskedAt).toBe('2026-12-02T01:00:00.000Z');
  });

  const questions = fc.array(
    fc.record({
      id: fc.uuid(),
      question: fc.oneof(fc.constantFrom('低保要什么材料', '请问低保要什么材料？', '残疾证在哪办', '医保怎么交', '医保怎么交呢', '！！'), fc.string({ maxLength: 12 })),
      answer: fc.option(fc.string({ maxLength: 5 }), { nil: null }),
      askedAt: fc.integer({ min: 0, max: 10_000 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString()),
      faqId: fc.constant(null),
    }),
    { maxLength: 40 },
  );

  it('every question is in exactly one group and the counts add up (property)', () => {
    fc.assert(
      fc.property(questions, (list) => {
        const unique = [...new Map(list.map((x) => [x.id, x])).values()];
        const groups = groupQuestions(unique);
        const ids = groups.flatMap((g) => g.ids);
        expect(ids.length).toBe(unique.length);
        expect(new Set(ids).size).toBe(unique.length);
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(unique.length);
        for (let i = 1; i < groups.length; i++) expect(groups[i - 1]!.count).toBeGreaterThanOrEqual(groups[i]!.count);
      }),
    );
  });

  it('questions with the same content always share a group, whatever the order (property)', () => {
    fc.assert(
      fc.property(questions, fc.integer(), (list, seed) => {
        const unique = [...new Map(list.map((x) => [x.id, x])).values()];
        const shuffled = [...unique].sort((a, b) => ((a.id.charCodeAt(0) * seed) % 7) - ((b.id.charCodeAt(0) * seed) % 7));
        const groupOf = new Map<string, number>();
        groupQuestions(shuffled).forEach((g, i) => g.ids.forEach((id) => groupOf.set(id, i)));
        for (const a of unique) for (const b of unique) {
          if (questionContent(a.question) === questionContent(b.question)) expect(groupOf.get(a.id)).toBe(groupOf.get(b.id));
        }
        // the grouping does not depend on the order the rows came in
        expect(groupQuestions(shuffled)).toEqual(groupQuestions(unique));
      }),
    );
  });
});

describe('ordering of FAQ entries', () => {
  const entries = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), position: fc.integer({ min: 1, max: 50 }) }), { selector: (e) => e.id, maxLength: 15 });

  it('moving keeps every entry once, numbers them 1..n and puts the moved one where asked (property)', () => {
    fc.assert(
      fc.property(entries, fc.nat(), fc.integer({ min: -3, max: 20 }), (list, pick, to) => {
        if (list.length === 0) return;
        const moved = list[pick % list.length]!;
        const after = moveEntry(list, moved.id, to);
        expect(after.map((e) => e.position)).toEqual(list.map((_e, i) => i + 1));
        expect(new Set(after.map((e) => e.id))).toEqual(new Set(list.map((e) => e.id)));
        expect(after.findIndex((e) => e.id === moved.id)).toBe(Math.max(0, Math.min(list.length - 1, to)));
        // the others keep their order
        const before = orderFaq(list).map((e) => e.id).filter((id) => id !== moved.id);
        expect(after.map((e) => e.id).filter((id) => id !== moved.id)).toEqual(before);
      }),
    );
  });

  it('moving back where it was gives the original order (property)', () => {
    fc.assert(
      fc.property(entries, fc.nat(), fc.nat({ max: 20 }), (list, pick, to) => {
        if (list.length === 0) return;
        const original = orderFaq(list).map((e) => e.id);
        const id = list[pick % list.length]!.id;
        const back = moveEntry(moveEntry(list, id, to), id, original.indexOf(id));
        expect(back.map((e) => e.id)).toEqual(original);
      }),
    );
  });

  it('a new entry goes last; ties in position are ordered by id', () => {
    expect(nextPosition([])).toBe(1);
    expect(nextPosition([{ id: 'a', position: 3 }, { id: 'b', position: 1 }])).toBe(4);
    expect(orderFaq([{ id: 'b', position: 1 }, { id: 'a', position: 1 }, { id: 'c', position: 0 }]).map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });

  it('a center without its own FAQ shows the nearest one above it', () => {
    expect(faqOwner(['village', 'town', 'county'], new Set(['county', 'town']))).toBe('town');
    expect(faqOwner(['village', 'town'], new Set())).toBeNull();
  });
});

describe('consultation rules', () => {
  it('answers a pending question once; promotes only an answered one', () => {
    expect(decideConsultation('pending', 'answer')).toEqual({ ok: true, to: 'answered' });
    expect(decideConsultation('answered', 'answer')).toMatchObject({ ok: false, status: 409, code: 'CONSULTATION_ALREADY_ANSWERED' });
    expect(decideConsultation('pending', 'promote')).toMatchObject({ ok: false, code: 'CONSULTATION_NOT_ANSWERED' });
    expect(decideConsultation('answered', 'promote')).toEqual({ ok: true, to: null });
  });

  it('numbers, query codes and the SMS answer', () => {
    expect(consultationNumber('2026-12-06', 7)).toBe('ZX202612060007');
    fc.assert(fc.property(fc.integer(), (n) => { expect(queryCodeOf(n)).toMatch(/^\d{6}$/); }));
    expect(smsAnswer('  带身份证\n和户口本 ')).toEqual({ answer: '带身份证 和户口本', more: '' });
    const long = smsAnswer('很'.repeat(SMS_ANSWER_LIMIT + 5));
    expect([...long.answer].length).toBe(SMS_ANSWER_LIMIT + 2);
    expect(long.more).toContain('查询码');
    // with the public address: the query's address, number filled in, last and with nothing after it
    const url = consultationQueryUrlAt('http://bm.qinghe.gov.cn/', 'ZX202612060007');
    expect(url).toBe('http://bm.qinghe.gov.cn/consult/query?no=ZX202612060007');
    expect(smsAnswer('很'.repeat(SMS_ANSWER_LIMIT + 5), url).more).toBe('完整答复请凭查询码查看：http://bm.qinghe.gov.cn/consult/query?no=ZX202612060007');
    expect(smsAnswer('带身份证', url).more).toBe('');
  });
});
