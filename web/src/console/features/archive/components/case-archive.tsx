import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Modal, Typography } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { isFinished } from '@domain/archive/rules';
import type { CaseStatus } from '@domain/cases/model';
import { useDossiers, useFileDossier } from '../api/archive';

interface Props {
  caseId: string;
  caseNo: string;
  status: CaseStatus;
}

/**
 * 立卷归档 on the case page: the dossier's 档号 once the case is archived; for a finished case not yet archived, the
 * button that files it now (directors and clerks) — otherwise the night's job files it 30 days after it finished.
 */
export function CaseArchive({ caseId, caseNo, status }: Props) {
  const me = useMe();
  const { message } = App.useApp();
  const visible = can(me.user.roles, 'archive.read');
  const finished = isFinished(status);
  const dossiers = useDossiers({ caseId, pageSize: 1 }, visible && finished);
  const file = useFileDossier();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  if (!visible || !finished || !dossiers.data) return null;
  const dossier = dossiers.data.dossiers[0];
  const filer = can(me.user.roles, 'archive.file');

  const confirm = () =>
    file.mutate(caseId, {
      onSuccess: (d) => {
        setOpen(false);
        void navigate({ to: '/archive/dossiers/$id', params: { id: d.id } });
      },
      // filed meanwhile (another tab, a colleague, the night's job): the card shows its 档号 instead of a dead end
      onError: (error) => {
        if (isApiError(error) && error.code === 'ALREADY_ARCHIVED') {
          setOpen(false);
          void message.info(error.title);
          void dossiers.refetch();
        }
      },
    });

  return (
    <Card title="立卷归档" size="small" style={{ marginBottom: 16 }} data-testid="case-archive">
      {dossier ? (
        <span data-testid="case-archived">
          已归档：档号{' '}
          <Link to="/archive/dossiers/$id" params={{ id: dossier.id }}>
            {dossier.archiveNo}
          </Link>
          <Typography.Text type="secondary">（保管期限 {dossier.periodName}）</Typography.Text>
        </span>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: filer ? 12 : 0 }}>
            本件已办结，尚未归档。办结满 30 天的办件每天夜间自动立卷归档{filer ? '，也可以现在立即立卷。' : '。'}
          </Typography.Paragraph>
          {filer && (
            <Button
              type="primary"
              icon={<FolderOpenOutlined />}
              onClick={() => {
                file.reset();
                setOpen(true);
              }}
              data-testid="file-dossier"
            >
              立卷归档
            </Button>
          )}
        </>
      )}
      <Modal
        open={open}
        title="立卷归档"
        okText="确定归档"
        cancelText="取消"
        confirmLoading={file.isPending}
        onOk={confirm}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          将办件 {caseNo} 的申请、材料、文书、办理过程、结果和评价整理为一卷归档，按本事项的保管期限保管，编定档号并生成归档登记表。确定现在归档吗？
        </Typography.Paragraph>
        {file.isError && (
          <Alert
            type="error"
            showIcon
            data-testid="file-dossier-error"
            title={isApiError(file.error) ? file.error.title : '立卷归档未能完成，请稍后重试。'}
          />
        )}
      </Modal>
    </Card>
  );
}
