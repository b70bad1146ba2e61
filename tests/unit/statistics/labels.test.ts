import { describe, expect, it } from 'vitest';
import { belowLabel, GROUP_SECTIONS, versionOrigin, VERSION_ORIGIN_NAMES, windowLabel } from '../../../src/domain/statistics/labels.js';

describe('monthly report labels', () => {
  it("a window of another center is named with that center; the report's own windows by name alone", () => {
    expect(windowLabel('民政窗口', '柳河镇便民服务中心', true)).toBe('民政窗口');
    expect(windowLabel('民政窗口', '清河县政务服务中心', false)).toBe('民政窗口（清河县政务服务中心）');
    expect(windowLabel('民政窗口', null, false)).toBe('民政窗口');
  });

  it('the grouped tables say they count the center alone (本级)', () => {
    for (const s of Object.values(GROUP_SECTIONS)) expect(s.title).toMatch(/^按.+（本级）$/);
    expect(belowLabel('柳河镇便民服务中心', 'township')).toBe('柳河镇便民服务中心（含下级）');
    expect(belowLabel('柳河村便民服务室', 'village')).toBe('柳河村便民服务室');
  });

  it('version 1 was locked at month end, every later one made by a correction', () => {
    expect(VERSION_ORIGIN_NAMES[versionOrigin(1)]).toBe('月末锁定');
    expect(VERSION_ORIGIN_NAMES[versionOrigin(2)]).toBe('更正');
    expect(VERSION_ORIGIN_NAMES[versionOrigin(7)]).toBe('更正');
  });
});
