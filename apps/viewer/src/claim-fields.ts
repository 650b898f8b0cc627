/** A choice of a select: the value sent and the words shown. */
export interface Choice {
  value: string;
  label: string;
}

/** How a field of a claim is entered in the correction form. */
export type FieldControl =
  | { kind: 'choice'; choices: Choice[] }
  | { kind: 'choices'; choices: Choice[] }
  | { kind: 'number'; integer: boolean; min?: number; max?: number; unit: string }
  | { kind: 'count'; unit: string }
  | { kind: 'flag' }
  | { kind: 'text'; maxLength?: number };

/** One field of a claim type, as the form offers it. */
export interface FormField {
  name: string;
  label: string;
  /** The claim cannot go without it: the form offers no "none". */
  required: boolean;
  control: FieldControl;
}

/** The campaign's names a claim refers to by id: what its selects offer. */
export interface Vocabularies {
  factions: Choice[];
  places: Choice[];
}

/** A JSON Schema as zod's `toJSONSchema` writes a claim type, as far as the form reads it. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/**
 * The fields every claim type has but a correction form leaves alone: its id and type, what an
 * editor cites for the correction itself (its own sources), and the written time, whose several
 * forms are corrected through the API.
 */
const NOT_IN_FORM = new Set(['type', 'claimId', 'time', 'sources', 'operation', 'attributedTo', 'denies']);

/** Which campaign names a field of ids refers to; the schema only knows them as slugs. */
const REFERS_TO: Record<string, 'faction' | 'side' | 'place'> = {
  controller: 'faction',
  contestedBy: 'faction',
  besiegedBy: 'faction',
  vacatedBy: 'faction',
  takenFrom: 'faction',
  faction: 'faction',
  actors: 'faction',
  side: 'side',
  place: 'place',
};

/** The unit a number is counted in, shown beside its input. */
const UNITS: Record<string, string> = { count: 'people', settlements: 'settlements', areaKm2: 'km²' };

const LABELS: Record<string, string> = {
  contestedBy: 'Contested by',
  besiegedBy: 'Besieged by',
  vacatedBy: 'Vacated by',
  takenFrom: 'Taken from',
  coversPlaces: 'Covers the places inside it',
  areaKm2: 'Area',
  corroborates: 'Corroborates claim',
};

/** The side of a casualty figure that is no faction (the domain's `CIVILIANS`). */
const CIVILIANS: Choice = { value: 'civilians', label: 'civilians' };

/**
 * The fields of a claim type's form, read from the domain's schema of that type: its own fields
 * in the schema's order, then the quote and note, each with the control its values call for.
 * Reading the schema rather than listing fields here keeps the form in step with what the service
 * accepts.
 */
export function formFields(schema: JsonSchema, vocabularies: Vocabularies): FormField[] {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {})
    .filter(([name]) => !NOT_IN_FORM.has(name))
    .map(([name, property]) => ({
      name,
      label: LABELS[name] ?? capitalised(name),
      required: required.has(name) && !accepts(property, 'null'),
      control: controlOf(name, property, vocabularies),
    }));
  const last = (f: FormField) => (f.name === 'quote' ? 1 : f.name === 'note' ? 2 : 0);
  return fields.sort((a, b) => last(a) - last(b));
}

function controlOf(name: string, property: JsonSchema, vocabularies: Vocabularies): FieldControl {
  const refers = REFERS_TO[name];
  const choices = refers === 'place' ? vocabularies.places : refers ? vocabularies.factions : [];
  if (refers === 'side') return { kind: 'choice', choices: [CIVILIANS, ...choices] };
  if (refers) return property.type === 'array' ? { kind: 'choices', choices } : { kind: 'choice', choices };
  const variants = property.anyOf ?? [property];
  const enumerated = variants.find((v) => v.enum);
  if (enumerated)
    return { kind: 'choice', choices: (enumerated.enum ?? []).map((v) => ({ value: String(v), label: String(v) })) };
  // a count is a number or {best, low, high, openEnded}: the form always offers all four
  if (variants.some((v) => v.type === 'object' && v.properties?.best)) return { kind: 'count', unit: UNITS[name] ?? '' };
  const numeric = variants.find((v) => v.type === 'integer' || v.type === 'number');
  if (numeric)
    return {
      kind: 'number',
      integer: numeric.type === 'integer',
      min: numeric.minimum,
      max: numeric.maximum,
      unit: UNITS[name] ?? '',
    };
  if (variants.some((v) => v.type === 'boolean')) return { kind: 'flag' };
  return { kind: 'text', maxLength: variants.find((v) => v.maxLength !== undefined)?.maxLength };
}

function accepts(property: JsonSchema, type: string): boolean {
  return property.type === type || (property.anyOf ?? []).some((v) => v.type === type);
}

const capitalised = (name: string) =>
  name.charAt(0).toUpperCase() + name.slice(1).replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
