import { describe, expect, it } from 'vitest';
import type { TemplateInfo } from '../api/client';
import { carriedTemplates } from './carriedTemplates';

const template = (templateKey: string, language: 'kk' | 'ru') => ({ templateKey, language }) as TemplateInfo;

describe('templates a draft carries', () => {
  it('lists every rendered document in order with its kk and ru template, a missing one as missing', () => {
    // given a draft that renders an order, a notice and a new refusal notice, with the edition's templates carried over
    const rows = carriedTemplates(['order-transfer', 'parent-notice', 'refusal-notice'],
      [template('parent-notice', 'ru'), template('order-transfer', 'kk'), template('order-transfer', 'ru'), template('parent-notice', 'kk'),
        template('refusal-notice', 'kk'), template('unused', 'kk')]);

    // then the new document lacks its Russian template, and nothing it does not render is listed
    expect(rows).toEqual([
      { templateKey: 'order-transfer', kk: true, ru: true },
      { templateKey: 'parent-notice', kk: true, ru: true },
      { templateKey: 'refusal-notice', kk: true, ru: false },
    ]);
  });
});
