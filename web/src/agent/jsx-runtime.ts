/**
 * The JSX runtime of the agent app, as plain ES bindings (vite.config.ts sends the app's `react/jsx-runtime` here).
 * React's runtime is CommonJS: called straight from it, each tag is built as `(0,E.jsx)(…)`; through these bindings
 * it is `e(…)`. Seven bytes a tag, some 4 KB over the app: room in the phone's 300 KB budget (tests/e2e/agent.test.ts).
 */
import * as runtime from 'react/jsx-runtime';

export const { jsx, jsxs, Fragment } = runtime;
