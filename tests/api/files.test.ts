// 文件存储 (ARCHITECTURE.md "Files") and its first use, staff photos for 政务公开: the folder store and the S3 store
// (against a local server playing S3 that verifies every SigV4 signature), uploads checked by content and size with
// nothing stored on a refusal, the public photo address with its ETag, removal, reference counts, the audit.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../src/domain/files/content-type.js';
import { folderFileStore } from '../../src/modules/files/folder.js';
import { s3FileStore } from '../../src/modules/files/s3.js';
import { FileStoreError } from '../../src/modules/files/store.js';
import type { S3StorageConfig } from '../../src/server/config.js';
import { jpegLike, portraitPng } from '../support/images.js';
import { startFakeS3, type FakeS3 } from './support/fake-s3.js';
import { multipart } from './support/multipart.js';
import { DIALECTS, signIn, startTestApp, type TestApp } from './support/test-app.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const photo = UPLOAD_LIMITS.staffPhoto;

/** Every file under a folder, recursively (what the folder store holds). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const s3ConfigOf = (fake: FakeS3, patch: Partial<S3StorageConfig> = {}): S3StorageConfig => ({
  kind: 's3',
  endpoint: fake.endpoint,
  bucket: fake.bucket,
  region: fake.region,
  accessKeyId: fake.accessKeyId,
  secretAccessKey: fake.secretAccessKey,
  prefix: '',
  timeoutMs: 5_000,
  ...patch,
});

describe('folder file store (DATA_DIR/files)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bianmin-folder-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each content once under ab/cd/<hash>, leaving no temporary files, even when put at the same moment', async () => {
    const store = folderFileStore(dir);
    const png = portraitPng(30, 30);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(png, photo, 'a.png')));
    const hash = sha256(png);
    expect(new Set(results.map((r) => r.hash))).toEqual(new Set([hash]));
    expect(filesUnder(dir)).toEqual([join(dir, hash.slice(0, 2), hash.slice(2, 4), hash)]);
    expect(await store.get(hash)).toEqual(png);
    expect(await store.get('0'.repeat(64))).toBeNull();
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'FILE_HASH_INVALID', status: 400 });
  });

  it('never hands out a file whose content no longer matches its hash', async () => {
    const store = folderFileStore(dir);
    const { hash } = await store.put(jpegLike(3000, 4), photo, 'b.jpg');
    writeFileSync(join(dir, hash.slice(0, 2), hash.slice(2, 4), hash), jpegLike(3000, 5));
    await expect(store.get(hash)).rejects.toThrow(/内容已损坏（与其摘要不符）/);
    await store.delete(hash);
    expect(await store.get(hash)).toBeNull();
  });
});

describe('S3 file store (a local server playing S3, checking every SigV4 signature)', () => {
  let fake: FakeS3;
  beforeAll(async () => {
    fake = await startFakeS3();
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.objects.clear();
    fake.log.length = 0;
  });

  it('puts, gets and deletes by content hash; the same content is sent once', async () => {
    const store = s3FileStore(s3ConfigOf(fake));
    const png = portraitPng();
    const stored = await store.put(png, photo, '证件照.png');
    expect(stored).toEqual({ hash: sha256(png), size: png.length, type: 'image/png' });
    expect(fake.objects.get(stored.hash)).toEqual(png);
    // every request was signed and the fake found the signature right
    expect(fake.log.map((l) => `${l.method} ${l.status}`)).toEqual(['HEAD 404', 'PUT 200']);
    expect(await store.get(stored.hash)).toEqual(png);
    await store.put(png, photo, 'again.png');
    expect(fake.log.filter((l) => l.method === 'PUT')).toHaveLength(1);
    await store.delete(stored.hash);
    expect(fake.objects.size).toBe(0);
    expect(await store.get(stored.hash)).toBeNull();
    await store.delete(stored.hash); // nothing there: no error
    expect(fake.log.every((l) => !l.error || l.error === 'NoSuchKey')).toBe(true);
  });

  it('keeps keys under S3_PREFIX and encodes the path as signed', async () => {
    const store = s3FileStore(s3ConfigOf(fake, { prefix: '/县中心 files/' }));
    const jpeg = jpegLike();
    const { hash } = await store.put(jpeg, photo, 'a.jpg');
    expect([...fake.objects.keys()]).toEqual([`县中心 files/${hash}`]);
    expect(await store.get(hash)).toEqual(jpeg);
  });

  it('a wrong secret: the fake refuses the signature and put fails with a clear Chinese error', async () => {
    const store = s3FileStore(s3ConfigOf(fake, { secretAccessKey: 'not-the-secret' }));
    const error = await store.put(portraitPng(), photo, 'a.png').then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(FileStoreError);
    expect((error as FileStoreError).status).toBe(503);
    expect((error as Error).message).toBe('文件存储服务拒绝了保存文件（签名不符：请核对 S3_SECRET_ACCESS_KEY 和 S3_REGION，并确认服务器时间准确）。');
    expect(fake.log.map((l) => l.error)).toEqual(['SignatureDoesNotMatch', 'SignatureDoesNotMatch']);
    expect(fake.objects.size).toBe(0);
  });

  it('a wrong region, key id or bucket: refused with what to check', async () => {
    const refusal = (patch: Partial<S3StorageConfig>) =>
      s3FileStore(s3ConfigOf(fake, patch)).put(jpegLike(), photo).then(() => '', (e: unknown) => (e as Error).message);
    expect(await refusal({ region: 'us-east-1' })).toContain('签名不符');
    expect(await refusal({ accessKeyId: 'WHO' })).toContain('访问密钥不存在：请核对 S3_ACCESS_KEY_ID');
    expect(await refusal({ bucket: 'nope' })).toContain('存储桶不存在：请核对 S3_BUCKET');
    expect(fake.objects.size).toBe(0);
  });

  it('a body that does not match its signed hash is refused by the store (the fake checks x-amz-content-sha256)', async () => {
    // a signed PUT whose body changed on the way: signed for one content, sent with another
    const { signRequest, sha256Hex } = await import('../../src/modules/files/sigv4.js');
    const url = new URL(`${fake.endpoint}/${fake.bucket}/x`);
    const headers = signRequest({ method: 'PUT', url, headers: { host: url.host }, payloadHash: sha256Hex('original') }, s3ConfigOf(fake), new Date());
    const response = await fetch(url, { method: 'PUT', headers, body: 'tampered' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('XAmzContentSHA256Mismatch');
    expect(fake.objects.size).toBe(0);
  });

  it('an unreachable endpoint says so', async () => {
    const store = s3FileStore(s3ConfigOf(fake, { endpoint: 'http://127.0.0.1:1' }));
    await expect(store.put(jpegLike(), photo)).rejects.toThrow('无法连接文件存储服务 http://127.0.0.1:1');
  });

  it('a refused upload never reaches the store', async () => {
    const store = s3FileStore(s3ConfigOf(fake));
    await expect(store.put(portraitPng(), photo, 'photo.jpg')).rejects.toMatchObject({ code: 'FILE_NAME_MISMATCH', status: 415 });
    await expect(store.put(Buffer.from('%PDF-1.7 ...'), photo, 'photo.jpg')).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(fake.log).toEqual([]);
  });
});

describe.each(DIALECTS)('人员照片 (%s)', (dialect) => {
  let t: TestApp;
  let dir: string;
  let admin: string;
  let director: string;
  let clerk: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bianmin-files-'));
    t = await startTestApp(dialect, { config: { files: { kind: 'folder', dir } } });
    for (const u of await t.database.db.selectFrom('users').select(['id', 'username']).execute()) ids.set(u.username, u.id);
    [admin, director, clerk] = await Promise.all([signIn(t.app, 'admin'), signIn(t.app, 'director'), signIn(t.app, 'clerk')]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (cookie: string, username: string, file: { name: string; content: Buffer; type?: string }) => {
    const body = multipart(file);
    return t.app.inject({ method: 'PUT', url: `/api/users/${ids.get(username)}/photo`, headers: { ...body.headers, cookie }, payload: body.payload });
  };
  const publicPhoto = (username: string, headers: Record<string, string> = {}, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/public/staff/${ids.get(username)}/photo${query}`, headers });
  const fileRows = () => t.database.db.selectFrom('files').selectAll().orderBy('hash').execute();
  const photoOf = async (username: string) =>
    (await t.database.db.selectFrom('users').select('photo_hash').where('username', '=', username).executeTakeFirstOrThrow()).photo_hash;
  const auditOf = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  it('the director uploads a clerk’s photo; the public address serves it with its type and ETag', async () => {
    const png = portraitPng();
    const res = await upload(director, 'clerk2', { name: '张磊.png', content: png, type: 'image/png' });
    expect(res.statusCode, res.body).toBe(200);
    const hash = sha256(png);
    expect(res.json()).toMatchObject({ username: 'clerk2', photoHash: hash });
    expect(await photoOf('clerk2')).toBe(hash);
    expect(await fileRows()).toEqual([expect.objectContaining({ hash, size: png.length, type: 'image/png', refs: 1, created_by: ids.get('director') })]);
    expect(filesUnder(dir)).toEqual([join(dir, hash.slice(0, 2), hash.slice(2, 4), hash)]);
    const audit = await auditOf('user.photo');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: ids.get('director'), target_id: ids.get('clerk2') });

    // no session needed: 政务公开
    const served = await publicPhoto('clerk2');
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers.etag).toBe(`"${hash}"`);
    expect(served.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(served.rawPayload).toEqual(png);
    // nothing else about the person goes out
    expect(served.body).not.toContain('张磊');
    const again = await publicPhoto('clerk2', { 'if-none-match': `"${hash}"` });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const versioned = await publicPhoto('clerk2', {}, `?v=${hash}`);
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const stale = await publicPhoto('clerk2', { 'if-none-match': '"0000"' });
    expect(stale.statusCode).toBe(200);
  });

  it('a .jpg whose content is not a JPEG is refused by its content, and nothing is stored', async () => {
    const before = { files: await fileRows(), disk: filesUnder(dir), photo: await photoOf('clerk') };
    const png = await upload(admin, 'clerk', { name: '证件照.jpg', content: portraitPng(60, 80, [200, 0, 0]), type: 'image/jpeg' });
    expect(png.statusCode).toBe(415);
    expect(png.headers['content-type']).toContain('application/problem+json');
    expect(png.json()).toMatchObject({ code: 'FILE_NAME_MISMATCH' });
    expect(png.json().title).toContain('扩展名是 .jpg，但文件内容是 PNG 图片，两者不符');
    const program = await upload(admin, 'clerk', { name: 'photo.jpg', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 7)]), type: 'image/jpeg' });
    expect(program.statusCode).toBe(415);
    expect(program.json()).toMatchObject({ code: 'FILE_TYPE_UNKNOWN' });
    expect(program.json().title).toContain('人员照片只接受 JPEG 图片或 PNG 图片');
    const pdf = await upload(admin, 'clerk', { name: 'photo.jpg', content: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'), type: 'image/jpeg' });
    expect(pdf.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', title: '该文件是 PDF 文件，人员照片只接受 JPEG 图片或 PNG 图片。' });
    expect({ files: await fileRows(), disk: filesUnder(dir), photo: await photoOf('clerk') }).toEqual(before);
    expect((await publicPhoto('clerk')).statusCode).toBe(404);
  });

  it('an oversized photo is cut off at 2 MB: 413 in Chinese, nothing stored', async () => {
    const before = { files: await fileRows(), disk: filesUnder(dir) };
    const res = await upload(admin, 'clerk', { name: 'big.jpg', content: jpegLike(3 * 1024 * 1024), type: 'image/jpeg' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE', title: '人员照片不能超过 2 MB，请压缩或缩小后重新上传。' });
    expect({ files: await fileRows(), disk: filesUnder(dir) }).toEqual(before);
    expect(await photoOf('clerk')).toBeNull();
  });

  it('refuses a request without a file, and with two files', async () => {
    const empty = await t.app.inject({ method: 'PUT', url: `/api/users/${ids.get('clerk')}/photo`, headers: { cookie: admin, 'content-type': 'application/json' }, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'FILE_MISSING', title: '请选择要上传的照片（JPEG 或 PNG 图片）。' });
    const one = multipart({ name: 'a.jpg', content: jpegLike() });
    const boundary = /boundary=(.+)$/.exec(one.headers['content-type'])![1]!;
    const second = Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="file2"; filename="b.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    const payload = Buffer.concat([one.payload.subarray(0, one.payload.length - `--${boundary}--\r\n`.length - 2), second, jpegLike(100, 3), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const two = await t.app.inject({ method: 'PUT', url: `/api/users/${ids.get('clerk')}/photo`, headers: { ...one.headers, cookie: admin }, payload });
    expect(two.statusCode).toBe(413);
    expect(two.json()).toMatchObject({ code: 'FILE_TOO_MANY' });
    expect(await photoOf('clerk')).toBeNull();
  });

  it('only the system administrator and the center’s director, within their own organisations', async () => {
    const jpeg = jpegLike(5000, 9);
    expect((await upload(clerk, 'clerk2', { name: 'a.jpg', content: jpeg })).statusCode).toBe(403);
    expect((await upload(await signIn(t.app, 'secadmin'), 'clerk2', { name: 'a.jpg', content: jpeg })).statusCode).toBe(403);
    // the county's clerk is not the township director's to manage
    const outside = await upload(director, 'county', { name: 'a.jpg', content: jpeg });
    expect(outside.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/users/${ids.get('clerk2')}/photo`, headers: { cookie: clerk } })).statusCode).toBe(403);
    const anonymous = multipart({ name: 'a.jpg', content: jpeg });
    expect((await t.app.inject({ method: 'PUT', url: `/api/users/${ids.get('clerk2')}/photo`, headers: anonymous.headers, payload: anonymous.payload })).statusCode).toBe(401);
    expect(await fileRows()).toHaveLength(1);
    expect((await upload(admin, 'nobody', { name: 'a.jpg', content: jpeg })).statusCode).toBe(404);
  });

  it('the same photo for two people is stored once; removing one keeps the other’s', async () => {
    const png = portraitPng();
    const hash = sha256(png);
    expect((await upload(admin, 'leader', { name: 'same.png', content: png })).statusCode).toBe(200);
    expect(await fileRows()).toEqual([expect.objectContaining({ hash, refs: 2 })]);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/users/${ids.get('clerk2')}/photo`, headers: { cookie: director } });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ photoHash: null });
    expect((await publicPhoto('clerk2')).statusCode).toBe(404);
    expect((await publicPhoto('clerk2', { 'if-none-match': `"${hash}"` })).statusCode).toBe(404);
    expect((await publicPhoto('leader')).statusCode).toBe(200);
    expect(await fileRows()).toEqual([expect.objectContaining({ hash, refs: 1 })]);
    expect(filesUnder(dir)).toHaveLength(1);
    const audit = await auditOf('user.photoRemove');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: ids.get('director'), target_id: ids.get('clerk2') });
  });

  it('replacing a photo forgets the old bytes; removing the last use deletes them', async () => {
    const jpeg = jpegLike(8000, 5);
    const res = await upload(admin, 'leader', { name: '新照片.JPG', content: jpeg, type: 'image/jpeg' });
    expect(res.statusCode).toBe(200);
    expect(await fileRows()).toEqual([expect.objectContaining({ hash: sha256(jpeg), type: 'image/jpeg', refs: 1 })]);
    expect(filesUnder(dir).map((p) => p.split('/').pop())).toEqual([sha256(jpeg)]);
    const served = await publicPhoto('leader');
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload).toEqual(jpeg);
    // the same photo again changes nothing and counts nothing twice
    expect((await upload(admin, 'leader', { name: 'again.jpg', content: jpeg })).statusCode).toBe(200);
    expect(await fileRows()).toEqual([expect.objectContaining({ refs: 1 })]);
    await t.app.inject({ method: 'DELETE', url: `/api/users/${ids.get('leader')}/photo`, headers: { cookie: admin } });
    expect(await fileRows()).toEqual([]);
    expect(filesUnder(dir)).toEqual([]);
    // removing when there is none is no error and writes no audit row
    const before = (await auditOf('user.photoRemove')).length;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/users/${ids.get('leader')}/photo`, headers: { cookie: admin } })).statusCode).toBe(200);
    expect(await auditOf('user.photoRemove')).toHaveLength(before);
  });

  it('only active staff: a disabled account’s photo is not served; unknown people and bad ids are 404', async () => {
    const png = portraitPng(40, 40);
    expect((await upload(admin, 'clerk', { name: 'c.png', content: png })).statusCode).toBe(200);
    expect((await publicPhoto('clerk')).statusCode).toBe(200);
    const user = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } })).json().users.find((u: { username: string }) => u.username === 'clerk');
    const off = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: { cookie: admin }, payload: { expectedVersion: user.version, active: false } });
    expect(off.statusCode, off.body).toBe(200);
    const hidden = await publicPhoto('clerk');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: 'NOT_FOUND', title: '未找到该工作人员的照片，请检查后重试。' });
    expect((await publicPhoto('clerk', { 'if-none-match': `"${sha256(png)}"` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/staff/no-such-person/photo' })).statusCode).toBe(404);
  });
});

describe.each(DIALECTS)('人员照片存入 S3 (%s)', (dialect) => {
  let t: TestApp;
  let fake: FakeS3;
  beforeAll(async () => {
    fake = await startFakeS3();
    t = await startTestApp(dialect, { config: { files: s3ConfigOf(fake) } });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('uploads through the API into the bucket and serves it back, every request signed', async () => {
    const admin = await signIn(t.app, 'admin');
    const id = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()).id;
    const png = portraitPng(90, 120, [120, 160, 90]);
    const body = multipart({ name: '王晓燕.png', content: png, type: 'image/png' });
    const res = await t.app.inject({ method: 'PUT', url: `/api/users/${id}/photo`, headers: { ...body.headers, cookie: admin }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(fake.objects.get(sha256(png))).toEqual(png);
    const served = await t.app.inject({ method: 'GET', url: `/api/public/staff/${id}/photo` });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload).toEqual(png);
    await t.app.inject({ method: 'DELETE', url: `/api/users/${id}/photo`, headers: { cookie: admin } });
    expect(fake.objects.size).toBe(0);
    expect(fake.log.filter((l) => l.error && l.error !== 'NoSuchKey')).toEqual([]);
    expect(fake.log.map((l) => l.method)).toEqual(['HEAD', 'PUT', 'GET', 'DELETE']);
  });

  it('a store that refuses the signature: 503 with the Chinese reason, no photo recorded', async () => {
    // the bucket's secret was rotated, the server still signs with the old one
    const rotated = await startFakeS3({ secretAccessKey: 'rotated-secret' });
    const broken = await startTestApp(dialect, { config: { files: s3ConfigOf(rotated, { secretAccessKey: fake.secretAccessKey }) } });
    try {
      const cookie = await signIn(broken.app, 'admin');
      const id = (await broken.database.db.selectFrom('users').select('id').where('username', '=', 'clerk2').executeTakeFirstOrThrow()).id;
      const body = multipart({ name: 'a.png', content: portraitPng() });
      const res = await broken.app.inject({ method: 'PUT', url: `/api/users/${id}/photo`, headers: { ...body.headers, cookie }, payload: body.payload });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'FILE_STORE_UNAVAILABLE' });
      // (the error handler adds the request's number to a 5xx, for the log)
      expect(res.json().title).toMatch(/^文件存储服务拒绝了保存文件（签名不符：请核对 S3_SECRET_ACCESS_KEY 和 S3_REGION，并确认服务器时间准确）。/);
      expect(rotated.log.map((l) => `${l.method} ${l.status}`)).toEqual(['HEAD 403', 'PUT 403']);
      expect(rotated.objects.size).toBe(0);
      expect(await broken.database.db.selectFrom('files').selectAll().execute()).toEqual([]);
      expect((await broken.database.db.selectFrom('users').select('photo_hash').where('id', '=', id).executeTakeFirstOrThrow()).photo_hash).toBeNull();
    } finally {
      await broken.close();
      await rotated.close();
    }
  });
});

describe('a half-configured S3 stops the server', () => {
  it('serve refuses to start and says, in Chinese, which S3 variable is missing', async () => {
    const { execFile } = await import('node:child_process');
    const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-s3-start-'));
    try {
      const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = execFile(
          join('node_modules', '.bin', 'tsx'),
          ['src/cli/main.ts', 'serve'],
          { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'bianmin', S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'key', S3_SECRET_ACCESS_KEY: '' }, timeout: 60_000 },
          (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, out: stdout + stderr }),
        );
        child.stdin?.end();
      });
      expect(result.code).not.toBe(0);
      expect(result.out).toContain('已设置 S3_ENDPOINT、S3_BUCKET、S3_REGION、S3_ACCESS_KEY_ID，但缺少 S3_SECRET_ACCESS_KEY');
      expect(result.out).not.toContain('便民服务平台已启动');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
