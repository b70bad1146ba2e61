// When a browser test fails, print what the pages and the server did just before, and keep a screenshot of each
// open page: a failure on a busy CI machine can then be read from the log instead of guessed at.
import { afterEach } from 'vitest';
import { openE2Es } from './browser.js';

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  for (const e of openE2Es) console.error(await e.diagnose(task.name));
});
