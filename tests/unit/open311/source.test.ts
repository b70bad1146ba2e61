// Where an online application came from, as the clerk reads it (src/domain/open311/source.ts).
import { describe, expect, it } from 'vitest';
import { applicationSourceOf, submittedVia } from '../../../src/domain/open311/source.js';

describe('applicationSourceOf', () => {
  it('names the hall, or Open311 with the platform the api_key was issued to', () => {
    expect(applicationSourceOf('hall', null)).toEqual({ kind: 'hall', name: '网上办事大厅', platform: null });
    // a platform name on a hall application is not shown: only Open311 applications have one
    expect(applicationSourceOf('hall', '县12345热线平台')).toEqual({ kind: 'hall', name: '网上办事大厅', platform: null });
    expect(applicationSourceOf('open311', ' 县12345热线平台 ')).toEqual({ kind: 'open311', name: 'Open311 接口（县12345热线平台）', platform: '县12345热线平台' });
    expect(applicationSourceOf('open311', null)).toEqual({ kind: 'open311', name: 'Open311 接口（第三方平台）', platform: null });
  });

  it('the 办理过程 says who filed an Open311 application', () => {
    expect(submittedVia('县12345热线平台')).toBe('经 Open311 接口（县12345热线平台）提交');
    expect(submittedVia(null)).toBe('经 Open311 接口提交');
  });
});
