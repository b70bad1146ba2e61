// The tiers, their default names and center suffixes are the server's own (src/domain/orgs/tree.ts).
import { CENTER_SUFFIX, ORG_LEVELS, type LevelNames, type OrgLevel } from '@domain/orgs/tree';

export { CENTER_SUFFIX, DEFAULT_LEVEL_NAMES, childLevel, type LevelNames } from '@domain/orgs/tree';
export const LEVELS = ORG_LEVELS;
export type Level = OrgLevel;

/** "县级", "苏木级" — the tier itself. */
export const levelLabel = (level: string, names: LevelNames): string => `${names[level as Level] ?? level}级`;

/** "乡镇便民服务中心", "苏木便民服务中心" — the kind of center at that tier. */
export const centerKind = (level: string, names: LevelNames): string =>
  `${names[level as Level] ?? ''}${CENTER_SUFFIX[level as Level] ?? ''}`;

export const levelOptions = (names: LevelNames) => LEVELS.map((value) => ({ value, label: levelLabel(value, names) }));

export const LEVEL_COLORS: Record<Level, string> = { county: 'red', township: 'blue', village: 'green' };

/** The full name of an organisation's center (the printed notices' wording, shared with the public pages). */
export { centerTitle } from '@shared/notices/text';
