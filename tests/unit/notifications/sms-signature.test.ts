import { describe, expect, it } from 'vitest';
import { aliyunSignature, canonicalQuery, percentEncode, sendSmsParams } from '../../../src/modules/notifications/sms.js';

describe('Aliyun RPC signature (SignatureVersion 1.0, HMAC-SHA1)', () => {
  it("gives the signature of Aliyun's own published example (DescribeRegions, testid / testsecret)", () => {
    const params = {
      TimeStamp: '2016-02-23T12:46:24Z',
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      Version: '2014-05-26',
      SignatureVersion: '1.0',
    };
    expect(aliyunSignature('GET', params, 'testsecret')).toBe('CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  it('percent-encodes as RFC 3986: space %20, * %2A, ~ kept, Chinese as UTF-8', () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
    expect(percentEncode('便民')).toBe('%E4%BE%BF%E6%B0%91');
    expect(canonicalQuery({ b: '2', a: '1 1' })).toBe('a=1%201&b=2');
  });

  it('signs a SendSms request with the template code, the parameters as JSON and the sign name', () => {
    const p = sendSmsParams({ accessKeyId: 'id', accessKeySecret: 'secret', signName: '清河县政务服务' }, { phone: '13812345678', templateCode: 'SMS_1', params: { caseNo: 'LH-1' }, outId: 'm1' }, new Date('2026-03-02T01:30:00.123Z'), 'n1');
    expect(p).toMatchObject({ Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13812345678', TemplateCode: 'SMS_1', TemplateParam: '{"caseNo":"LH-1"}', SignName: '清河县政务服务', Timestamp: '2026-03-02T01:30:00Z', SignatureNonce: 'n1', OutId: 'm1' });
    const { Signature, ...rest } = p;
    expect(Signature).toBe(aliyunSignature('GET', rest, 'secret'));
  });
});
