import { Tag } from 'antd';
import { APPLICATION_STATUS_NAMES, type ApplicationStatus } from '@domain/applications/application';
import { LIGHT_NAMES } from '@domain/vocabulary/lights';

const COLOURS: Record<ApplicationStatus, string> = { pre_review: 'gold', supplement_requested: 'orange', accepted: 'green', returned: 'red', withdrawn: 'default' };

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  return <Tag color={COLOURS[status]}>{APPLICATION_STATUS_NAMES[status]}</Tag>;
}

const LIGHT_COLORS = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' } as const;

/** The pre-review's light: yellow on its due day, red once the working day given for it has passed. */
export function PreReviewLight({ light }: { light: 'green' | 'yellow' | 'red' | null }) {
  if (!light) return <span style={{ color: '#8c8c8c' }}>—</span>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }} data-testid={`pre-review-light-${light}`}>
      <span aria-hidden style={{ width: 10, height: 10, borderRadius: '50%', background: LIGHT_COLORS[light], display: 'inline-block' }} />
      <span style={{ color: LIGHT_COLORS[light] }}>{LIGHT_NAMES[light]}</span>
    </span>
  );
}

/**
 * Where the application came from, when it is not the applicant in the public hall: a third party's platform filed it
 * through Open311 (the materials were downloaded from its URLs; the applicant may never have signed in).
 */
export function ApplicationSourceTag({ source }: { source: { kind: 'hall' | 'open311'; name: string; platform: string | null } }) {
  if (source.kind !== 'open311') return null;
  return (
    <Tag color="purple" title={`经 ${source.name}代为提交`} data-testid="application-source-open311">
      {source.platform ? `第三方平台：${source.platform}` : '第三方平台代交'}
    </Tag>
  );
}
