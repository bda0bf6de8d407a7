import { afterEach, describe, expect, it } from 'vitest';
import type { WeatherDecisionSchool } from '../api/client';
import { setLanguage } from '../i18n';
import { kazakhstanTime, notificationsText, orderStateText } from './FrostDecisionScreen';

const school = (overrides: Partial<WeatherDecisionSchool>): WeatherDecisionSchool => ({
  organisation: 's1', nameKk: '№ 1 мектеп-лицей', nameRu: 'Школа-лицей № 1', shifts: [1], orderState: 'not-yet', escalated: false,
  studentsMoved: 0, parentsReached: 0, ...overrides,
});

describe('orderStateText', () => {
  afterEach(() => setLanguage('kk'));

  it('states each school order against its window in Kazakhstan time, in kk and ru', () => {
    // given an order made at 01:05 UTC (06:05 in Astana), one awaited until 07:00 and one late and escalated
    const ordered = school({ orderState: 'ordered', orderedAt: '2026-12-07T01:05:00Z' });
    const waiting = school({ orderDueAt: '2026-12-07T02:00:00Z' });
    const late = school({ orderState: 'late', escalated: true });

    // then in Kazakh and in Russian
    setLanguage('kk');
    expect([orderStateText(ordered), orderStateText(waiting), orderStateText(late)])
      .toEqual(['06:05 шығарылды', 'Әлі жоқ (07:00 дейін)', 'Мерзімі өтті, басқармаға жіберілді']);
    setLanguage('ru');
    expect([orderStateText(ordered), orderStateText(waiting), orderStateText(late)])
      .toEqual(['издан в 06:05', 'Ещё нет (до 07:00)', 'Срок истёк, передано в управление']);
    expect(kazakhstanTime('2026-12-07T06:15:00Z')).toBe('11:15');
  });
});

describe('orderStateText for an excluded college', () => {
  afterEach(() => setLanguage('kk'));

  it('says the college is not moved and why, in kk and ru', () => {
    // given a pedagogical college the exclusion left out of the decision, with the table's reasons
    const college = school({
      organisation: 'c2', orderState: 'excluded',
      exclusionReasonKk: 'Медициналық, фармацевтикалық және педагогикалық білім беру бағдарламалары бойынша қашықтан оқытуға жол берілмейді',
      exclusionReasonRu: 'Дистанционное обучение по программам медицинского, фармацевтического и педагогического образования не допускается',
    });

    // then in Kazakh and in Russian
    setLanguage('kk');
    expect(orderStateText(college)).toBe('Қашықтан оқытуға ауыстырылмайды: Медициналық, фармацевтикалық және педагогикалық білім беру бағдарламалары бойынша қашықтан оқытуға жол берілмейді');
    setLanguage('ru');
    expect(orderStateText(college)).toBe('Не переводится на дистанционное обучение: Дистанционное обучение по программам медицинского, фармацевтического и педагогического образования не допускается');
  });
});

describe('notificationsText', () => {
  afterEach(() => setLanguage('kk'));

  it('lists each channel the school used with its time and marks one outside its approved system, in kk and ru', () => {
    // given a school that told parents through its class teachers at 06:50 and on television, which its district did not approve
    const sent = school({
      notifications: [
        { channel: 'class-teachers', labelKk: 'Сынып жетекшілері', labelRu: 'Классные руководители', at: '2026-12-07T01:50:00Z', approved: true },
        { channel: 'tv-radio', labelKk: 'Жергілікті теле- және радиоарналар', labelRu: 'Местные теле- и радиоканалы', at: '2026-12-07T01:50:00Z', approved: false },
      ],
    });

    // then
    setLanguage('ru');
    expect(notificationsText(sent))
      .toBe('Классные руководители, 06:50; Местные теле- и радиоканалы, 06:50 (нет в утверждённой системе оповещения)');
    setLanguage('kk');
    expect(notificationsText(sent))
      .toBe('Сынып жетекшілері, 06:50; Жергілікті теле- және радиоарналар, 06:50 (бекітілген хабарлау жүйесінде жоқ)');
    expect(notificationsText(school({}))).toBe('—');
  });
});
