/** The case core (办件): pure rules, no I/O, no clock. See transitions.ts for the state machine. */
export * from './model.js';
export * from './terminal.js';
export * from './action-inputs.js';
export * from './rules.js';
export * from './transitions.js';
export * from './decision.js';
export * from './intake.js';
