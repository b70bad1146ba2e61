/** The kinds of case: the four stored ones and the six of 六件管理 (DOMAIN.md). */
import type { CaseKind, SixKind } from '../cases/model.js';

export const KIND_NAMES: Record<CaseKind, string> = {
  immediate: '即办件',
  promised: '承诺件',
  joint: '联办件',
  escalated: '上报件',
};

export const SIX_KIND_NAMES: Record<SixKind, string> = {
  ...KIND_NAMES,
  supplement: '补办件',
  returned: '退回件',
};
