// The ticket's one transition table (issue 12 §1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsFrom, callText, decide, TICKET_ACTIONS, TICKET_STATUSES, ticketNumber, TRANSITIONS } from '../../../src/domain/hall/ticket.js';

const now = new Date('2026-12-07T02:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

describe('排队号状态', () => {
  it('allows exactly the moves of the table, and refuses the rest in Chinese', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_STATUSES), fc.constantFrom(...TICKET_ACTIONS), (status, action) => {
        const d = decide({ status, calledAt: minutesAgo(60) }, action, now, { noShowMinutes: 3 });
        expect(d.ok).toBe(TRANSITIONS[action].from.includes(status));
        if (d.ok) expect(d.to).toBe(TRANSITIONS[action].to);
        else expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
      }),
    );
  });

  it('marks a no-show only after being called and after the configured wait', () => {
    expect(decide({ status: 'waiting', calledAt: null }, 'no_show', now).ok).toBe(false);
    const early = decide({ status: 'called', calledAt: minutesAgo(1) }, 'no_show', now, { noShowMinutes: 3 });
    expect(early).toMatchObject({ ok: false, code: 'HALL_NO_SHOW_TOO_EARLY' });
    expect(decide({ status: 'called', calledAt: minutesAgo(3) }, 'no_show', now, { noShowMinutes: 3 })).toEqual({ ok: true, to: 'no_show' });
  });

  it('ends at finished: nothing moves a finished number', () => {
    expect(actionsFrom('finished')).toEqual([]);
    expect(actionsFrom('no_show')).toEqual(['reactivate']);
  });

  it('numbers restart per service: A001, and says where to go', () => {
    expect(ticketNumber('A', 1)).toBe('A001');
    expect(ticketNumber('B', 42)).toBe('B042');
    expect(callText('A012', '3')).toBe('请 A012 号到 3 号窗口');
    expect(callText('A012', '3号窗口')).toBe('请 A012 号到 3号窗口');
    expect(callText('A012', '社保')).toBe('请 A012 号到 社保窗口');
  });
});
