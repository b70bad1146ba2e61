import { DeleteOutlined, UploadOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Avatar, Button, Modal, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import type { User } from '../api/get-users';
import { PHOTO_ACCEPT, PHOTO_MAX_BYTES, staffPhotoUrl, useRemoveStaffPhoto, useUploadStaffPhoto } from '../api/staff-photo';

/**
 * A person's photo for the 政务公开 pages (staff on duty with photo, post and whereabouts): upload a JPEG or PNG of
 * at most 2 MB, or remove it. The server tells the type by the content; this only spares a wasted upload.
 */
export function StaffPhotoModal({ user, onClose }: { user: User; onClose: () => void }) {
  const upload = useUploadStaffPhoto();
  const remove = useRemoveStaffPhoto();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const [hash, setHash] = useState<string | null>(user.photoHash ?? null);
  const [problem, setProblem] = useState<string | null>(null);

  const send = (file: File) => {
    setProblem(null);
    if (!/\.(jpe?g|png)$/i.test(file.name) && !/^image\/(jpeg|png)$/.test(file.type)) {
      setProblem(`“${file.name}”不是 JPEG 或 PNG 图片，请选择 .jpg 或 .png 格式的照片。`);
      return;
    }
    if (file.size > PHOTO_MAX_BYTES) {
      setProblem(`“${file.name}”有 ${Math.ceil(file.size / 1024)} KB，人员照片不能超过 2 MB（${PHOTO_MAX_BYTES / 1024} KB），请压缩或缩小后重新上传。`);
      return;
    }
    setPercent(0);
    upload.mutate(
      { id: user.id, file, onProgress: setPercent },
      {
        onSuccess: (saved) => {
          setHash(saved.photoHash ?? null);
          message.success(`已保存${user.name}的照片，政务公开页面随即显示。`);
        },
        onError: (e) => showError(e),
        onSettled: () => setPercent(null),
      },
    );
  };

  const removePhoto = () =>
    remove.mutate(user.id, {
      onSuccess: () => {
        setHash(null);
        message.success(`已删除${user.name}的照片。`);
      },
      onError: (e) => showError(e),
    });

  return (
    <Modal open title={`人员照片：${user.name}（${user.username}）`} footer={<Button onClick={onClose}>关闭</Button>} onCancel={onClose} destroyOnHidden>
      <Space align="start" size={24} style={{ width: '100%' }}>
        {hash ? (
          <img
            src={staffPhotoUrl(user.id, hash)}
            alt={`${user.name}的照片`}
            data-testid="staff-photo"
            style={{ width: 120, height: 160, objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
          />
        ) : (
          <Avatar shape="square" size={120} icon={<UserOutlined />} aria-label="尚无照片" />
        )}
        <Space direction="vertical" size={12} style={{ flex: 1 }}>
          <Typography.Text type="secondary">
            照片显示在政务公开页面的“工作人员”栏目。请上传本人近期免冠正面照，JPEG 或 PNG 格式，不超过 2 MB，建议竖版（3:4）。
          </Typography.Text>
          {!user.active && <Alert type="warning" showIcon message="该账号已停用，照片不会在政务公开页面显示。" />}
          <Upload accept={PHOTO_ACCEPT} showUploadList={false} maxCount={1} beforeUpload={(file) => (send(file), false)}>
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              {hash ? '更换照片' : '上传照片'}
            </Button>
          </Upload>
          {percent !== null && <Progress percent={percent} size="small" />}
          {problem && <Alert type="error" showIcon message={problem} />}
          {hash && (
            <Popconfirm title={`删除${user.name}的照片？`} description="删除后政务公开页面不再显示该照片。" okText="删除" cancelText="取消" onConfirm={removePhoto}>
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                删除照片
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </Modal>
  );
}
