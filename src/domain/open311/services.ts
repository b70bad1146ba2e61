/**
 * The catalog as Open311 services (GeoReport v2 "GET Service List" and "GET Service Definition"). An item that
 * allows online application (`onlineAllowed`) is a service: its code is the service_code, its category the group,
 * its 俗称 the keywords. Every service has metadata: the definition lists what an online application of the item
 * needs — who applies (个人 or 单位, name, ID number or 统一社会信用代码, mobile phone) and one attribute per
 * material of the 办事指南, whose value is the address (URL) of the scanned material, as GeoReport's own `media_url`.
 *
 * A material's attribute code is derived from the material's name (`MATERIAL_` + 8 hex digits of its FNV-1a hash),
 * not from its position: reordering the 办事指南 does not change what a client already sends. `materialOfAttribute`
 * maps a code back for the side that receives applications.
 *
 * Pure: no I/O.
 */
import { ITEM_KIND_LABELS, type CatalogItem, type Material } from '../catalog/item.js';
import type { Open311Value } from './document.js';

/** GeoReport v2 attribute datatypes. */
export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];

export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export type ServiceItem = Pick<
  CatalogItem,
  'code' | 'name' | 'aliases' | 'category' | 'department' | 'kind' | 'promisedDays' | 'conditions' | 'fee' | 'materials' | 'onlineAllowed'
>;

/** The applicant attributes, in order; the same for every service. */
export const APPLICANT_ATTRIBUTES = {
  type: 'APPLICANT_TYPE',
  name: 'APPLICANT_NAME',
  idNumber: 'APPLICANT_ID_NUMBER',
  phone: 'APPLICANT_PHONE',
} as const;

/** The receiving center: the applicant chooses among the centers offering the item, as in the public hall. */
export const CENTER_ATTRIBUTE = 'CENTER';

/** A center offering the item: its organisation code (the attribute's key) and name. */
export interface ServiceCenter {
  key: string;
  name: string;
}

export const APPLICANT_TYPES = [
  { key: 'person', name: '个人' },
  { key: 'organization', name: '单位（企业、个体工商户、社会组织、机关事业单位等）' },
] as const;

const MAX_CONDITION_CHARS = 60;

/** The first sentence of the conditions, at most 60 characters. */
function conditionSummary(conditions: string): string {
  const first = conditions.split(/[。；;\n]/).map((s) => s.trim()).find((s) => s !== '') ?? '';
  const chars = [...first];
  return chars.length > MAX_CONDITION_CHARS ? `${chars.slice(0, MAX_CONDITION_CHARS).join('')}…` : first;
}

/** A short Chinese summary of the item for the service list: who, how long, what it costs, who may apply. */
export function serviceDescription(item: ServiceItem): string {
  const time = item.kind === 'immediate' ? '当场办结' : `承诺${item.promisedDays}个工作日内办结`;
  const fee = item.fee.amount === 0 ? '不收费' : `收费${item.fee.amount}元`;
  const condition = conditionSummary(item.conditions);
  return `${item.department}实施的${ITEM_KIND_LABELS[item.kind]}，${time}，${fee}。${condition ? `办理条件：${condition}${/[。…]$/.test(condition) ? '' : '。'}` : ''}`;
}

/**
 * Items whose 办事指南 lists this many materials or more are `batch` services: a request may carry that many scans of
 * up to 10 MB each (50 MB and more) to be downloaded from the third party's server, which is no work to do while
 * its client waits on the POST. Such a request is checked at once, queued and answered with a token; a job downloads
 * the materials one at a time and files the application (tokens.ts). Items with fewer materials are `realtime`.
 */
export const BATCH_MATERIALS = 5;

export type ServiceType = 'realtime' | 'batch';

/** realtime: the POST answers the service_request_id; batch: a token, the id later (`GET tokens/{token}`). */
export const serviceTypeOf = (item: Pick<ServiceItem, 'materials'>): ServiceType => (item.materials.length >= BATCH_MATERIALS ? 'batch' : 'realtime');

/** One entry of `GET services`, in the specification's element order. */
export function serviceOf(item: ServiceItem) {
  return {
    service_code: item.code,
    service_name: item.name,
    description: serviceDescription(item),
    metadata: true,
    type: serviceTypeOf(item),
    keywords: item.aliases.join(','),
    group: item.category,
  } satisfies Open311Value;
}

/** 32-bit FNV-1a of the UTF-16 code units, as 8 upper-case hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).toUpperCase().padStart(8, '0');
}

/** The attribute code of each material of an item, in the item's order (unique within the item). */
export function materialAttributeCodes(materials: readonly Pick<Material, 'name'>[]): string[] {
  const seen = new Set<string>();
  return materials.map((m, i) => {
    let code = `MATERIAL_${fnv1a(m.name.trim())}`;
    // two names of one item with the same 32-bit hash: the later one is told apart by its position
    if (seen.has(code)) code = `${code}_${i + 1}`;
    seen.add(code);
    return code;
  });
}

/** The material an attribute code names in the item, or null (an applicant attribute or an unknown code). */
export function materialOfAttribute<M extends Pick<Material, 'name'>>(materials: readonly M[], code: string): M | null {
  const index = materialAttributeCodes(materials).indexOf(code);
  return index === -1 ? null : (materials[index] ?? null);
}

function materialDescription(m: Material): string {
  const parts = [m.main ? '主件' : '附件', `${m.copies}份`];
  if (m.original) parts.push('受理时须出示原件核对');
  return `申报材料：${m.name}（${parts.join('，')}）`;
}

/**
 * What a material's value must be, as the server really treats it (checkRequest, fetch-material.ts): http or https
 * (https preferred), fetched when the request is filed — at the POST for a realtime service, in the queue for a batch
 * one — and one file that cannot be used refuses the whole request, so the client must fix it and post again.
 */
export const MATERIAL_FORMAT =
  '材料扫描件或照片的网址：以 https://（或 http://）开头、可直接下载的 PDF、JPG 或 PNG 文件，不超过 10 MB；多页的请合成一个 PDF。提交时由本服务当即下载核对（type 为 batch 的事项在排队受理时下载）：任何一份下载不了、超过 10 MB 或不是 PDF/JPG/PNG 的，整份申请不予建立，请修正网址或文件后重新提交。';

/**
 * The attributes of a service: the applicant first, then each material of the 办事指南 (主件 required), then the
 * receiving center when the caller knows the centers offering the item (required when there is a choice).
 */
export function serviceAttributes(item: ServiceItem, centers: readonly ServiceCenter[] = []): ServiceAttribute[] {
  const applicant: ServiceAttribute[] = [
    {
      variable: true,
      code: APPLICANT_ATTRIBUTES.type,
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: '从列表中选择一项，填写其 key',
      order: 1,
      description: '申请人类型：个人申请，还是以单位名义申请',
      values: APPLICANT_TYPES.map((v) => ({ key: v.key, name: v.name })),
    },
    {
      variable: true,
      code: APPLICANT_ATTRIBUTES.name,
      datatype: 'string',
      required: true,
      datatype_description: '与身份证件或营业执照上的一致，不超过50个字',
      order: 2,
      description: '申请人姓名；单位申请的填写单位全称',
    },
    {
      variable: true,
      code: APPLICANT_ATTRIBUTES.idNumber,
      datatype: 'string',
      required: true,
      datatype_description: '18位：公民身份号码末位可以是X；统一社会信用代码由数字和大写字母组成',
      order: 3,
      description: '申请人的公民身份号码；单位申请的填写统一社会信用代码',
    },
    {
      variable: true,
      code: APPLICANT_ATTRIBUTES.phone,
      datatype: 'string',
      required: true,
      datatype_description: '11位手机号码，如 13800000000',
      order: 4,
      description: '申请人的手机号码：预审、补正、受理和办结的结果以短信告知',
    },
  ];
  const codes = materialAttributeCodes(item.materials);
  const materials = item.materials.map(
    (m, i): ServiceAttribute => ({
      variable: true,
      code: codes[i]!,
      datatype: 'string',
      required: m.main,
      datatype_description: MATERIAL_FORMAT,
      order: applicant.length + i + 1,
      description: materialDescription(m),
    }),
  );
  const center: ServiceAttribute[] =
    centers.length === 0
      ? []
      : [
          {
            variable: true,
            code: CENTER_ATTRIBUTE,
            datatype: 'singlevaluelist',
            required: centers.length > 1,
            datatype_description: '从列表中选择一项，填写其 key（中心的机构代码）',
            order: applicant.length + materials.length + 1,
            description: '受理中心：由哪个便民服务中心受理并预审该申请',
            values: centers.map((c) => ({ key: c.key, name: c.name })),
          },
        ];
  return [...applicant, ...materials, ...center];
}

/** `GET services/{service_code}`: the service definition in the specification's element order. */
export function serviceDefinitionOf(item: ServiceItem, centers: readonly ServiceCenter[] = []) {
  return {
    service_code: item.code,
    attributes: serviceAttributes(item, centers).map((a) => {
      const base = {
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description,
        order: a.order,
        description: a.description,
      };
      return a.values ? { ...base, values: a.values } : base;
    }),
  } satisfies Open311Value;
}
