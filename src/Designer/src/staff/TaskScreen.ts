import { fileButton } from '../forms/fileButton';
import { errorText } from '../app/errors';
import { ApiError, type TaskSummary } from '../api/client';
import type { ScreenFactory } from '../app/context';
import { citation, el, formatDate, link, notice, noticeOf } from '../app/dom';
import { documentTitle } from '../documents/titles';
import { evidenceFields, withEvidenceReadOnly } from '../forms/evidenceFields';
import { LocalizedForm } from '../forms/LocalizedForm';
import { pickLanguage } from '../forms/localizeSchema';
import { language, pick } from '../i18n';
import { dataToSubmit, placeFieldErrors, schemaFromFields, type FormSchema } from './formMapping';
import { stepLabel } from './labels';
import { voteScreen } from './VoteScreen';

function isSchema(value: unknown): value is FormSchema {
  return typeof value === 'object' && value !== null && Array.isArray((value as FormSchema).components);
}

/**
 * A task: claim it, fill its form (form-js), complete it. The form is the task's form-js schema as the API sends it;
 * failing that one text field per key the API lists, or, for a task without a form, fields the clerk names.
 */
export const taskScreen: ScreenFactory = async (context, params) => {
  const { api } = context;
  const id = params['id'] ?? '';
  const detail = await api.getTask(id);
  const task = detail.task;
  // A ballot (one member's task of a multi-instance vote) opens on the vote screen: the member sees the tally beside it.
  if (task.caseId) {
    const boxes = await api.ballots(task.caseId).catch(() => []);
    if (boxes.some((box) => box.ballots.some((ballot) => ballot.taskId === id))) {
      history.replaceState(null, '', `/app/cases/${encodeURIComponent(task.caseId)}/vote`);
      return voteScreen(context, { id: task.caseId });
    }
  }
  // A task that works on the case's documents (the head's signature) lists them, each with its review-and-sign page.
  const documents = task.caseId ? await api.caseDocuments(task.caseId).catch(() => []) : [];
  const status = el('div', { attrs: { 'aria-live': 'polite' } });
  const general = el('div', { class: 'form-errors' });
  const formHost = el('div', { class: 'task-form', attrs: { 'data-testid': 'task-form' } });

  const fields = [...(detail.formFields ?? [])];
  // Key/value entry only when the API knows no form for the task; a known form's fields are the only keys it takes.
  const freeForm = fields.length === 0 && !isSchema(detail.form);
  const schema: FormSchema = isSchema(detail.form) ? detail.form : schemaFromFields(fields);
  const shown = withEvidenceReadOnly(schema);
  const form = new LocalizedForm(formHost, shown);
  // The pathway's proposal (the school's indicator table for the frost order) fills the form; the person may change it.
  await form.show(shown, { ...(detail.data ?? {}) });
  const evidence = task.caseId ? evidenceUploads(context.api, task.caseId, schema, form, shown) : { root: '' as const, relabel: () => {} };
  const proposal = detail.proposal;
  const proposalText = el('span', {}, proposal ? pick({ kk: proposal.labelKk, ru: proposal.labelRu }) : '');
  const proposalNote = proposal
    ? el('p', { class: 'notice notice-info', attrs: { 'data-testid': 'task-proposal', role: 'status' } },
      el('strong', { i18n: 'frostProposal' }), ' ', proposalText, proposal.approval ? el('small', {}, ` (${proposal.approval})`) : '')
    : '';

  // Without a form the clerk names the values: each added key becomes a field of the schema.
  const keyInput = el('input', { i18nPlaceholder: 'fieldKey', attrs: { id: 'new-field-key' } });
  const addField = el('div', { class: 'add-field' }, keyInput, el('button', {
    i18n: 'addField',
    on: {
      click: () => {
        const key = keyInput.value.trim();
        if (key && !fields.includes(key)) {
          fields.push(key);
          void form.show(schemaFromFields(fields), form.data());
          keyInput.value = '';
        }
      },
    },
  }));

  const complete = async () => {
    general.replaceChildren();
    const submitted = form.submit();
    if (Object.keys(submitted.errors).length > 0) {
      general.replaceChildren(noticeOf('error', 'formHasErrors'));
      return;
    }
    try {
      const result = await api.completeTask(id, dataToSubmit(submitted.data));
      completeButton.disabled = true;
      status.replaceChildren(noticeOf('success', 'completed'), await afterCompletion(context.api, id, result.caseId));
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        const placed = placeFieldErrors(isSchema(detail.form) ? detail.form : schemaFromFields(fields), error.fieldErrors);
        form.setErrors(placed.byFieldId);
        general.replaceChildren(noticeOf('error', 'formHasErrors'), ...placed.general.map((g) => notice('error', g.messages.join(' '))));
      } else {
        general.replaceChildren(notice('error', errorText(error)));
      }
    }
  };

  const claim = async () => {
    try {
      await api.claimTask(id);
      status.replaceChildren(noticeOf('success', 'claimed'));
      claimButton.disabled = true;
    } catch (error) {
      status.replaceChildren(notice('error', errorText(error)));
    }
  };

  const claimButton = el('button', { i18n: 'claim', attrs: { id: 'claim', disabled: !detail.callerIsCandidate || task.status === 'claimed' }, on: { click: () => void claim() } });
  const completeButton = el('button', { class: 'primary', i18n: 'complete', attrs: { id: 'complete', disabled: !detail.callerIsCandidate }, on: { click: () => void complete() } });

  const title = el('h1', {}, stepLabel(task));
  const root = el('section', { class: 'task' },
    title,
    el('dl', { class: 'facts' },
      el('div', { class: 'fact' }, el('dt', { i18n: 'caseNumber' }),
        el('dd', {}, task.caseId ? link(`/app/cases/${task.caseId}`, {}, task.caseNumber ?? task.caseId) : '—')),
      el('div', { class: 'fact' }, el('dt', { i18n: 'legalBasis' }), el('dd', {}, citation(task.legalBasis))),
      el('div', { class: 'fact' }, el('dt', { i18n: 'due' }), el('dd', {}, formatDate(task.dueAt))),
      el('div', { class: 'fact' }, el('dt', { i18n: 'assignee' }), el('dd', {}, task.assignee ?? '—'))),
    status,
    freeForm ? el('p', { i18n: 'noFormSchema' }) : '',
    general,
    proposalNote,
    formHost,
    evidence.root,
    freeForm ? addField : '',
    documents.length
      ? el('section', { class: 'task-documents', attrs: { 'data-testid': 'task-documents' } },
        el('h2', { i18n: 'documents' }),
        el('ul', {}, ...documents.map((d) => el('li', { attrs: { 'data-document-id': d.id } },
          link(`/app/documents/${d.id}`, { class: 'button', i18n: 'documentReview' }), ` ${documentTitle(d.templateKey)} · ${d.registryNumber}`,
          d.signatures.length ? ` · ✓ ${d.signatures.length}` : ''))))
      : '',
    el('div', { class: 'actions' }, claimButton, completeButton));
  return { root, dispose: () => form.destroy(), relabel: () => {
    title.textContent = stepLabel(task);
    if (proposal) {
      proposalText.textContent = pick({ kk: proposal.labelKk, ru: proposal.labelRu });
    }
    evidence.relabel();
    void form.relabel();
  } };
};

/**
 * An upload beside each evidence field of the form: the chosen file is attached to the case and its id fills the field
 * (read-only on the screen), so nobody types an id.
 */
function evidenceUploads(api: import('../api/client').QadamApi, caseId: string, schema: FormSchema, form: LocalizedForm,
  shown: FormSchema): { root: HTMLElement | ''; relabel: () => void } {
  const fields = evidenceFields(schema);
  if (fields.length === 0) {
    return { root: '', relabel: () => {} };
  }
  const labels: Array<() => void> = [];
  const rows = fields.map((field) => {
    const inputId = `evidence-${field.key}`;
    const label = el('label', { attrs: { for: inputId } });
    const relabel = () => { label.textContent = pickLanguage(field.label, language()); };
    relabel();
    labels.push(relabel);
    const state = el('span', { attrs: { 'aria-live': 'polite', 'data-testid': `evidence-state-${field.key}` } });
    const input = el('input', {
      attrs: { id: inputId, type: 'file', accept: '.pdf,.jpg,.jpeg,.png', 'data-evidence-field': field.key },
      on: {
        change: () => void (async () => {
          const file = input.files?.[0];
          if (!file) {
            return;
          }
          state.replaceChildren();
          try {
            const attached = await api.uploadEvidence(caseId, file);
            await form.show(shown, { ...form.data(), [field.key]: attached.id });
            state.replaceChildren(noticeOf('success', 'evidenceAttached'), ` ${attached.fileName}`);
          } catch (error) {
            state.replaceChildren(notice('error', errorText(error)));
          }
        })(),
      },
    });
    return el('div', { class: 'evidence-upload' }, label, fileButton(input), state);
  });
  return {
    root: el('section', { class: 'task-evidence', attrs: { 'data-testid': 'task-evidence' } }, el('h2', { i18n: 'evidenceToAttach' }), ...rows),
    relabel: () => labels.forEach((relabel) => relabel()),
  };
}

/** After a completion: the next open task of the inbox (soonest due first) and the way back to the inbox and the case. */
async function afterCompletion(api: import('../api/client').QadamApi, doneId: string, caseId?: string | null): Promise<HTMLElement> {
  const next: TaskSummary | undefined = (await api.inbox().catch(() => [] as TaskSummary[])).find((task) => task.id !== doneId);
  return el('div', { class: 'actions', attrs: { 'data-testid': 'after-completion' } },
    next ? link(`/app/tasks/${next.id}`, { class: 'button primary', i18n: 'nextTask', attrs: { id: 'next-task' } }) : '',
    link('/app/inbox', { class: 'button', i18n: 'backToInbox', attrs: { id: 'back-to-inbox' } }),
    caseId ? link(`/app/cases/${caseId}`, { class: 'button', i18n: 'caseTitle' }) : '');
}
