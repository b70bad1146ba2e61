import { describe, expect, it } from 'vitest';
import { canonicalRequest, EMPTY_PAYLOAD_HASH, sha256Hex, signRequest } from '../../../src/modules/files/sigv4.js';

// The examples of AWS's "Signature Calculations for the Authorization Header" page for S3
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html), with its example credentials.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };
const at = new Date('2013-05-24T00:00:00Z');

describe('AWS Signature Version 4 (S3)', () => {
  it('signs the documented GET Object example (Range: bytes=0-9) as AWS says', () => {
    const url = new URL('https://examplebucket.s3.amazonaws.com/test.txt');
    const signed = signRequest({ method: 'GET', url, headers: { host: url.host, range: 'bytes=0-9' }, payloadHash: EMPTY_PAYLOAD_HASH }, credentials, at);
    expect(signed['x-amz-date']).toBe('20130524T000000Z');
    expect(signed['x-amz-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(signed.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('builds the documented canonical request of that example', () => {
    const canonical = canonicalRequest({
      method: 'GET',
      path: '/test.txt',
      query: new URLSearchParams(),
      headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_PAYLOAD_HASH, 'x-amz-date': '20130524T000000Z' },
      payloadHash: EMPTY_PAYLOAD_HASH,
    });
    expect(canonical.text).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
  });

  it('signs the documented PUT Object example (a $ in the key, a signed payload)', () => {
    const body = 'Welcome to Amazon S3.';
    const payloadHash = sha256Hex(body);
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const url = new URL('https://examplebucket.s3.amazonaws.com/test$file.text');
    const signed = signRequest(
      {
        method: 'PUT',
        url,
        headers: { host: url.host, date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadHash,
      },
      credentials,
      at,
    );
    expect(signed.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,' +
        'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });

  it('gives another signature for another secret, another body or another day', () => {
    const url = new URL('http://127.0.0.1:9000/bucket/key');
    const base = { method: 'PUT', url, headers: { host: url.host }, payloadHash: sha256Hex('a') };
    const a = signRequest(base, credentials, at).authorization;
    expect(signRequest(base, { ...credentials, secretAccessKey: 'other' }, at).authorization).not.toBe(a);
    expect(signRequest({ ...base, payloadHash: sha256Hex('b') }, credentials, at).authorization).not.toBe(a);
    expect(signRequest(base, credentials, new Date('2013-05-25T00:00:00Z')).authorization).not.toBe(a);
  });
});
