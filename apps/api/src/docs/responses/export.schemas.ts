import { z } from 'zod';
import { CONTROL_STATUSES, COORDINATE_PRECISIONS } from '@timeline/domain';
import { reportedFields } from './common.schemas';
import { PlaceControl } from './views.schemas';

/** `format=geojson`: the day's control map as points; the places whose position is unknown are listed apart. */
export const ControlGeoJson = z.object({
  type: z.literal('FeatureCollection'),
  day: z.string().describe('the day the map shows'),
  ...reportedFields,
  properties: z.object({
    unlocated: z
      .array(
        z.object({
          place: z.string(),
          name: z.string(),
          status: z.enum(CONTROL_STATUSES).nullable(),
          controller: z.string().nullable(),
          bloc: z.string().nullable(),
          since: z.string().nullable(),
        }),
      )
      .describe('places on the map whose coordinates are unknown: no point is made up for them'),
  }),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()).length(2).describe('[lon, lat]') }),
      properties: z.object({
        place: z.string(),
        name: z.string(),
        status: z.enum(CONTROL_STATUSES).nullable(),
        controller: z.string().nullable(),
        bloc: z.string().nullable(),
        disputed: z.boolean(),
        since: z.string().nullable(),
        lastReportedAt: z.string().nullable(),
        inferred: z.boolean(),
        basis: z.array(z.string()),
        pending: PlaceControl.shape.pending,
        precision: z.enum(COORDINATE_PRECISIONS),
        color: z.string().nullable().describe("the bloc's colour"),
      }),
    }),
  ),
});

/** `format=ndjson`: one recorded event of the campaign's log per line, as recorded. */
export const LogLine = z.object({
  position: z.number().int(),
  stream: z.string(),
  revision: z.number().int(),
  eventId: z.string(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
});
