/** The supervision lights (rule 12). */
import type { Light } from '../cases/light.js';

export const LIGHT_NAMES: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
