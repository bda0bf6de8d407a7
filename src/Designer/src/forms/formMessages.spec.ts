import { describe, expect, it } from 'vitest';
import { translateFormMessage } from './formMessages';

describe('translateFormMessage', () => {
  it('given form-js\'s English messages, when the screen is Kazakh or Russian, then they read in that language', () => {
    expect(translateFormMessage('Field is required.', 'kk')).toBe('Толтыру міндетті.');
    expect(translateFormMessage('Field is required.', 'ru')).toBe('Обязательное поле.');
    expect(translateFormMessage('Field must have maximum length of 12.', 'ru')).toBe('Не более 12 символов.');
    expect(translateFormMessage('Please select a valid value, the two nearest valid values are 1 and 2.', 'kk'))
      .toBe('Рұқсат етілген мән таңдаңыз: 1 немесе 2.');
  });

  it('given a message the form itself words (a pattern message), then it is kept', () => {
    expect(translateFormMessage('ЖСН 12 цифрдан тұрады', 'kk')).toBe('ЖСН 12 цифрдан тұрады');
  });
});
