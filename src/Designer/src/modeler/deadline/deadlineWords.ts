// A step's deadline (qadam:deadline) as the legal department writes and reads it: a number, a unit, and whether the
// order counts calendar or working days; stored as the ISO 8601 duration the engine computes due times from
// (src/Workflows/Definitions/TimerSyntax.cs: P5D, PT4H, P2W, P1M).
import type { Language } from '../../i18n';

export type DeadlineUnit = 'hours' | 'days' | 'weeks' | 'months';

export interface Deadline {
  amount: number;
  unit: DeadlineUnit;
  /** Working days (weekends, public holidays and transferred days off not counted), only with unit 'days'. */
  working: boolean;
}

/**
 * How the engine spells "n working days": the expression `=addWorkingDays(today(), n)`, the n-th working day after the
 * day the task opens by Kazakhstan's working-day calendar (src/Workflows/Execution/ExpressionEvaluator.cs,
 * src/Workflows/Tables/WorkingCalendar.cs: weekends, public holidays and transferred days off not counted). The editor,
 * the diff and the words read and write it here.
 */
export const workingDaysSyntax: { write(amount: number): string; read(text: string): number | undefined } = {
  write: (amount) => `=addWorkingDays(today(), ${amount})`,
  read: (text) => {
    const match = /^=\s*addWorkingDays\(\s*today\(\)\s*,\s*(\d+)\s*\)$/.exec(text.trim());
    return match ? Number(match[1]) : undefined;
  },
};

const isoUnits: Record<DeadlineUnit, string> = { hours: 'TH', days: 'D', weeks: 'W', months: 'M' };

/** The ISO 8601 value of a deadline (P5D, PT4H, P2W, P1M), or the working-days form when the engine has one. */
export function writeDeadline(deadline: Deadline): string {
  const amount = Math.max(1, Math.floor(deadline.amount));
  if (deadline.working && deadline.unit === 'days') {
    return workingDaysSyntax.write(amount);
  }
  return deadline.unit === 'hours' ? `PT${amount}H` : `P${amount}${isoUnits[deadline.unit]}`;
}

/** A deadline the editor can show as number + unit; undefined for a date, an expression or a compound duration. */
export function readDeadline(text: string | undefined | null): Deadline | undefined {
  const value = text?.trim() ?? '';
  const working = workingDaysSyntax.read(value);
  if (working !== undefined) {
    return { amount: working, unit: 'days', working: true };
  }
  const match = /^P(?:(\d+)([DWM])|T(\d+)H)$/.exec(value);
  if (!match) {
    return undefined;
  }
  if (match[3]) {
    return { amount: Number(match[3]), unit: 'hours', working: false };
  }
  const unit: DeadlineUnit = match[2] === 'D' ? 'days' : match[2] === 'W' ? 'weeks' : 'months';
  return { amount: Number(match[1]), unit, working: false };
}

type Forms = [one: string, few: string, many: string];

// Russian agrees the noun with the number (1 день, 2 дня, 5 дней); Kazakh keeps the singular after a numeral.
const ruWords: Record<DeadlineUnit | 'workingDays', Forms> = {
  hours: ['час', 'часа', 'часов'],
  days: ['календарный день', 'календарных дня', 'календарных дней'],
  workingDays: ['рабочий день', 'рабочих дня', 'рабочих дней'],
  weeks: ['неделя', 'недели', 'недель'],
  months: ['месяц', 'месяца', 'месяцев'],
};
const kkWords: Record<DeadlineUnit | 'workingDays', string> = {
  hours: 'сағат',
  days: 'күнтізбелік күн',
  workingDays: 'жұмыс күні',
  weeks: 'апта',
  months: 'ай',
};

function russianForm(amount: number, forms: Forms): string {
  const lastTwo = amount % 100;
  const last = amount % 10;
  if (lastTwo >= 11 && lastTwo <= 14) {
    return forms[2];
  }
  return last === 1 ? forms[0] : last >= 2 && last <= 4 ? forms[1] : forms[2];
}

/** "5 жұмыс күні" / "5 рабочих дней": a deadline in words. */
export function deadlineWords(deadline: Deadline, language: Language): string {
  const key = deadline.working && deadline.unit === 'days' ? 'workingDays' : deadline.unit;
  const noun = language === 'kk' ? kkWords[key] : russianForm(deadline.amount, ruWords[key]);
  return `${deadline.amount} ${noun}`;
}


/**
 * Any qadam:deadline text in words: a duration ("5 рабочих дней", "1 день 12 часов"), a fixed date-time
 * ("до 01.09.2026 09:00"), or, for an expression the engine evaluates, the expression itself.
 */
export function deadlineText(text: string | undefined | null, language: Language): string | undefined {
  const value = text?.trim();
  if (!value) {
    return undefined;
  }
  const simple = readDeadline(value);
  if (simple) {
    return deadlineWords(simple, language);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (date) {
    const at = `${date[3]}.${date[2]}.${date[1]} ${date[4]}:${date[5]}`;
    return language === 'kk' ? `${at} дейін` : `до ${at}`;
  }
  const compound = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value);
  if (compound && value !== 'P' && value !== 'PT') {
    const [, years, months, weeks, days, hours, minutes] = compound.map((part) => (part ? Number(part) : 0));
    const parts: string[] = [];
    const add = (amount: number | undefined, kk: string, ru: Forms) => {
      if (amount) {
        parts.push(`${amount} ${language === 'kk' ? kk : russianForm(amount, ru)}`);
      }
    };
    add(years, 'жыл', ['год', 'года', 'лет']);
    add(months, kkWords.months, ruWords.months);
    add(weeks, kkWords.weeks, ruWords.weeks);
    add(days, kkWords.days, ruWords.days);
    add(hours, kkWords.hours, ruWords.hours);
    add(minutes, 'минут', ['минута', 'минуты', 'минут']);
    if (parts.length > 0) {
      return parts.join(' ');
    }
  }
  return value;
}
