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
  private placeholders: MutationObserver | undefined;

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
    this.translatePlaceholders();
  }

  /**
   * form-js writes an English "Select" into an empty select (a literal in its Select component, with no option to change
   * it): the screen's word replaces it, also after form-js redraws.
   */
  private translatePlaceholders(): void {
    this.placeholders?.disconnect();
    const replace = () => {
      for (const node of this.container.querySelectorAll('.fjs-select-placeholder')) {
        // The text node itself is changed, not replaced: form-js (preact) keeps it and writes the chosen value into it.
        const text = node.firstChild;
        if (text?.nodeType === Node.TEXT_NODE && text.nodeValue === 'Select') {
          text.nodeValue = t('selectPlaceholder');
        }
      }
    };
    replace();
    if (typeof MutationObserver !== 'undefined') {
      this.placeholders = new MutationObserver(replace);
      this.placeholders.observe(this.container, { childList: true, subtree: true, characterData: true });
    }
  }

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
    this.placeholders?.disconnect();
    this.form?.destroy();
    this.form = undefined;
  }
}
