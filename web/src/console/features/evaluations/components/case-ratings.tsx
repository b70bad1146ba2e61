import { Button, Card, Empty, Tag } from 'antd';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { isBadLevel, isGoodLevel } from '@domain/evaluation/levels';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { useEvaluations } from '../api/evaluations';
import { PaperRatingModal } from './paper-rating-modal';

const FINISHED = ['completed', 'delivered'];

/** 服务评价 on the case page: how the applicant rated the case, and the paper form keyed in from here once finished. */
export function CaseRatings({ caseId, caseNo, status }: { caseId: string; caseNo: string; status: string }) {
  const me = useMe();
  const mayRead = can(me.user.roles, 'evaluations.read');
  const mayEnter = can(me.user.roles, 'evaluations.enter');
  const ratings = useEvaluations({ caseId }, mayRead);
  const [paper, setPaper] = useState(false);
  if (!FINISHED.includes(status) || (!mayRead && !mayEnter)) return null;
  const list = ratings.data?.evaluations ?? [];
  return (
    <Card size="small" title="服务评价" data-testid="case-ratings" style={{ marginBottom: 16 }} extra={mayEnter && list.every((e) => e.isDefault) && <Button size="small" onClick={() => setPaper(true)}>代录纸质评价表</Button>}>
      {mayRead && list.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未评价" />}
      {list.map((e) => (
        <div key={e.id} style={{ marginBottom: 8 }}>
          <Tag color={isBadLevel(e.level) ? 'red' : isGoodLevel(e.level) ? 'green' : 'default'}>{e.levelName}</Tag>
          {e.channelName}
          {e.isDefault && <Tag style={{ marginLeft: 4 }}>默认</Tag>}
          <div style={{ color: '#595959' }}>
            {formatDateTime(e.ratedAt)}
            {e.enteredBy && `，${e.enteredBy.name ?? ''}代录`}
          </div>
          {e.comment && <div>“{e.comment}”</div>}
          {e.workOrder && (
            <div>
              差评整改：
              <Link to="/evaluations/work-orders/$id" params={{ id: e.workOrder.id }}>
                {e.workOrder.workOrderNo}
              </Link>{' '}
              <Tag color={e.workOrder.light === 'red' ? 'red' : e.workOrder.light === 'yellow' ? 'gold' : 'default'}>{e.workOrder.statusName}</Tag>
              {e.workOrder.appeal && <Tag>{e.workOrder.appeal.statusName}</Tag>}
            </div>
          )}
        </div>
      ))}
      <PaperRatingModal caseId={caseId} caseNo={caseNo} open={paper} onClose={() => setPaper(false)} />
    </Card>
  );
}
