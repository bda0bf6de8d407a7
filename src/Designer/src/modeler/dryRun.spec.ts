import { describe, expect, it } from 'vitest';
import { outputTemplate, parseOutput, pathKind, sampleVariables, untilStep, withStep } from './dryRun';

describe('dry-run step list', () => {
  it('adds steps in order without sharing their outputs, and goes back to before a step', () => {
    // given two steps chosen
    const output = { departsAbroad: false };
    const steps = withStep(withStep([], { elementId: 'exclusionCheck', output }), { elementId: 'psychologistConclusion' });
    output.departsAbroad = true;

    // then they are kept in order, the first output as it was chosen
    expect(steps.map((s) => s.elementId)).toEqual(['exclusionCheck', 'psychologistConclusion']);
    expect(steps[0]!.output).toEqual({ departsAbroad: false });
    expect(steps[1]!.output).toEqual({});

    // when the editor goes back to before the second step, only the first remains
    expect(untilStep(steps, 1).map((s) => s.elementId)).toEqual(['exclusionCheck']);
    expect(untilStep(steps, 0)).toEqual([]);
  });

  it('reads a typed output as a JSON object and says why anything else is refused', () => {
    expect(parseOutput('{"vote":"yes"}')).toEqual({ output: { vote: 'yes' } });
    expect(parseOutput('  ')).toEqual({ output: {} });
    expect(parseOutput('[1]')).toEqual({ error: 'not-an-object' });
    expect(parseOutput('{vote')).toEqual({ error: 'not-json' });
  });

  it('starts a task\'s output from its form: first option, false, today, nested fields too', () => {
    // given a ballot-like form with a radio, a checkbox, a date and a group with a text field
    const schema = {
      components: [
        { type: 'text', text: 'Дауыс' },
        { type: 'radio', key: 'vote', values: [{ value: 'yes' }, { value: 'no' }] },
        { type: 'checkbox', key: 'signed' },
        { type: 'datetime', key: 'orderDate', subtype: 'date' },
        { type: 'group', components: [{ type: 'textarea', key: 'comment' }] },
      ],
    };

    // when the template is made
    // then every data field has a value and the text block none
    expect(outputTemplate(schema, '2026-11-24')).toEqual({ vote: 'yes', signed: false, orderDate: '2026-11-24', comment: '' });
    expect(outputTemplate(null, '2026-11-24')).toEqual({});
  });

  it('marks the path: reached, done, skipped service tasks and the end', () => {
    expect(pathKind({ elementId: 'a', event: 'entered' })).toBe('reached');
    expect(pathKind({ elementId: 'a', event: 'task-completed' })).toBe('done');
    expect(pathKind({ elementId: 'a', event: 'service-task-skipped' })).toBe('skipped');
    expect(pathKind({ elementId: 'a', event: 'completed' })).toBe('ended');
    expect(pathKind({ elementId: 'a', event: 'rule-matched' })).toBe('other');
  });

  it('gives sample data with a student, the organisation and both bodies of the school', () => {
    const sample = sampleVariables('s1', '2026-11-24') as { council: { members: unknown[] }; trustees: { members: unknown[] }; organisation: string };
    expect(sample.organisation).toBe('s1');
    expect(sample.council.members).toHaveLength(5);
    expect(sample.trustees.members).toHaveLength(3);
  });
});
