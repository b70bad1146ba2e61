import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertSameRequest, canonicalJson, requestFingerprint, sameRequest } from '../../src/db/idempotency.js';

/** A small seeded generator, so a property run can write every object's keys in another order. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same value with every object's keys written in a shuffled order (at every depth). */
function reordered(value: unknown, rand: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reordered(v, rand));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  // fromEntries defines each key as the object's own, "__proto__" included (an assignment would set the prototype)
  return Object.fromEntries(keys.map((k) => [k, reordered((value as Record<string, unknown>)[k], rand)]));
}

/** What a value carries once sent as JSON (how a body arrives): -0 is 0, key order does not count. */
const sent = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the fingerprint of an idempotent request', () => {
  it('does not depend on the order of the keys, at any depth', () => {
    // the key fast-check once found: a body with its own "__proto__" (JSON.parse makes it an ordinary key)
    const proto = JSON.parse('{"__proto__":{"b":1,"a":2},"x":[{"d":0,"c":null}]}') as unknown;
    expect(requestFingerprint('r', reordered(proto, seeded(7)))).toBe(requestFingerprint('r', proto));
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), fc.integer(), (route, body, seed) => {
        expect(requestFingerprint(route, reordered(body, seeded(seed)))).toBe(requestFingerprint(route, body));
      }),
      { numRuns: 300 },
    );
  });

  it('changes with any change of content', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        fc.pre(!isDeepStrictEqual(sent(a), sent(b)));
        expect(requestFingerprint('POST /api/cases', a)).not.toBe(requestFingerprint('POST /api/cases', b));
      }),
      { numRuns: 300 },
    );
  });

  it('changes when one field of a form is changed, added or left out', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }),
        fc.nat(),
        fc.jsonValue(),
        (form, pick, value) => {
          const key = Object.keys(form)[pick % Object.keys(form).length]!;
          const before = requestFingerprint('POST /api/consultations', form);
          if (!isDeepStrictEqual(sent(form[key]), sent(value))) {
            expect(requestFingerprint('POST /api/consultations', { ...form, [key]: value })).not.toBe(before);
          }
          const { [key]: _left, ...without } = form;
          expect(requestFingerprint('POST /api/consultations', without)).not.toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells the same body on two routes apart', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.jsonValue(), (a, b, body) => {
        fc.pre(a !== b);
        expect(requestFingerprint(a, body)).not.toBe(requestFingerprint(b, body));
      }),
    );
  });

  it('writes a canonical JSON text that reads back as the same content', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(sent(v));
      }),
    );
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: '甲' } })).toBe('{"a":{"c":"甲","d":[2,{"e":null,"f":1}]},"b":1}');
  });

  it('the field tester’s two applicants differ; an optional field not sent is the same as left out', () => {
    const body = (name: string) => ({ itemCode: 'MZ-002', channel: 'window', applicant: { name, phone: '13812345678' }, materials: [] });
    expect(requestFingerprint('POST /api/cases', body('测试甲'))).not.toBe(requestFingerprint('POST /api/cases', body('测试乙')));
    expect(requestFingerprint('r', { a: 1, note: undefined })).toBe(requestFingerprint('r', { a: 1 }));
    expect(requestFingerprint('r', { a: 1, note: null })).not.toBe(requestFingerprint('r', { a: 1 }));
    expect(requestFingerprint('r', [1, 2])).not.toBe(requestFingerprint('r', [2, 1]));
    expect(requestFingerprint('r', { n: 1 })).not.toBe(requestFingerprint('r', { n: '1' }));
  });

  it('stands in for uploaded bytes by their content', () => {
    fc.assert(
      fc.property(fc.uint8Array(), fc.uint8Array(), (a, b) => {
        const same = requestFingerprint('r', { file: a }) === requestFingerprint('r', { file: b });
        expect(same).toBe(Buffer.from(a).equals(Buffer.from(b)));
      }),
    );
  });

  it('answers a replay only for the same fingerprint; a key stored before fingerprints were kept is a replay', () => {
    const fp = requestFingerprint('r', { a: 1 });
    expect(sameRequest(fp, fp)).toBe(true);
    expect(sameRequest(null, fp)).toBe(true);
    expect(sameRequest(undefined, fp)).toBe(true);
    expect(sameRequest(requestFingerprint('r', { a: 2 }), fp)).toBe(false);
    expect(() => assertSameRequest(requestFingerprint('r', { a: 2 }), fp)).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', status: 422 }));
    expect(() => assertSameRequest(null, fp)).not.toThrow();
  });
});
