/** The hops of a case between levels (rule 9), as the timeline, the violations list and the reports name them. */
import type { HopKind } from '../cases/hops.js';

export const HOP_NAMES: Record<HopKind, string> = {
  'village-township': '村级转报乡镇',
  'township-county': '乡镇上报县级',
  'hand-back': '结果返回群众',
};
