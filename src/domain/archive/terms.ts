/**
 * The words of 立卷归档 (DOMAIN.md "Archive"; REFERENCES.md: 国办发〔2023〕26号, DA/T 85-2019, GB/T 18894-2016). A
 * finished case's whole file is kept as one dossier (案卷) with a retention period (保管期限) taken from the center's
 * 保管期限表, and a 档号 of 全宗号（机构代码）-年度-保管期限代码-件号, the period written as DA/T 13 codes it.
 */

/** 保管期限: 永久, 30 年, 10 年. */
export const RETENTION_PERIODS = ['permanent', '30y', '10y'] as const;
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];

export const RETENTION_NAMES: Record<RetentionPeriod, string> = { permanent: '永久', '30y': '30年', '10y': '10年' };

/** 保管期限代码 in the 档号 (DA/T 13): Y, D30, D10. */
export const RETENTION_CODES: Record<RetentionPeriod, string> = { permanent: 'Y', '30y': 'D30', '10y': 'D10' };

/** An item the 保管期限表 does not name is kept 30 years until the director sets it (most licensing files are). */
export const DEFAULT_RETENTION: RetentionPeriod = '30y';

/** The parts of a dossier, in the order its 卷内目录 lists them. */
export const DOSSIER_PARTS = ['application', 'materials', 'papers', 'process', 'result', 'evaluation', 'supervision'] as const;
export type DossierPart = (typeof DOSSIER_PARTS)[number];

export const DOSSIER_PART_NAMES: Record<DossierPart, string> = {
  application: '申请',
  materials: '申请材料',
  papers: '文书',
  process: '办理过程',
  result: '办理结果',
  evaluation: '评价',
  supervision: '监察记录',
};
