import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { isApiError } from '@/lib/api-client';
import { manifestUrl, useCheckDossier, useDossier } from '@/features/archive/api/archive';
import { CheckResult } from '@/features/archive/components/check-result';
import { DossierEntries } from '@/features/archive/components/dossier-entries';
import { DossierRegister } from '@/features/archive/components/dossier-register';
import { RegisterSheet } from '@/features/archive/components/register-sheet';

const route = getRouteApi('/console/archive/dossiers/$id');

/**
 * One dossier (/archive/dossiers/:id): its 归档登记信息, the 卷内目录 with the stored files, the integrity check, the
 * manifest to download, and (?view=print) the 归档登记表 on A4.
 */
export function ArchiveDossierPage() {
  const { id } = route.useParams();
  const { view } = route.useSearch();
  const navigate = route.useNavigate();
  const dossier = useDossier(id);
  const check = useCheckDossier(id);
  const feedback = useErrorFeedback();

  if (dossier.isPending) return <PageLoading />;
  if (dossier.isError && isApiError(dossier.error) && dossier.error.status === 404) {
    return (
      <Result
        status="404"
        title="没有找到这个案卷"
        subTitle="链接可能有误。请到档案管理按档号、办件编号或申请人查找。"
        extra={
          <Link to="/archive">
            <Button type="primary">返回档案管理</Button>
          </Link>
        }
      />
    );
  }
  if (dossier.isError) return <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  const d = dossier.data;

  if (view === 'print') {
    return (
      <>
        <div className="page-header no-print">
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate({ search: {} })}>
            返回案卷
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="register-print">
            打印
          </Button>
        </div>
        <RegisterSheet d={d} />
      </>
    );
  }

  return (
    <>
      <div className="page-header no-print">
        <Space wrap>
          <Link to="/archive">
            <Button icon={<ArrowLeftOutlined />}>档案管理</Button>
          </Link>
          <Link to="/cases/$id" params={{ id: d.caseId }}>
            <Button>查看办件 {d.caseNo}</Button>
          </Link>
        </Space>
        <Space wrap>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={check.isPending}
            onClick={() => check.mutate(undefined, { onError: (error) => feedback(error) })}
            data-testid="dossier-check"
          >
            完整性检测
          </Button>
          <Button icon={<DownloadOutlined />} href={manifestUrl(d.id)} data-testid="dossier-manifest">
            下载案卷清单
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => void navigate({ search: { view: 'print' } })} data-testid="dossier-print">
            打印归档登记表
          </Button>
        </Space>
      </div>
      <h2 style={{ marginTop: 0 }}>
        案卷 {d.archiveNo}
      </h2>
      <CheckResult d={d} />
      <Card title="归档登记信息" size="small" style={{ marginBottom: 16 }}>
        <DossierRegister d={d} />
      </Card>
      <Card title={`卷内目录（共 ${d.entries.length} 条）`} size="small">
        <DossierEntries dossierId={d.id} entries={d.entries} />
      </Card>
    </>
  );
}
