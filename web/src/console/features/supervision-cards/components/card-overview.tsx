import { Card, Descriptions, Space, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDate, formatDateTime } from '@/lib/format';
import type { CardDetail } from '../api/cards';
import { CardLevelTag, CardLightTag, CardStatusTag } from './card-tags';

/** The card's fields (GB/T 39046 表11: 督办内容, 被督办机构, 督办发出时间, 办件编号, 监察规则编号) and the latest answer. */
export function CardOverview({ card }: { card: CardDetail }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="card-overview">
      <Space size={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="card-no">
          {card.cardNo}
        </Typography.Title>
        <CardLevelTag level={card.level} />
        <CardStatusTag status={card.status} />
        <CardLightTag light={card.light} />
      </Space>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="督办机构">{card.issuerName}（{card.issuedByName}）</Descriptions.Item>
        <Descriptions.Item label="被督办机构">{card.orgName}</Descriptions.Item>
        <Descriptions.Item label="督办事项">{card.subjectName}</Descriptions.Item>
        <Descriptions.Item label={card.caseId ? '办件编号' : '督办对象'}>
          {card.caseId ? (
            <Link to="/cases/$id" params={{ id: card.caseId }}>
              {card.caseNo}
            </Link>
          ) : (
            card.subjectText
          )}
        </Descriptions.Item>
        {card.ruleNumber && (
          <Descriptions.Item label="监察规则" span={2}>
            {card.ruleNumber} {card.ruleName}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="督办发出时间">{formatDateTime(card.issuedAt)}</Descriptions.Item>
        <Descriptions.Item label="回告期限">{formatDate(card.replyBy)}</Descriptions.Item>
        <Descriptions.Item label="督办内容" span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{card.content}</Typography.Paragraph>
        </Descriptions.Item>
        {card.reply && (
          <Descriptions.Item label="回告内容" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="card-reply">
              {card.reply.content}
            </Typography.Paragraph>
            <Typography.Text type={card.reply.late ? 'danger' : 'secondary'}>
              {card.reply.byName} · {formatDateTime(card.reply.at)}
              {card.reply.late ? '（逾期回告）' : ''}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {card.closedAt && (
          <Descriptions.Item label="销号">
            {card.closedByName} · {formatDateTime(card.closedAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
