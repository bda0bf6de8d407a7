import { language } from '../../i18n';
import { translateBpmn } from './bpmnTexts';

/** bpmn-js's `translate` service in the screen's language (https://github.com/bpmn-io/bpmn-js-examples/tree/main/i18n). */
export default {
  translate: ['value', (template: string, replacements?: Record<string, string>) => translateBpmn(language(), template, replacements)],
};
