import { errorText } from '../app/errors';
import { ApiError, type CaseGround, type QadamApi, type StudentInfo } from '../api/client';
import { el, navigate, notice } from '../app/dom';
import { language, t, type MessageKey } from '../i18n';
import { pathwayName } from './pathways';
import { datePicker } from '../forms/datePicker';

/** Today in Kazakhstan (UTC+5), as yyyy-mm-dd: the default filing date. */
export function todayInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Pathways started by their own screens and endpoints, never filed by hand: the day's frost decision
 * (POST /api/weather-decisions) and a regional emergency order (POST /api/emergency-orders).
 */
const startedElsewhere = new Set(['weather', 'emergency-transfer']);

/**
 * Pathways a college files for itself and one of its educational programmes, with no student: online learning in TVET
 * (order 225 para 7; order 349 Annex 2 as amended by 103, para 5). The API refuses a student for them (CaseScope.cs).
 */
export const organisationPathways = new Set(['tvet-online']);

/**
 * Whom a filed case is about, as POST /api/cases takes it: the student's IIN, or for an organisation's own pathway the
 * programme's code and name and no student (a student sent with tvet-online is a 422 on studentIin).
 */
export function filingSubject(pathway: string, studentIin: string | undefined, programmeCode: string, programmeName: string):
  { studentIin?: string; programmeCode?: string; programmeName?: string } {
  return organisationPathways.has(pathway)
    ? { programmeCode: programmeCode.trim(), programmeName: programmeName.trim() }
    : { studentIin };
}

/** The pathways a clerk may file: published, not started by an order or a frost decision; by name in the screen's language. */
export function fileablePathways(keys: Array<{ key: string; kind: string; versions: Array<{ status: string }> }>): string[] {
  return keys
    .filter((k) => k.kind === 'bpmn' && k.versions.some((v) => v.status === 'published') && !startedElsewhere.has(k.key))
    .map((k) => k.key)
    .sort((a, b) => pathwayName(a).localeCompare(pathwayName(b), language()));
}

/** A form of several fields, each with its error line; the API's 422 errors show under their fields, in red. */
export interface FileCaseForm {
  root: HTMLElement;
  /** Re-reads the language-bound parts not tagged with data-i18n (the pathway names, the chosen student's line). */
  relabel: () => void;
}

/** A ground of para 3 as the filing form's list shows it: its label in the screen's language, then its paragraph. */
export function groundLabel(ground: CaseGround, lang: string): string {
  return `${lang === 'ru' ? ground.labelRu : ground.labelKk} (${ground.paragraph})`;
}

/** The form a clerk, head or regional officer files a case with. */
export async function fileCaseForm(api: QadamApi): Promise<FileCaseForm> {
  const pathways = fileablePathways(await api.listDefinitions());
  const errors = new Map<string, HTMLElement>();
  const field = (name: string, label: MessageKey, control: HTMLElement, id: string) => {
    const error = el('span', { class: 'field-error', attrs: { 'data-field': name, id: `${id}-error`, 'aria-live': 'polite' } });
    errors.set(name, error);
    control.setAttribute('aria-describedby', `${id}-error`);
    return el('label', { attrs: { for: id } }, el('span', { i18n: label }), control, error);
  };
  // No pathway is preselected: a clerk who does not choose is told so, instead of filing the first one by accident.
  const pathway = el('select', { attrs: { id: 'case-pathway', name: 'pathway' } },
    el('option', { attrs: { value: '' }, i18n: 'choosePathway' }),
    ...pathways.map((p) => el('option', { attrs: { value: p, 'data-pathway': p } }, pathwayName(p))));
  const picker = studentPicker(api);
  const programmeCode = el('input', { attrs: { id: 'case-programme-code', name: 'programmeCode', autocomplete: 'off', maxlength: '20' } });
  const programmeName = el('input', { attrs: { id: 'case-programme-name', name: 'programmeName', maxlength: '300' } });
  const ground = el('input', { attrs: { id: 'case-ground', name: 'ground' } });
  // A pathway of para 3 takes a ground code of its edition (349 Annex 2 / 103 Annex 1 para 3): a list instead of the text.
  const groundCode = el('select', { attrs: { id: 'case-ground-code', name: 'groundCode', 'data-testid': 'case-ground-code' } });
  groundCode.hidden = true;
  let grounds: CaseGround[] = [];
  const labelGrounds = () => {
    groundCode.querySelectorAll<HTMLOptionElement>('option').forEach((option) => {
      const g = grounds.find((x) => x.code === option.value);
      if (g) {
        option.textContent = groundLabel(g, language());
      }
    });
  };
  const filedOn = el('input', { attrs: { id: 'case-filed-on', name: 'filedOn', type: 'date', value: todayInKazakhstan() } });
  let groundsAsked = 0;
  const loadGrounds = () => {
    const ticket = ++groundsAsked;
    const offer = (list: CaseGround[]) => {
      if (ticket !== groundsAsked) {
        return;
      }
      grounds = list;
      groundCode.replaceChildren(...list.map((g) => el('option', { attrs: { value: g.code } }, g.code)));
      labelGrounds();
      groundCode.hidden = list.length === 0;
      ground.hidden = list.length > 0;
    };
    if (!pathway.value || !filedOn.value) {
      offer([]);
      return;
    }
    api.caseGrounds(pathway.value, filedOn.value).then((answer) => offer(answer.enumerated ? answer.grounds : []), () => offer([]));
  };
  pathway.addEventListener('change', loadGrounds);
  filedOn.addEventListener('change', loadGrounds);
  const studentField = field('studentIin', 'studentSearch', picker.input, 'case-student');
  const programmeFields = el('div', { class: 'programme-fields', attrs: { 'data-testid': 'case-programme' } },
    el('p', { class: 'muted', i18n: 'caseForOrganisation' }),
    field('programmeCode', 'caseProgrammeCode', programmeCode, 'case-programme-code'),
    field('programmeName', 'caseProgrammeName', programmeName, 'case-programme-name'));
  // The student's picker or the programme's fields, as the chosen pathway is a student's case or the organisation's own.
  const forOrganisation = () => organisationPathways.has(pathway.value);
  const showSubject = () => {
    studentField.hidden = forOrganisation();
    picker.panel.hidden = forOrganisation();
    programmeFields.hidden = !forOrganisation();
  };
  showSubject();
  pathway.addEventListener('change', showSubject);
  const lang = el('select', { attrs: { id: 'case-language', name: 'language' } },
    el('option', { attrs: { value: 'kk' }, i18n: 'languageKk' }), el('option', { attrs: { value: 'ru' }, i18n: 'languageRu' }));
  lang.value = language();
  const status = el('div');
  // novalidate: the app checks and words every field itself, never the browser's own "Please fill out this field".
  const form = el('form', { class: 'file-case', attrs: { 'data-testid': 'file-case', novalidate: true } },
    el('h2', { i18n: 'newCase' }),
    el('div', { class: 'form-grid' },
      field('pathway', 'pathway', pathway, 'case-pathway'), studentField,
      programmeFields,
      groundField(field('ground', 'ground', ground, 'case-ground'), groundCode), field('filedOn', 'filedOn', filedOn, 'case-filed-on'),
      field('language', 'applicantLanguage', lang, 'case-language')),
    picker.panel,
    status,
    el('button', { class: 'primary', i18n: 'fileCase', attrs: { type: 'submit', id: 'file-case' } }));
  const filedOnPicker = datePicker(filedOn);
  // One key per form: a double click or a retry after a lost answer files the case once.
  let idempotencyKey = crypto.randomUUID();
  form.addEventListener('input', () => {
    idempotencyKey = crypto.randomUUID();
  });
  const show = (name: string, message: string, key?: MessageKey) => {
    const target = errors.get(name);
    if (target) {
      target.textContent = message;
      // The app's own messages follow the language switch; the API's are in the language they were asked in.
      if (key) {
        target.dataset['i18n'] = key;
      } else {
        delete target.dataset['i18n'];
      }
      target.previousElementSibling?.setAttribute('aria-invalid', 'true');
    } else {
      status.append(notice('error', message));
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.forEach((e) => {
      e.replaceChildren();
      delete e.dataset['i18n'];
      e.previousElementSibling?.removeAttribute('aria-invalid');
    });
    status.replaceChildren();
    const chosen = picker.chosen();
    const organisation = forOrganisation();
    const code = programmeCode.value.trim();
    const name = programmeName.value.trim();
    if (!pathway.value || (organisation ? !code || !name : !chosen)) {
      if (!pathway.value) {
        show('pathway', t('pathwayRequired'), 'pathwayRequired');
      }
      if (!organisation && !chosen) {
        show('studentIin', t('studentRequired'), 'studentRequired');
      }
      if (organisation && !code) {
        show('programmeCode', t('caseProgrammeCodeRequired'), 'caseProgrammeCodeRequired');
      }
      if (organisation && !name) {
        show('programmeName', t('caseProgrammeNameRequired'), 'caseProgrammeNameRequired');
      }
      return;
    }
    api.fileCase({
      pathway: pathway.value,
      ...filingSubject(pathway.value, chosen?.iin, code, name),
      ground: groundCode.hidden ? ground.value.trim() : groundCode.value, filedOn: filedOn.value,
      language: lang.value === 'ru' ? 'ru' : 'kk',
    }, idempotencyKey).then((filed) => navigate(`/app/cases/${filed.id}`), (error: unknown) => {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        for (const [name, messages] of Object.entries(error.fieldErrors)) {
          show(name, messages.join(' '));
        }
      } else {
        status.replaceChildren(notice('error', errorText(error)));
      }
    });
  });
  return {
    root: form,
    relabel: () => {
      pathway.querySelectorAll<HTMLOptionElement>('option[data-pathway]').forEach((option) => {
        option.textContent = pathwayName(option.value);
      });
      picker.relabel();
      filedOnPicker.relabel();
      labelGrounds();
    },
  };
}

/** The ground's label holds both the free-text input and the list of codes; one of them is shown. */
function groundField(label: HTMLElement, codes: HTMLSelectElement): HTMLElement {
  label.insertBefore(codes, label.querySelector('.field-error'));
  return label;
}

/**
 * The student by name, class or IIN: the clerk types, picks one of the students the API finds on the rosters, and
 * sees the name, class and IIN of the one chosen before filing.
 */
function studentPicker(api: QadamApi) {
  const input = el('input', {
    i18nPlaceholder: 'studentSearchHint',
    attrs: { id: 'case-student', type: 'search', autocomplete: 'off', 'aria-controls': 'case-student-results' },
  });
  const results = el('ul', { class: 'student-results', attrs: { id: 'case-student-results', 'data-testid': 'student-results' } });
  const confirmation = el('p', { class: 'student-chosen', attrs: { 'data-testid': 'student-chosen', role: 'status' } });
  const panel = el('div', { class: 'student-picker' }, results, confirmation);
  let chosen: StudentInfo | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const describe = () => {
    confirmation.replaceChildren();
    if (chosen) {
      confirmation.append(t('studentChosen', { name: chosen.fullName, class: chosen.className, iin: chosen.iin }), ' ',
        el('button', {
          class: 'link-button', i18n: 'studentChange', attrs: { type: 'button' },
          on: { click: () => choose(undefined) },
        }));
    }
  };
  const choose = (student: StudentInfo | undefined) => {
    chosen = student;
    results.replaceChildren();
    input.value = student ? student.fullName : '';
    describe();
    if (!student) {
      input.focus();
    }
  };
  input.addEventListener('input', () => {
    chosen = undefined;
    describe();
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      results.replaceChildren();
      return;
    }
    timer = setTimeout(() => {
      const ticket = ++asked;
      api.findStudents(text).then((found) => {
        if (ticket !== asked) {
          return;
        }
        results.replaceChildren(...(found.length
          ? found.map((s) => el('li', {}, el('button', {
            class: 'student-option', attrs: { type: 'button', 'data-iin': s.iin },
            on: { click: () => choose(s) },
          }, el('strong', {}, s.fullName), ` · ${s.className} · ${s.iin}`)))
          : [el('li', { class: 'muted', i18n: 'studentNoMatch' })]));
      }, () => results.replaceChildren());
    }, 250);
  });
  return { input, panel, chosen: () => chosen, relabel: describe };
}
