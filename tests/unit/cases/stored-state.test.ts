import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_STATE_VERSION, readStoredState, StoredStateError, toStoredState } from '../../../src/domain/cases/stored-state.js';
import { CASE_STATUSES, type CaseState } from '../../../src/domain/cases/index.js';
import { stateIn } from './fixtures.js';

/**
 * A state as stored before versions existed (v1): exactly what a row of case_states held, a township case accepted
 * on the spot, with the catalog item as presentItem gave it (more fields than the rules read) and no
 * dueProvisional or deadlineLog (stored before either existed).
 */
const STORED_V1 = JSON.stringify({
  kind: 'promised',
  status: 'in_progress',
  receivingLevel: 'township',
  holderLevel: 'township',
  transit: null,
  windowId: 'c1d2e3',
  item: {
    id: 'i-1',
    code: 'MZ-003',
    name: '城乡居民最低生活保障审批',
    aliases: ['低保'],
    category: '社会救助',
    department: '民政',
    window: '社会事务窗口',
    level: 'township',
    acceptLevels: ['village', 'township'],
    kind: 'promised',
    legalDays: 30,
    promisedDays: 20,
    joint: [],
    inPersonRequired: false,
    proxyAllowed: true,
    onlineAllowed: true,
    conditions: '家庭人均收入低于当地低保标准',
    basis: ['《社会救助暂行办法》'],
    steps: ['受理', '审核', '审批'],
    materials: [{ name: '申请书', main: true, copies: 1 }, { name: '户口簿', main: false }],
    result: '低保证',
    fee: { amount: 0, basis: '' },
    publicNotes: null,
    specialSteps: [{ name: '公示', kind: 'publicity', limitDays: 7, countsTowardLegal: false }],
    status: 'active',
    retiredReason: null,
    version: 3,
    updatedAt: '2026-01-05T01:00:00.000Z',
  },
  providedMaterials: ['申请书', '户口簿'],
  supplementNotice: null,
  defectRequests: [],
  clock: 'running',
  pausedAt: null,
  activeStep: null,
  acceptedAt: '2026-03-02T01:00:00.000Z',
  dueAt: '2026-03-30T09:30:00.000Z',
  legalDueAt: '2026-04-14T09:30:00.000Z',
  extensionDays: 0,
  pendingExtension: null,
  reviews: [],
  outcome: null,
  resultNo: null,
  refusal: null,
  delivery: null,
  proxy: null,
});

describe('the stored case state has a schema version', () => {
  it('reads a v1 row (no version) and upgrades it: not provisional, its dates as the start of the deadline log', () => {
    const state = readStoredState(JSON.parse(STORED_V1));
    expect(state).not.toHaveProperty('schemaVersion');
    expect(state.dueProvisional).toBe(false);
    expect(state.deadlineLog).toEqual([
      { effect: { type: 'fixed', dueAt: '2026-03-30T09:30:00.000Z', legalDueAt: '2026-04-14T09:30:00.000Z' }, hours: null, timeZone: null },
    ]);
    // decided before its time was kept: none (a delivery is then checked against acceptedAt)
    expect(state.completedAt).toBeNull();
    // everything else as it was, the item's extra fields included
    const { dueProvisional: _p, deadlineLog: _l, completedAt: _c, ...rest } = state;
    expect(rest).toEqual(JSON.parse(STORED_V1));
  });

  it('reads a v2 row and upgrades it to v3 without a completion time; a v3 row keeps its own', () => {
    const v2 = { ...JSON.parse(STORED_V1), schemaVersion: 2, dueProvisional: true, deadlineLog: [] };
    const state = readStoredState(v2);
    expect(state).toMatchObject({ dueProvisional: true, deadlineLog: [], completedAt: null });
    const v3 = { ...v2, schemaVersion: 3, status: 'completed', completedAt: '2026-03-05T02:00:00.000Z' };
    expect(readStoredState(v3).completedAt).toBe('2026-03-05T02:00:00.000Z');
    expect(() => readStoredState({ ...v2, schemaVersion: 3 })).toThrow(StoredStateError); // v3 must say it
  });

  it('writes the current version, and reads it back as it was written', () => {
    const v1 = readStoredState(JSON.parse(STORED_V1));
    const stored = JSON.parse(JSON.stringify(toStoredState(v1))) as { schemaVersion: number };
    expect(stored.schemaVersion).toBe(CASE_STATE_VERSION);
    expect(readStoredState(stored)).toEqual(v1);
  });

  it('a v1 case without deadlines gets an empty log', () => {
    const { dueAt: _d, legalDueAt: _l, ...rest } = JSON.parse(STORED_V1) as Record<string, unknown>;
    const state = readStoredState({ ...rest, status: 'submitted', clock: 'not_started', acceptedAt: null, dueAt: null, legalDueAt: null });
    expect(state.deadlineLog).toEqual([]);
  });

  it('refuses a version newer than this program reads, and a state that does not parse', () => {
    expect(() => readStoredState({ ...JSON.parse(STORED_V1), schemaVersion: CASE_STATE_VERSION + 1 })).toThrow(StoredStateError);
    expect(() => readStoredState({ ...JSON.parse(STORED_V1), status: 'lost' })).toThrow(StoredStateError);
    expect(() => readStoredState(null)).toThrow(StoredStateError);
  });

  it('property: any state survives the round trip through JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATUSES), fc.boolean(), (status, provisional) => {
        const state: CaseState = { ...stateIn(status), dueProvisional: provisional, deadlineLog: [] };
        expect(readStoredState(JSON.parse(JSON.stringify(toStoredState(state))))).toEqual(state);
      }),
    );
  });
});
