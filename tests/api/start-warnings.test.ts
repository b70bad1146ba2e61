// A county's administrator reads the server's output at every start: a framework warning there (Fastify's
// FSTWRN001 for a route that names a schema part and leaves it empty) looks like a fault and hides a real one.
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('starting the server', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it('prints no warning of the framework or of Node', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', listen);
    try {
      t = await startTestApp('sqlite');
      await t.app.ready();
      // process.emitWarning reports on the next tick
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });
});
