// Issue 8 §3: one vocabulary. Every status, action, kind, light, outcome, channel and handling mode the rules know
// has exactly one Chinese name, no two share one, and the names of events the timeline shows cover the table.
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_CHANNELS, CASE_KINDS, CASE_STATUSES, SIX_KINDS, STATUS_NAMES as MODEL_STATUS_NAMES } from '../../../src/domain/cases/model.js';
import { LIGHTS } from '../../../src/domain/cases/light.js';
import { HANDLING_MODES } from '../../../src/domain/cases/presence.js';
import { DELIVERY_METHODS, OUTCOMES } from '../../../src/domain/contract/cases.js';
import {
  ACTION_NAMES,
  CHANNEL_NAMES,
  DELIVERY_NAMES,
  eventName,
  HANDLING_MODE_NAMES,
  KIND_NAMES,
  LIGHT_NAMES,
  OTHER_EVENT_NAMES,
  OUTCOME_NAMES,
  REFUSAL_REVIEW_NAMES,
  REVIEW_OPINION_NAMES,
  SIX_KIND_NAMES,
  STATUS_NAMES,
  statusName,
} from '../../../src/domain/vocabulary/index.js';

const HAN = /^[\u4e00-\u9fff（）、，]+$/u;

/** Exactly the given keys, each with a Chinese name, no name twice. */
function namesEach(names: Record<string, string>, keys: readonly string[]) {
  expect(Object.keys(names).sort()).toEqual([...keys].sort());
  for (const key of keys) expect(names[key], key).toMatch(HAN);
  expect(new Set(Object.values(names)).size).toBe(keys.length);
}

describe('the vocabulary', () => {
  it('names every status of the state machine once, and no two statuses alike', () => namesEach(STATUS_NAMES, CASE_STATUSES));
  it('names every action of the transition table once, and no two actions alike', () => namesEach(ACTION_NAMES, CASE_ACTIONS));
  it('names the stored kinds and the six kinds of 六件管理', () => {
    namesEach(KIND_NAMES, CASE_KINDS);
    namesEach(SIX_KIND_NAMES, SIX_KINDS);
    expect(Object.values(SIX_KIND_NAMES).every((name) => name.endsWith('件'))).toBe(true);
  });
  it('names the lights, outcomes, channels, deliveries, handling modes and opinions', () => {
    namesEach(LIGHT_NAMES, LIGHTS);
    namesEach(OUTCOME_NAMES, OUTCOMES);
    namesEach(CHANNEL_NAMES, CASE_CHANNELS);
    namesEach(DELIVERY_NAMES, DELIVERY_METHODS);
    namesEach(HANDLING_MODE_NAMES, HANDLING_MODES);
    namesEach(REVIEW_OPINION_NAMES, ['agree', 'disagree']);
    namesEach(REFUSAL_REVIEW_NAMES, ['upheld', 'questioned']);
  });

  it('is the one the rules use: the case model re-exports the same objects, not copies', () => {
    expect(MODEL_STATUS_NAMES).toBe(STATUS_NAMES);
  });

  it('names each event of a timeline: the actions, intake and the rest; an unknown type shows as it is', () => {
    for (const action of CASE_ACTIONS) expect(eventName(action)).toBe(ACTION_NAMES[action]);
    for (const [type, name] of Object.entries(OTHER_EVENT_NAMES)) expect(eventName(type)).toBe(name);
    expect(new Set([...Object.values(ACTION_NAMES), ...Object.values(OTHER_EVENT_NAMES)]).size).toBe(CASE_ACTIONS.length + Object.keys(OTHER_EVENT_NAMES).length);
    expect(eventName('something-new')).toBe('something-new');
    expect(statusName('completed')).toBe('已办结');
    expect(statusName('archived')).toBe('archived');
  });
});
