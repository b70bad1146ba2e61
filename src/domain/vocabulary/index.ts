/**
 * The one vocabulary: the Chinese names of what a case is and what happens to it, shared by the server (papers,
 * exports, messages, timelines) and the three web apps. One small file per subject, so a web app that imports
 * `@domain/vocabulary/lights` carries the light names and nothing else; the server may use this index.
 */
export * from './actions.js';
export * from './channels.js';
export * from './handling.js';
export * from './hops.js';
export * from './kinds.js';
export * from './lights.js';
export * from './outcomes.js';
export * from './reviews.js';
export * from './statuses.js';
