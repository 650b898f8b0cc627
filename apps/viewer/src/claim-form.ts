import type { Choice, FieldControl, FormField } from './claim-fields';
import type { ClaimValues } from './claim-revisions';
import { html } from './dom';

/** One field's input on screen: its element, how to read and set its value, and where its problem goes. */
export interface FieldInput {
  field: FormField;
  element: HTMLElement;
  read: () => unknown;
  write: (value: unknown) => void;
  problem: HTMLElement;
}

/** The inputs of a correction form, one per field of the claim's type. */
export class ClaimForm {
  readonly inputs: FieldInput[];
  readonly element: HTMLElement;

  constructor(fields: readonly FormField[], values: ClaimValues) {
    this.inputs = fields.map((field) => fieldInput(field));
    this.element = html('div', { class: 'claim-fields' }, ...this.inputs.map((i) => i.element));
    this.write(values);
  }

  read(): ClaimValues {
    return Object.fromEntries(this.inputs.map((i) => [i.field.name, i.read()]));
  }

  write(values: ClaimValues): void {
    for (const input of this.inputs) input.write(values[input.field.name]);
  }

  /** Puts each field's problem beside it, and clears those of fields the service no longer names. */
  showProblems(problemOf: (name: string) => string | undefined): void {
    for (const input of this.inputs) input.problem.textContent = problemOf(input.field.name) ?? '';
  }
}

function fieldInput(field: FormField): FieldInput {
  const problem = html('p', { class: 'field-problem', role: 'alert', 'data-problem': field.name });
  const control = controlInput(field, field.control);
  const label = html(
    'span',
    { class: 'field-label' },
    field.label,
    field.required ? '' : html('span', { class: 'optional' }, ' (optional)'),
  );
  const wrapper = control.group
    ? html('fieldset', { class: 'claim-field', 'data-field': field.name }, html('legend', {}, label), control.element, problem)
    : html('div', { class: 'claim-field', 'data-field': field.name }, html('label', {}, label, control.element), problem);
  return { field, element: wrapper, read: control.read, write: control.write, problem };
}

interface Control {
  element: HTMLElement;
  /** Several inputs under one legend rather than one under a label. */
  group?: boolean;
  read: () => unknown;
  write: (value: unknown) => void;
}

function controlInput(field: FormField, control: FieldControl): Control {
  switch (control.kind) {
    case 'choice':
      return choiceInput(field, control.choices);
    case 'choices':
      return choicesInput(field, control.choices);
    case 'number':
      return numberInput(field.name, control);
    case 'count':
      return countInput(field.name, control.unit);
    case 'flag':
      return flagInput(field.name);
    case 'text':
      return textInput(field.name, control.maxLength);
  }
}

function choiceInput(field: FormField, choices: Choice[]): Control {
  const select = html('select', { name: field.name });
  const offer = (value: unknown) => {
    const known = choices.some((c) => c.value === value);
    select.replaceChildren(...choices.map((c) => html('option', { value: c.value }, c.label)));
    if (!field.required) select.prepend(html('option', { value: '' }, '— none —'));
    // a value the campaign no longer names is kept rather than silently changed
    if (!known && typeof value === 'string' && value) select.append(html('option', { value }, value));
  };
  return {
    element: select,
    read: () => select.value || undefined,
    write: (value) => {
      offer(value);
      select.value = typeof value === 'string' ? value : '';
    },
  };
}

function choicesInput(field: FormField, choices: Choice[]): Control {
  const select = html('select', { name: field.name, multiple: '', size: Math.min(5, Math.max(2, choices.length)) });
  select.append(...choices.map((c) => html('option', { value: c.value }, c.label)));
  return {
    element: select,
    read: () => [...select.selectedOptions].map((o) => o.value),
    write: (value) => {
      const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
      for (const option of select.options) option.selected = chosen.has(option.value);
    },
  };
}

function numberInput(name: string, control: Extract<FieldControl, { kind: 'number' }>): Control {
  const input = html('input', {
    name,
    type: 'number',
    inputmode: control.integer ? 'numeric' : 'decimal',
    step: control.integer ? 1 : 'any',
    min: control.min,
    max: control.max,
  });
  return {
    element: withUnit(input, control.unit),
    read: () => (input.value === '' ? undefined : Number(input.value)),
    write: (value) => (input.value = typeof value === 'number' ? String(value) : ''),
  };
}

/** A count as best, low and high figures and whether it is open-ended ("283+"). */
function countInput(name: string, unit: string): Control {
  const number = (part: string) =>
    html('input', { name: `${name}.${part}`, type: 'number', inputmode: 'numeric', step: 1, min: 0 });
  const best = number('best');
  const low = number('low');
  const high = number('high');
  const openEnded = html('input', { name: `${name}.openEnded`, type: 'checkbox' });
  const part = (label: string, input: HTMLInputElement) => html('label', { class: 'count-part' }, label, withUnit(input, unit));
  const value = (input: HTMLInputElement) => (input.value === '' ? undefined : Number(input.value));
  return {
    group: true,
    element: html(
      'div',
      { class: 'count-parts' },
      part('Best', best),
      part('Low', low),
      part('High', high),
      html('label', { class: 'flag' }, openEnded, ' open-ended (“283+”)'),
    ),
    read: () => {
      const b = value(best);
      if (b === undefined) return undefined;
      const count = { best: b, low: value(low), high: value(high), openEnded: openEnded.checked || undefined };
      // a count with only its best figure is written as the number, as authors write it
      return count.low === undefined && count.high === undefined && !count.openEnded ? b : stripped(count);
    },
    write: (v) => {
      const c =
        typeof v === 'number' ? { best: v } : ((v ?? {}) as { best?: number; low?: number; high?: number; openEnded?: boolean });
      best.value = c.best === undefined ? '' : String(c.best);
      low.value = c.low === undefined ? '' : String(c.low);
      high.value = c.high === undefined || c.high === null ? '' : String(c.high);
      openEnded.checked = c.openEnded === true;
    },
  };
}

function flagInput(name: string): Control {
  const input = html('input', { name, type: 'checkbox' });
  return {
    element: input,
    read: () => (input.checked ? true : undefined),
    write: (value) => (input.checked = value === true),
  };
}

function textInput(name: string, maxLength: number | undefined): Control {
  const long = maxLength === undefined || maxLength > 200;
  const input = long
    ? html('textarea', { name, rows: 3, maxlength: maxLength })
    : html('input', { name, type: 'text', maxlength: maxLength });
  return {
    element: input,
    read: () => (input.value.trim() === '' ? undefined : input.value),
    write: (value) => (input.value = typeof value === 'string' ? value : ''),
  };
}

function withUnit(input: HTMLInputElement, unit: string): HTMLElement {
  return unit ? html('span', { class: 'with-unit' }, input, html('span', { class: 'unit' }, unit)) : input;
}

function stripped<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
