import { describe, expect, it } from 'vitest';
import { translateBpmn } from './bpmnTexts';

describe('translateBpmn', () => {
  it('given bpmn-js texts, when the screen is Kazakh or Russian, then the palette and panel read in that language', () => {
    expect(translateBpmn('kk', 'Create task')).toBe('Қадам (тапсырма)');
    expect(translateBpmn('ru', 'General')).toBe('Основное');
    expect(translateBpmn('ru', 'Open {element}', { element: 'X' })).toBe('Открыть X');
  });

  it('given a text without a translation, then it is kept with its replacements filled', () => {
    expect(translateBpmn('kk', 'Unknown {x}', { x: '1' })).toBe('Unknown 1');
  });
});
