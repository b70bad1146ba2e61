import type { CatalogItem, Item } from '../api/item-schema';

/** What the item form holds while someone fills it in: an item whose numbers may still be empty. */
export type ItemFormValues = Omit<CatalogItem, 'promisedDays'> & { promisedDays: number | null };

export const EMPTY_ITEM: ItemFormValues = {
  code: '',
  name: '',
  aliases: [],
  category: '',
  department: '',
  window: '',
  level: 'township',
  acceptLevels: ['township'],
  kind: 'promised',
  legalDays: null,
  promisedDays: 5,
  joint: [],
  inPersonRequired: false,
  proxyAllowed: true,
  onlineAllowed: false,
  conditions: '',
  basis: [''],
  steps: ['申请', '受理', '审核', '决定', '送达'],
  materials: [{ name: '居民身份证', main: true, copies: 1, original: true }],
  result: '',
  fee: { amount: 0, basis: '不收费' },
  publicNotes: null,
  specialSteps: [],
};

/** A stored item as the form's starting values: the item without what the catalog adds to it (a listed one has its pinyin). */
export const formValuesOf = ({ id: _id, status: _s, retiredReason: _r, version: _v, updatedAt: _u, pinyin: _p, ...item }: Item & { pinyin?: unknown }): ItemFormValues => item;

/**
 * The form's values as the item to check with the server's own rules (`validateItem`). Only what the form
 * itself implies is settled here: an immediate item has no promised days (its input is disabled), a person
 * who must come in person cannot send a proxy, and blank lines of a list are dropped. Trimming, capitals in
 * the code and empty notes are the schema's business.
 */
export function toItemInput(values: ItemFormValues) {
  const lines = (list: readonly string[] | undefined) => (list ?? []).map((s) => s.trim()).filter(Boolean);
  return {
    ...values,
    promisedDays: values.kind === 'immediate' ? 0 : (values.promisedDays ?? undefined),
    proxyAllowed: values.inPersonRequired ? false : values.proxyAllowed,
    aliases: lines(values.aliases),
    joint: lines(values.joint),
    basis: lines(values.basis),
    steps: lines(values.steps),
    materials: values.materials ?? [],
    specialSteps: values.specialSteps ?? [],
  };
}
