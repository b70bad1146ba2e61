import { Select } from 'antd';
import { itemOption, itemOptionSearch } from '@/lib/item-option-search';
import { useCatalogItems } from '../api/consultations';

interface Props {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  id?: string;
  autoFocus?: boolean;
  style?: React.CSSProperties;
}

/** An item of the catalog, found by typing its name, 俗称 or code (Enter picks the first match); may be left empty. */
export function ItemSelect({ value, onChange, placeholder = '输入事项名称、俗称或编码', id, autoFocus, style }: Props) {
  const items = useCatalogItems();
  const options = (items.data?.items ?? []).map((i) => itemOption(i, `${i.name}（${i.code}）`));
  return (
    <Select
      id={id}
      autoFocus={autoFocus}
      style={style}
      value={value}
      onChange={(v?: string) => onChange?.(v ?? undefined)}
      allowClear
      loading={items.isPending}
      placeholder={placeholder}
      showSearch={itemOptionSearch}
      options={options}
      data-testid="item-select"
    />
  );
}
