import { describe, expect, it } from 'vitest';
import { ACTION_INPUT_SCHEMAS, CASE_ACTIONS } from '../../../src/domain/cases/index.js';
import { SAMPLE_INPUTS } from './fixtures.js';

describe('action input schemas', () => {
  it('there is one per action and each accepts a valid input (plus expectedVersion, which the route adds)', () => {
    expect(Object.keys(ACTION_INPUT_SCHEMAS).sort()).toEqual([...CASE_ACTIONS].sort());
    for (const action of CASE_ACTIONS) {
      expect(ACTION_INPUT_SCHEMAS[action].safeParse({ ...SAMPLE_INPUTS[action], expectedVersion: 3 }).success).toBe(true);
    }
  });

  it('check shape only: a return without reasons parses, so the domain can answer REFUSAL_REASONS_REQUIRED', () => {
    expect(ACTION_INPUT_SCHEMAS.return.parse({})).toEqual({});
    expect(ACTION_INPUT_SCHEMAS.complete.parse({ outcome: 'denied' })).toEqual({ outcome: 'denied' });
  });

  it('refuse malformed input', () => {
    expect(ACTION_INPUT_SCHEMAS['notify-supplement'].safeParse({ missing: [] }).success).toBe(false);
    expect(ACTION_INPUT_SCHEMAS['notify-supplement'].safeParse({ missing: ['  '] }).success).toBe(false);
    expect(ACTION_INPUT_SCHEMAS.pause.safeParse({ reason: '公示', limitDays: 0 }).success).toBe(false);
    expect(ACTION_INPUT_SCHEMAS['request-extension'].safeParse({ reason: 'x', days: 1.5 }).success).toBe(false);
    expect(ACTION_INPUT_SCHEMAS.review.safeParse({ department: '甲', opinion: 'maybe' }).success).toBe(false);
    expect(ACTION_INPUT_SCHEMAS.deliver.safeParse({ method: 'drone' }).success).toBe(false);
    expect(ACTION_INPUT_SCHEMAS.deliver.safeParse({ method: 'mail', at: 'yesterday' }).success).toBe(false);
  });

  it('accept instants with Z or an offset, and trim text', () => {
    expect(ACTION_INPUT_SCHEMAS.deliver.safeParse({ method: 'mail', at: '2025-03-03T08:00:00Z' }).success).toBe(true);
    expect(ACTION_INPUT_SCHEMAS.deliver.safeParse({ method: 'mail', at: '2025-03-03T08:00:00+08:00' }).success).toBe(true);
    expect(ACTION_INPUT_SCHEMAS.supplement.parse({ materials: [' 居民户口簿 '] })).toEqual({ materials: ['居民户口簿'] });
  });
});
