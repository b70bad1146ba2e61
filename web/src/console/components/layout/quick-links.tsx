import { Card, Col, Row, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { navSections, type NavItem } from '@/config/navigation';

/** Cards for the pages this person may open, under the menu's headings. */
export function QuickLinks({ items }: { items: NavItem[] }) {
  return (
    <Card title="常用功能">
      {navSections(items).map((section) => (
        <section key={section.group ?? ''} style={{ marginBottom: 16 }}>
          {section.group && (
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {section.group}
            </Typography.Title>
          )}
          <Row gutter={[16, 16]}>
            {section.items.map((item) => (
              <Col key={item.path} xs={24} sm={12} xl={8}>
                <Link to={item.path} style={{ display: 'block' }}>
                  <Card hoverable size="small">
                    <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
                      <span style={{ fontSize: 24, color: '#1a5fb4' }}>{item.icon}</span>
                      <div>
                        <Typography.Text strong>{item.label}</Typography.Text>
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {item.description}
                          </Typography.Text>
                        </div>
                      </div>
                    </div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </Card>
  );
}
