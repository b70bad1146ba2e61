// The calendars either side of a year's announcement, for the recount tests: the shipped official years (2027
// provisional), and the same with a made-up 2027 file imported.
import { buildCalendar } from '../../../src/domain/calendar/calendar.js';
import { officialYears } from '../../../src/domain/calendar/official.js';
import { withProvisionalYears } from '../../../src/domain/calendar/provisional.js';
import { parseYearFile } from '../../../src/domain/calendar/year-file.js';

const parsed = (file: unknown) => {
  const r = parseYearFile(file);
  if (!r.ok) throw new Error(r.errors.join());
  return r.value;
};
const shipped = officialYears().map(parsed);
/** Made up for the test: 元旦 2027 with a make-up Saturday on 9 January, which no provisional calendar guesses. */
const y2027 = parsed({ year: 2027, source: '测试', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: ['2027-01-09'] }] });
const calendarOf = (years: typeof shipped) => withProvisionalYears(buildCalendar(years.map((y) => y.year), years.flatMap((y) => y.overrides)));

/** Before 2027 is announced, and after the made-up 2027 file is imported. */
export const before = calendarOf(shipped);
export const after = calendarOf([...shipped, y2027]);
export const hours = { sessions: [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }] };
