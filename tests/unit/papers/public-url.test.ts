import { describe, expect, it } from 'vitest';
import { checkPublicUrl, progressUrlAt } from '../../../src/domain/papers/public-url.js';

describe('the public address printed on papers', () => {
  it('accepts http(s) addresses and normalises them', () => {
    expect(checkPublicUrl(' https://bianmin.qinghe.gov.cn/ ')).toEqual({ ok: true, url: 'https://bianmin.qinghe.gov.cn' });
    expect(checkPublicUrl('http://61.163.20.8:8080/bianmin/')).toEqual({ ok: true, url: 'http://61.163.20.8:8080/bianmin' });
    expect(checkPublicUrl('HTTPS://Zwfw.Example.gov.cn')).toEqual({ ok: true, url: 'https://zwfw.example.gov.cn' });
  });

  it('refuses anything a phone cannot open as a web page, in words an administrator can act on', () => {
    for (const bad of ['', 'bianmin.qinghe.gov.cn', 'ftp://bianmin.qinghe.gov.cn', 'javascript:alert(1)', 'https://a:b@bianmin.gov.cn', 'https://bianmin.gov.cn/?x=1', 'https://bianmin.gov.cn/#top', 'http://']) {
      const check = checkPublicUrl(bad);
      expect(check.ok, bad).toBe(false);
      if (!check.ok) expect(check.message).toMatch(/公网地址/);
    }
  });

  it('the progress link fills in the case number', () => {
    expect(progressUrlAt('https://bianmin.qinghe.gov.cn', '410899101-20260302-0001')).toBe('https://bianmin.qinghe.gov.cn/progress?caseNo=410899101-20260302-0001');
    expect(progressUrlAt('https://x.gov.cn/bianmin/', 'A B')).toBe('https://x.gov.cn/bianmin/progress?caseNo=A%20B');
  });
});
