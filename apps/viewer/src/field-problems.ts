import type { FieldProblem } from './editor-session';

/** The service's messages sorted to the fields of a form, and those that belong to none. */
export interface PlacedProblems {
  byField: Map<string, string[]>;
  rest: FieldProblem[];
}

/**
 * Which field of a form each problem the service named belongs to: the field of the problem's
 * path or the nearest one above it (`sources.1` to `sources`, `time.date` to `time`), else the
 * first field below it (`count` to `count.best`). Problems of no field are said for the whole form.
 */
export function placeProblems(fields: readonly string[], problems: readonly FieldProblem[]): PlacedProblems {
  const byField = new Map<string, string[]>();
  const rest: FieldProblem[] = [];
  for (const problem of problems) {
    const field = fieldOf(fields, problem.path);
    if (field === undefined) rest.push(problem);
    else byField.set(field, [...(byField.get(field) ?? []), problem.message]);
  }
  return { byField, rest };
}

function fieldOf(fields: readonly string[], path: string): string | undefined {
  if (!path) return undefined;
  const above = fields.filter((f) => path === f || path.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0];
  return above ?? fields.find((f) => f.startsWith(`${path}.`));
}
