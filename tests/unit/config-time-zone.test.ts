import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';

describe('TZ_CENTER', () => {
  it('is Asia/Shanghai unless set, and takes another zone the runtime knows', () => {
    expect(loadConfig({}).timeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ TZ_CENTER: ' Asia/Urumqi ' }).timeZone).toBe('Asia/Urumqi');
  });

  it('refuses at start a zone that does not exist, in words', () => {
    expect(() => loadConfig({ TZ_CENTER: 'Asia/Beijing' })).toThrow('TZ_CENTER 应为时区名称（如 Asia/Shanghai、Asia/Urumqi），当前为“Asia/Beijing”。');
  });
});
