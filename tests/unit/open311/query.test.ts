// The query parameters of GET services and GET requests, every problem at once (src/domain/open311/query.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRequestsQuery, checkServicesQuery, DEFAULT_PAGE_SIZE } from '../../../src/domain/open311/query.js';

const NOW = new Date('2026-03-02T01:00:00Z');

describe('checkRequestsQuery', () => {
  it('defaults: the last 90 days, page 1, every request', () => {
    const q = checkRequestsQuery({}, NOW);
    expect(q).toEqual({ ok: true, value: { by: 'filter', jurisdictionId: undefined, serviceCode: undefined, from: new Date(NOW.getTime() - 90 * 86_400_000), to: NOW, status: undefined, page: 1, pageSize: DEFAULT_PAGE_SIZE } });
  });

  it('names every bad parameter, each once', () => {
    const q = checkRequestsQuery({ start_date: 'yesterday', end_date: 'tomorrow', status: 'pending', page: '0', page_size: 'abc', service_code: 'X'.repeat(41) }, NOW);
    expect(q.ok).toBe(false);
    if (q.ok) return;
    expect(q.errors.map((e) => e.split(' ')[0])).toEqual(['service_code', 'status', 'start_date', 'end_date', 'page', 'page_size']);
  });

  it('a range over 90 days is named beside the other problems', () => {
    const q = checkRequestsQuery({ start_date: '2025-01-01T00:00:00Z', end_date: '2026-03-01T00:00:00Z', page_size: '0' }, NOW);
    expect(q.ok ? [] : q.errors.length).toBe(2);
  });

  it('service_request_id overrides the rest: only it is checked', () => {
    expect(checkRequestsQuery({ service_request_id: ' A, B ,A', page_size: 'abc' }, NOW)).toEqual({ ok: true, value: { by: 'ids', jurisdictionId: undefined, ids: ['A', 'B'] } });
    const many = checkRequestsQuery({ service_request_id: Array.from({ length: 101 }, (_, i) => `N${i}`).join(',') }, NOW);
    expect(many.ok).toBe(false);
  });

  it('page and page_size: exactly the whole numbers in range pass (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -5, max: 2000 }).map(String), fc.string({ maxLength: 6 })), (text) => {
        const q = checkServicesQuery({ page_size: text });
        const t = text.trim();
        const valid = t === '' || (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= DEFAULT_PAGE_SIZE);
        expect(q.ok).toBe(valid);
        if (q.ok && t !== '') expect(q.value.pageSize).toBe(Number(t));
      }),
    );
  });
});
