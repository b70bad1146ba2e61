import { App, Form } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { itemQueryOptions, useItem } from '@/features/catalog/api/get-item';
import type { Item } from '@/features/catalog/api/item-schema';
import { useCreateItem, useUpdateItem } from '@/features/catalog/api/save-item';
import { ItemForm } from '@/features/catalog/components/item-form';
import { EMPTY_ITEM, formValuesOf, type ItemFormValues } from '@/features/catalog/utils/item-form-values';
import { useErrorFeedback } from '@/hooks/use-error-feedback';

const editRoute = getRouteApi('/console/catalog/$code/edit');

export function ItemCreatePage() {
  const [form] = Form.useForm<ItemFormValues>();
  const create = useCreateItem();
  const navigate = useNavigate();
  const showError = useErrorFeedback();
  const { message } = App.useApp();

  return (
    <>
      <PageHeader title="新增事项" description="填写事项的八公开内容；保存后即在目录中公开" />
      <ItemForm
        form={form}
        initialValues={EMPTY_ITEM}
        codeLocked={false}
        submitting={create.isPending}
        submitText="保存并发布"
        onCancel={() => void navigate({ to: '/catalog' })}
        onSubmit={(item) =>
          create.mutate(item, {
            onSuccess: (saved) => {
              message.success('事项已发布。');
              void navigate({ to: '/catalog/$code', params: { code: saved.code } });
            },
            onError: (error) => showError(error, { form }),
          })
        }
      />
    </>
  );
}

export function ItemEditPage() {
  const { code } = editRoute.useParams();
  const item = useItem(code);
  if (item.isPending) return <PageLoading />;
  if (item.isError) return <QueryError error={item.error} onRetry={() => void item.refetch()} />;
  // Remount the form on a new version so "刷新数据" after a conflict shows the latest content.
  return <ItemEditor key={item.data.version} item={item.data} />;
}

function ItemEditor({ item }: { item: Item }) {
  const [form] = Form.useForm<ItemFormValues>();
  const update = useUpdateItem();
  const navigate = useNavigate();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  return (
    <>
      <PageHeader title={`编辑事项：${item.name}`} description={`当前为第 ${item.version} 版；保存后生成新版本，修改记录可查`} />
      <ItemForm
        form={form}
        initialValues={formValuesOf(item)}
        codeLocked
        submitting={update.isPending}
        submitText="保存修改"
        onCancel={() => void navigate({ to: '/catalog/$code', params: { code: item.code } })}
        onSubmit={(checked) =>
          update.mutate(
            { item: checked, expectedVersion: item.version },
            {
              onSuccess: () => {
                message.success('修改已保存。');
                void navigate({ to: '/catalog/$code', params: { code: item.code } });
              },
              onError: (error) =>
                showError(error, {
                  form,
                  onReload: () => void queryClient.invalidateQueries({ queryKey: itemQueryOptions(item.code).queryKey }),
                }),
            },
          )
        }
      />
    </>
  );
}
