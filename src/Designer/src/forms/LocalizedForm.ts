import { Form } from '@bpmn-io/form-js-viewer';
import { language, t } from '../i18n';
import type { FormSchema } from '../staff/formMapping';
import { useDatePickerLanguage } from './datePicker';
import { translateFormMessage } from './formMessages';
import { localizeSchema } from './localizeSchema';

type FormData = Record<string, unknown>;

type Validator = Record<'validateField' | 'validateFieldInstance', (...args: unknown[]) => string[]>;

/**
 * A form-js form shown in the screen's language. A language switch draws the form again in the other language with
 * what was typed so far: the data are taken from form-js's state (valid or not) and imported with the new schema.
 */
export class LocalizedForm {
  private form: Form | undefined;
  private schema: FormSchema;

  constructor(private readonly container: HTMLElement, schema: FormSchema) {
    this.schema = schema;
  }

  /** Draws `schema` (or the current one) with `data`. */
  async show(schema: FormSchema = this.schema, data: FormData = {}): Promise<void> {
    this.schema = schema;
    this.form?.destroy();
    const current = language();
    useDatePickerLanguage(current);
    // Undebounced input (form-js config `debounce`): "Complete" clicked right after typing must submit what was typed.
    const form = new Form({ container: this.container, debounce: false } as ConstructorParameters<typeof Form>[0]);
    const validator = form.get('validator') as Validator;
    for (const method of ['validateField', 'validateFieldInstance'] as const) {
      const english = validator[method].bind(validator);
      validator[method] = (...args: unknown[]) => english(...args).map((message) => translateFormMessage(message, current));
    }
    await form.importSchema(localizeSchema(schema, current), data);
    this.form = form;
    this.translateSelectPlaceholder();
  }

  /**
   * form-js's plain select writes a fixed English "Select" while nothing is chosen (no placeholder option): the screen's
   * word replaces it whenever form-js draws it.
   */
  private translateSelectPlaceholder(): void {
    const replace = () => this.container.querySelectorAll('.fjs-select-display.fjs-select-placeholder').forEach((display) => {
      // The text node itself is changed, not replaced: form-js (preact) keeps writing into the same node when a value is chosen.
      const text = display.firstChild;
      if (text?.nodeType === Node.TEXT_NODE && text.nodeValue === 'Select') {
        text.nodeValue = t('formSelectPlaceholder');
      }
    });
    replace();
    this.observer?.disconnect();
    this.observer = new MutationObserver(replace);
    this.observer.observe(this.container, { childList: true, subtree: true, characterData: true });
  }

  private observer: MutationObserver | undefined;

  /** What is typed now, including values that do not pass validation yet. */
  data(): FormData {
    return { ...((this.form?._getState() as { data?: FormData } | undefined)?.data ?? {}) };
  }

  /** Redraws in the current language, keeping what was typed. */
  relabel(): Promise<void> {
    return this.show(this.schema, this.data());
  }

  submit(): { data: FormData; errors: Record<string, unknown> } {
    if (!this.form) {
      return { data: {}, errors: {} };
    }
    return this.form.submit() as { data: FormData; errors: Record<string, unknown> };
  }

  /** Shows errors (messages by component id) under their fields. */
  setErrors(errors: Record<string, string[]>): void {
    this.form?._setState({ errors });
  }

  destroy(): void {
    this.observer?.disconnect();
    this.form?.destroy();
    this.form = undefined;
  }
}
