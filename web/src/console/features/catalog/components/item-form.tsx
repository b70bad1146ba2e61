import { Alert, Button, Card, Form, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ITEM_FIELD_LABELS as L, validateItem, type CatalogItem } from '../api/item-schema';
import { toItemInput, type ItemFormValues } from '../utils/item-form-values';
import { ItemFormBasics } from './item-form-basics';
import { ItemFormHandling } from './item-form-handling';
import { ItemFormConditions, ItemFormOutcome } from './item-form-texts';
import { MaterialsField } from './materials-field';
import { SpecialStepsField } from './special-steps-field';
import { StringListField } from './string-list-field';

interface Props {
  form: FormInstance<ItemFormValues>;
  initialValues: ItemFormValues;
  codeLocked: boolean;
  submitting: boolean;
  submitText: string;
  /** Called only with an item that passed the server's own rules; the server still checks it. */
  onSubmit: (item: CatalogItem) => void;
  onCancel: () => void;
}

/**
 * Every field of an item, grouped as the guide reads; lists (basis, steps, materials) are editable in place.
 * On submit the item is checked with the server's rules (`validateItem`) and every problem is listed at once.
 */
export function ItemForm({ form, initialValues, codeLocked, submitting, submitText, onSubmit, onCancel }: Props) {
  const [problems, setProblems] = useState<string[]>([]);
  const problemsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problems.length > 0) problemsRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [problems]);

  const submit = (values: ItemFormValues) => {
    const checked = validateItem(toItemInput(values));
    setProblems(checked.ok ? [] : checked.errors);
    if (checked.ok) onSubmit(checked.value);
  };

  return (
    <Form<ItemFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
      scrollToFirstError
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="基本信息">
          <ItemFormBasics codeLocked={codeLocked} />
        </Card>
        <Card title="办理方式与时限">
          <ItemFormHandling />
        </Card>
        <Card title="办理条件与设定依据">
          <ItemFormConditions />
          <StringListField name="basis" label={L.basis} addText="添加设定依据" placeholder="如：《社会救助暂行办法》第十一条" required />
        </Card>
        <Card title="办理程序">
          <StringListField name="steps" label={L.steps} addText="添加步骤" placeholder="如：受理" numbered required />
        </Card>
        <Card title="申报材料">
          <MaterialsField />
        </Card>
        <Card title="特殊环节" extra={<span style={{ color: '#8c8c8c' }}>公示、现场踏勘、听证等，办理期间暂停计时</span>}>
          <SpecialStepsField />
        </Card>
        <Card title="办理结果与收费">
          <ItemFormOutcome />
        </Card>
        {problems.length > 0 && (
          <div ref={problemsRef}>
            <Alert
              type="error"
              showIcon
              title={`还有 ${problems.length} 处需要修改，改好后再保存`}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              }
            />
          </div>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} size="large">
            {submitText}
          </Button>
          <Button size="large" onClick={onCancel}>
            取消
          </Button>
        </Space>
      </Space>
    </Form>
  );
}
