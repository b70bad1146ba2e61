import { Tag } from 'antd';
import type { DossierSummary } from '../api/archive';
import { CHECK_NAMES, checkState } from './text';

const COLOURS = { ok: 'success', failed: 'error', unchecked: 'default' } as const;

/** 检测: 通过 / 不一致 / 未检测 (the last integrity check). */
export function CheckTag({ dossier }: { dossier: Pick<DossierSummary, 'check'> }) {
  const state = checkState(dossier);
  return (
    <Tag color={COLOURS[state]} data-testid="dossier-check-tag">
      {CHECK_NAMES[state]}
    </Tag>
  );
}
