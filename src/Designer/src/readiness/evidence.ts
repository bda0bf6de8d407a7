import type { ReadinessEvidence, ReadinessItem, TvetProgrammeEntry } from '../api/client';

/** How an evidence field is entered: one line of text, a number, an address, or several lines. */
export type EvidenceInput = 'text' | 'number' | 'url' | 'lines';

const numbers = new Set(['teachersTotal', 'teachersCertified']);
const lists = new Set(['certifiedTeachers', 'digitalResources', 'programmes']);

export function inputKind(field: string): EvidenceInput {
  if (numbers.has(field)) {
    return 'number';
  }
  if (lists.has(field)) {
    return 'lines';
  }
  return field === 'lmsUrl' ? 'url' : 'text';
}

function lines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

/** A TVET programme written as «code; name; Register entry» on one line (103 Annex 3 para 1(7)). */
export function parseProgramme(line: string): TvetProgrammeEntry {
  const [specialityCode = '', name = '', ...rest] = line.split(';').map((part) => part.trim());
  return { specialityCode, name, registerEntry: rest.join('; ') };
}

/** The evidence object the API takes, from the form's texts by field name; empty fields are left out. */
export function readEvidence(values: Record<string, string>): ReadinessEvidence {
  const evidence: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(values)) {
    const text = raw.trim();
    if (text === '') {
      continue;
    }
    const kind = inputKind(field);
    if (kind === 'number') {
      evidence[field] = Number(text);
    } else if (field === 'programmes') {
      evidence[field] = lines(text).map(parseProgramme);
    } else if (kind === 'lines') {
      evidence[field] = lines(text);
    } else {
      evidence[field] = text;
    }
  }
  return evidence as ReadinessEvidence;
}

/** A stored evidence field back as the text of its input. */
export function evidenceText(evidence: ReadinessEvidence | null | undefined, field: string): string {
  const value = (evidence as Record<string, unknown> | null | undefined)?.[field];
  if (value === null || value === undefined) {
    return '';
  }
  if (field === 'programmes') {
    return (value as TvetProgrammeEntry[]).map((p) => `${p.specialityCode}; ${p.name}; ${p.registerEntry}`).join('\n');
  }
  return Array.isArray(value) ? value.join('\n') : String(value);
}

/** One item of the attestation: met or not, with evidence only when met. */
export function item(key: string, met: boolean, values: Record<string, string>): ReadinessItem {
  return met ? { key, met, evidence: readEvidence(values) } : { key, met };
}

/** The last day of the school year a record made today covers: 31 August (the year starts on 1 September). */
export function schoolYearEnd(today: string): string {
  const [year, month] = today.split('-').map(Number);
  return `${(month ?? 1) >= 9 ? (year ?? 0) + 1 : year}-08-31`;
}
