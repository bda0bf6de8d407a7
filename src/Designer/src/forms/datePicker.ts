// form-js draws its date fields with flatpickr. Its stylesheets come with form-js (form-js.css themes the calendar,
// flatpickr/light.css lays it out); without them the calendar's chevrons and day grid spill over the form. The calendar
// speaks the screen's language (flatpickr's kz and ru locales), and the field shows dd.mm.yyyy whatever the browser's
// locale: form-js takes the format from Intl.DateTimeFormat of the browser, an en-US browser would show mm/dd/yyyy.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-viewer/dist/assets/flatpickr/light.css';
import flatpickr from 'flatpickr';
import { Kazakh } from 'flatpickr/dist/esm/l10n/kz.js';
import { Russian } from 'flatpickr/dist/esm/l10n/ru.js';
import type { Instance } from 'flatpickr/dist/types/instance';
import { language, type Language } from '../i18n';

/** The format of dates in Kazakhstan's documents: dd.mm.yyyy (flatpickr's tokens). */
export const dateFormat = 'd.m.Y';

const placeholders: Record<Language, string> = { kk: 'кк.аа.жжжж', ru: 'дд.мм.гггг' };

/** Makes every date picker created from now on speak `language` and show dd.mm.yyyy. */
export function useDatePickerLanguage(language: Language): void {
  flatpickr.localize(language === 'kk' ? Kazakh : Russian);
  flatpickr.setDefaults({
    locale: language === 'kk' ? Kazakh : Russian,
    // form-js passes its own dateFormat; a default hook runs after, on the created instance.
    onReady: [(_dates: Date[], _text: string, instance: Instance) => {
      const selected = instance.selectedDates[0];
      instance.set('dateFormat', dateFormat);
      if (selected) {
        instance.setDate(selected, false);
      }
      instance.input.setAttribute('placeholder', placeholders[language]);
    }],
  });
}

/**
 * A date field of the app's own forms: the value stays yyyy-mm-dd (what the API takes), the person reads and types
 * dd.mm.yyyy in a calendar of the screen's language.
 */
export function datePicker(input: HTMLInputElement): { relabel: () => void } {
  input.type = 'text';
  const picker = flatpickr(input, {
    dateFormat: 'Y-m-d', altInput: true, altFormat: dateFormat, allowInput: true,
    locale: language() === 'kk' ? Kazakh : Russian, onReady: [],
  });
  const visible = picker.altInput;
  if (visible) {
    visible.id = `${input.id}-shown`;
    input.closest('label')?.setAttribute('for', visible.id);
    visible.setAttribute('placeholder', placeholders[language()]);
    // The label and the error line name the field the person types in.
    const describedBy = input.getAttribute('aria-describedby');
    if (describedBy) {
      visible.setAttribute('aria-describedby', describedBy);
    }
  }
  return {
    relabel: () => {
      picker.set('locale', language() === 'kk' ? Kazakh : Russian);
      picker.altInput?.setAttribute('placeholder', placeholders[language()]);
      picker.redraw();
    },
  };
}
