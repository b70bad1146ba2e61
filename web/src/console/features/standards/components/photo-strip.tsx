import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Image, Popconfirm, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { PHOTO_ACCEPT, PHOTO_MAX_BYTES, useRemovePhoto, useUploadPhoto, type StandardsPhoto } from '../api/standards';

/**
 * The photos of an item or of a gap's rectification: thumbnails (click to enlarge), and — while they may still be
 * changed — 拍照/上传 (on a phone the camera opens) and 删除. One photo per upload; the type is checked here first.
 */
export function PhotoStrip({
  roundId,
  photos,
  target,
  editable,
  label,
}: {
  roundId: string;
  photos: StandardsPhoto[];
  target: { itemCode?: string; gapId?: string };
  editable: boolean;
  /** what the photos show, for the button's name: “服务场所面积” */
  label: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadPhoto(roundId);
  const remove = useRemovePhoto(roundId);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const pick = (file: File | undefined) => {
    if (!file) return;
    if (!['image/jpeg', 'image/png'].includes(file.type)) {
      message.error('现场照片只接受 JPEG 或 PNG 图片，请重新选择。');
      return;
    }
    if (file.size > PHOTO_MAX_BYTES) {
      message.error('现场照片不能超过 8 MB，请压缩或缩小后重新上传。');
      return;
    }
    upload.mutate({ file, ...target }, { onSuccess: () => message.success('照片已上传。'), onError: (e) => showError(e) });
  };
  return (
    <div className="standards-photos">
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {photos.map((p) => (
              <div key={p.id} className="standards-photo">
                <Image src={p.url} width={88} height={66} style={{ objectFit: 'cover', borderRadius: 4 }} alt={`${label}的照片`} />
                {editable && (
                  <Popconfirm title="删除这张照片？" okText="删除" cancelText="取消" onConfirm={() => remove.mutate(p.id, { onError: (e) => showError(e) })}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除${label}的照片`} className="no-print" />
                  </Popconfirm>
                )}
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {editable && (
        <>
          <input
            ref={input}
            type="file"
            accept={PHOTO_ACCEPT}
            capture="environment"
            hidden
            aria-label={`上传${label}的照片`}
            data-testid={`photo-input-${target.gapId ?? target.itemCode}`}
            onChange={(e) => {
              pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Button icon={<CameraOutlined />} loading={upload.isPending} onClick={() => input.current?.click()} className="no-print">
            拍照或上传照片
          </Button>
        </>
      )}
      {!editable && photos.length === 0 && <Typography.Text type="secondary">没有照片</Typography.Text>}
    </div>
  );
}
