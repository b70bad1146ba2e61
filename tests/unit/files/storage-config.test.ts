import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStorageConfigFrom } from '../../../src/server/config.js';

const s3 = {
  S3_ENDPOINT: 'http://192.168.1.20:9000',
  S3_BUCKET: 'bianmin',
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'minio',
  S3_SECRET_ACCESS_KEY: 'minio-secret',
};

describe('file storage configuration', () => {
  it('is the folder DATA_DIR/files when no S3 variable is set (FILES_DIR moves it)', () => {
    expect(fileStorageConfigFrom({}, '/srv/bianmin')).toEqual({ kind: 'folder', dir: resolve('/srv/bianmin/files') });
    expect(fileStorageConfigFrom({ FILES_DIR: '/mnt/files', S3_BUCKET: '  ' }, '/srv/bianmin')).toEqual({ kind: 'folder', dir: '/mnt/files' });
  });

  it('is S3 with all five variables', () => {
    expect(fileStorageConfigFrom({ ...s3, S3_PREFIX: 'center-1' }, '/srv')).toEqual({
      kind: 's3',
      endpoint: 'http://192.168.1.20:9000',
      bucket: 'bianmin',
      region: 'us-east-1',
      accessKeyId: 'minio',
      secretAccessKey: 'minio-secret',
      prefix: 'center-1',
      timeoutMs: 30_000,
    });
  });

  it('stops the start naming each missing variable, in Chinese', () => {
    for (const name of Object.keys(s3)) {
      const env: Record<string, string> = { ...s3 };
      delete env[name];
      expect(() => fileStorageConfigFrom(env, '/srv')).toThrow(`但缺少 ${name}，S3 文件存储配置不完整`);
    }
    expect(() => fileStorageConfigFrom({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'b' }, '/srv')).toThrow(
      '已设置 S3_ENDPOINT、S3_BUCKET，但缺少 S3_REGION、S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY',
    );
  });

  it('refuses an endpoint that is not an http(s) address', () => {
    expect(() => fileStorageConfigFrom({ ...s3, S3_ENDPOINT: '192.168.1.20:9000' }, '/srv')).toThrow('S3_ENDPOINT 应为存储服务的地址');
  });
});
