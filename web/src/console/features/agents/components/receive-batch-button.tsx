import { CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { isApiError } from '@/lib/api-client';
import type { Batch } from '../api/batch-schema';
import { useReceiveBatch } from '../api/receive-batch';

/** 全部接收: the township clerk, having checked the papers against the list, receives every case of the batch. */
export function ReceiveBatchButton({ batch, onStale }: { batch: Batch; onStale: () => void }) {
  const { message } = App.useApp();
  const showError = useErrorFeedback();
  const receive = useReceiveBatch();
  const waiting = batch.cases.filter((c) => !c.received).length;
  return (
    <Popconfirm
      title="确认全部接收？"
      description={<div style={{ maxWidth: 340 }}>请先核对纸质材料与报送清单一致。确认后本批次尚未接收的 {waiting} 件办件转入本中心办理。</div>}
      okText="确认接收"
      cancelText="取消"
      okButtonProps={{ loading: receive.isPending }}
      cancelButtonProps={{ autoInsertSpace: false }}
      onConfirm={() =>
        receive.mutateAsync(batch.id).then(
          () => void message.success(`已接收本批次 ${waiting} 件办件，请在“我的工作 → 在办”中逐件受理。`),
          (error: unknown) => {
            showError(error);
            // received meanwhile by a colleague: show the batch as it is now
            if (isApiError(error) && (error.code === 'BATCH_ALREADY_RECEIVED' || error.status === 404)) onStale();
          },
        )
      }
    >
      <Button type="primary" icon={<CheckCircleOutlined />} loading={receive.isPending} autoInsertSpace={false}>
        全部接收
      </Button>
    </Popconfirm>
  );
}
