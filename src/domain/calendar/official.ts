/**
 * The State Council arrangements shipped with the software, loaded into an empty calendar at first start.
 * Add a year by dropping its file into ./official/ and listing it here.
 */
import y2025 from './official/2025.json' with { type: 'json' };
import y2026 from './official/2026.json' with { type: 'json' };
import type { YearFile } from './year-file.js';

export function officialYears(): YearFile[] {
  // A deep copy each time: the imported modules are shared, and a caller must not be able to change them.
  return structuredClone([y2025, y2026]);
}
