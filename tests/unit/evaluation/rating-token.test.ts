// The rating link's token (/rate?t=…): one spelling per token, so "改动一个字符即无效" holds for every character,
// including the last one of each base64url part whose spare bits a lenient decoder ignores.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url, formatRatingToken, parseRatingToken, type LinkChannel } from '../../../src/domain/evaluation/rating-token.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });
const channel = fc.constantFrom<LinkChannel>('qr', 'sms');
const token = fc.tuple(channel, fc.uuid(), bytes16).map(([ch, id, mac]) => ({ ch, id, mac, text: formatRatingToken(ch, id, mac) }));
// any character a person could type or a scanner misread in place of the original
const replacement = fc.oneof(fc.constantFrom(...ALPHABET, '.', '=', '+', '/'), fc.string({ minLength: 1, maxLength: 1 }));

describe('rating token', () => {
  it('encodes as Node does and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        const text = encodeBase64Url(b);
        expect(text).toBe(Buffer.from(b).toString('base64url'));
        expect(decodeBase64Url(text)).toEqual(b);
      }),
    );
  });

  it('reads back the case, the channel and the MAC it was made from', () => {
    fc.assert(
      fc.property(token, ({ ch, id, mac, text }) => {
        expect(text).toMatch(/^[qs][A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
        expect(parseRatingToken(text)).toEqual({ channel: ch, caseId: id.toLowerCase(), mac });
      }),
    );
  });

  it('changing any one character never reads as the same case, channel and MAC', () => {
    fc.assert(
      fc.property(token, fc.nat(), replacement, ({ text }, at, c) => {
        const i = at % text.length;
        fc.pre(c !== text[i]);
        const changed = `${text.slice(0, i)}${c}${text.slice(i + 1)}`;
        const original = parseRatingToken(text)!;
        const read = parseRatingToken(changed);
        // null, or something else: then the MAC check fails, since the MAC is over the channel and case
        if (read) expect(read.channel !== original.channel || read.caseId !== original.caseId || encodeBase64Url(read.mac) !== encodeBase64Url(original.mac)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses the last character changed to one that a lenient decoder reads as the same bytes', () => {
    const text = formatRatingToken('qr', '0190c5a4-7a2b-7c3d-8e4f-a1b2c3d4e5f6', new Uint8Array(16).fill(7));
    const last = text.at(-1)!;
    const twin = ALPHABET[ALPHABET.indexOf(last) + 1]!; // differs only in the 4 spare bits
    const changed = `${text.slice(0, -1)}${twin}`;
    expect(Buffer.from(changed.split('.')[1]!, 'base64url')).toEqual(Buffer.from(text.split('.')[1]!, 'base64url'));
    expect(parseRatingToken(changed)).toBeNull();
    expect(decodeBase64Url('AB')).toBeNull(); // "AA" is the only spelling of one zero byte
    expect(decodeBase64Url('AA')).toEqual(new Uint8Array([0]));
  });
});
