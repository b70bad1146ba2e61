import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleName } from '../../../src/domain/jobs/schedule.js';
import { JOBS } from '../../../src/server/jobs.js';

describe('a job schedule in words', () => {
  it('words every schedule the jobs use', () => {
    const words: Record<string, string> = {
      '* * * * *': '每分钟',
      '*/30 * * * * *': '每 30 秒',
      '*/15 * * * * *': '每 15 秒',
      '*/10 * * * *': '每 10 分钟',
      '*/5 * * * *': '每 5 分钟',
      '5 * * * *': '每小时第 5 分钟',
      '15 * * * *': '每小时第 15 分钟',
      '0 9 * * *': '每天 9:00',
      '30 0 * * *': '每天 0:30',
      '30 1 * * *': '每天 1:30',
    };
    for (const job of JOBS) {
      expect(words[job.schedule], `${job.name}: add ${job.schedule} to this table`).toBeDefined();
      expect(scheduleName(job.schedule), job.name).toBe(words[job.schedule]);
    }
  });

  it('words the other plain shapes: the hour, a weekday, a day of the month', () => {
    expect(scheduleName('0 * * * *')).toBe('每小时整点');
    expect(scheduleName('30 8 * * 1')).toBe('每周一 8:30');
    expect(scheduleName('0 18 * * 0')).toBe('每周日 18:00');
    expect(scheduleName('0 18 * * 7')).toBe('每周日 18:00');
    expect(scheduleName('0 9 1 * *')).toBe('每月 1 日 9:00');
    expect(scheduleName('0 0 9 * * *')).toBe('每天 9:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 }), (m, h) => {
        expect(scheduleName(`${m} ${h} * * *`)).toBe(`每天 ${h}:${String(m).padStart(2, '0')}`);
      }),
    );
  });

  it('gives no words it cannot stand behind', () => {
    for (const pattern of ['', '* * *', '0 9 * 1 *', '0 9,17 * * *', '0 9-17 * * *', '0 */2 * * *', '0 9 * * 1-5', '0 9 1 * 1', '5 * * * * *', '*/0 * * * * *', '0 25 * * *', '0 9 0 * *', '@daily']) {
      expect(scheduleName(pattern), pattern).toBeNull();
    }
  });
});
