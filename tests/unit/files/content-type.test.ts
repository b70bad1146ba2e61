import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUpload, extensionOf, sizeText, sniffType, UPLOAD_LIMITS } from '../../../src/domain/files/content-type.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
const photo = UPLOAD_LIMITS.staffPhoto;

describe('file type by content (magic bytes)', () => {
  it('tells PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(PNG)).toBe('image/png');
  });

  it('knows nothing else, nor a cut-off signature', () => {
    expect(sniffType(bytes())).toBeNull();
    expect(sniffType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffType(Buffer.from('MZ\x90\x00'))).toBeNull(); // a Windows program
    expect(sniffType(Buffer.from('<html>'))).toBeNull();
    expect(sniffType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffType(PNG.slice(0, 7))).toBeNull();
    expect(sniffType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b))).toBeNull();
  });

  it('never depends on what follows the signature', () => {
    fc.assert(
      fc.property(fc.constantFrom(PDF, JPEG, PNG), fc.uint8Array({ maxLength: 200 }), (head, tail) => {
        expect(sniffType(Uint8Array.from([...head, ...tail]))).toBe(sniffType(head));
      }),
    );
  });

  it('reads the extension of a name, in any case, with paths and without one', () => {
    expect(extensionOf('照片.JPG')).toBe('jpg');
    expect(extensionOf('C:\\Users\\王\\证件照.jpeg')).toBe('jpeg');
    expect(extensionOf('a.tar.png')).toBe('png');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
  });
});

describe('checkUpload', () => {
  it('accepts a photo whose name agrees with its content, or that has no extension', () => {
    expect(checkUpload(JPEG, photo, '证件照.jpg')).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkUpload(JPEG, photo, 'photo.JPEG')).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkUpload(PNG, photo, 'photo.png')).toEqual({ ok: true, type: 'image/png' });
    expect(checkUpload(PNG, photo, 'blob')).toEqual({ ok: true, type: 'image/png' });
    expect(checkUpload(PNG, photo)).toEqual({ ok: true, type: 'image/png' });
  });

  it('refuses a name that says another type than the content, in Chinese', () => {
    const v = checkUpload(PNG, photo, '证件照.jpg');
    expect(v).toMatchObject({ ok: false, code: 'FILE_NAME_MISMATCH', status: 415 });
    expect(!v.ok && v.message).toContain('扩展名是 .jpg，但文件内容是 PNG 图片');
    expect(checkUpload(JPEG, photo, 'photo.exe')).toMatchObject({ ok: false, code: 'FILE_NAME_MISMATCH' });
  });

  it('refuses content of a type the use does not take, and content of no known type', () => {
    const pdf = checkUpload(PDF, photo, 'scan.jpg');
    expect(pdf).toMatchObject({ ok: false, code: 'FILE_TYPE_NOT_ALLOWED', status: 415 });
    expect(!pdf.ok && pdf.message).toBe('该文件是 PDF 文件，人员照片只接受 JPEG 图片或 PNG 图片。');
    expect(checkUpload(Buffer.from('MZ this is a program'), photo, 'photo.jpg')).toMatchObject({ ok: false, code: 'FILE_TYPE_UNKNOWN', status: 415 });
    expect(checkUpload(PDF, UPLOAD_LIMITS.material, '申请表.pdf')).toEqual({ ok: true, type: 'application/pdf' });
  });

  it('refuses an empty file and one over the limit, saying the limit', () => {
    expect(checkUpload(bytes(), photo, 'a.jpg')).toMatchObject({ ok: false, code: 'FILE_EMPTY', status: 400 });
    const big = new Uint8Array(photo.maxBytes + 1);
    big.set(JPEG);
    const v = checkUpload(big, photo, 'a.jpg');
    expect(v).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE', status: 413 });
    expect(!v.ok && v.message).toBe('人员照片不能超过 2 MB，请压缩或缩小后重新上传。');
    const exact = new Uint8Array(photo.maxBytes);
    exact.set(JPEG);
    expect(checkUpload(exact, photo, 'a.jpg').ok).toBe(true);
  });

  it('writes sizes as a clerk reads them', () => {
    expect(sizeText(2 * 1024 * 1024)).toBe('2 MB');
    expect(sizeText(10 * 1024 * 1024)).toBe('10 MB');
    expect(sizeText(1536 * 1024)).toBe('1.5 MB');
    expect(sizeText(500 * 1024)).toBe('500 KB');
    expect(sizeText(12)).toBe('12 字节');
  });
});
