import Ajv2020 from 'ajv/dist/2020';
import type { Json } from '../replay/socket-client';

/** What an answer must be to agree with the OpenAPI document: its status and body for the route. */
export interface Documented {
  status: number;
  mediaType?: string;
  body: unknown;
}

/**
 * Checks served answers against the document's own JSON Schemas (not the zod definitions they came
 * from), so a schema that loses something on its way into the document fails too.
 */
export function answerChecker(doc: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date-time', (v: string) => /T/.test(v) && !Number.isNaN(Date.parse(v)));
  ajv.addSchema({ $id: 'openapi.json', components: doc.components });
  /** The disagreements of one answer of `METHOD /path` with the document; [] when it agrees. */
  return (route: string, answer: Documented): string[] => {
    const [method = '', path = ''] = route.split(' ');
    const documented = doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(answer.status)];
    if (!documented) return [`${route} answered ${answer.status}, which is not documented`];
    if (!answer.mediaType) return documented.content ? [`${route} ${answer.status} has no body but documents one`] : [];
    const media = documented.content?.[answer.mediaType];
    if (!media) return [`${route} ${answer.status} answered ${answer.mediaType}, which is not documented`];
    if (!media.schema?.$ref) return [];
    const validate = ajv.getSchema(`openapi.json${media.schema.$ref}`);
    if (!validate) return [`${route} ${answer.status}: ${media.schema.$ref} does not resolve`];
    if (validate(answer.body)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${route} ${answer.status}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  };
}

/** One of the document's component schemas, to check a value that is not a whole body (a line of a log). */
export function componentChecker(doc: Json, name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi.json', components: doc.components });
  const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  if (!validate) throw new Error(`no component ${name}`);
  return (value: unknown): string[] =>
    validate(value) ? [] : (validate.errors ?? []).map((e) => `${name}: ${e.instancePath} ${e.message}`);
}

/** `text/csv; charset=utf-8` → `text/csv`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim() || undefined;
}
