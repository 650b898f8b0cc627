import type { CampaignLedger } from './campaign-ledger';
import type { ControlView } from './control.queries';

/**
 * The day's control map as GeoJSON points. A place whose position is unknown has no point: it is
 * left out of the features, which GIS tools would drop or choke on, and listed in the collection's
 * `properties.unlocated` with its state, so nothing of the view is lost.
 */
export function controlGeoJson(ledger: CampaignLedger, view: ControlView) {
  const located = view.places.filter((state) => {
    const place = ledger.places.get(state.place);
    return place !== undefined && place.lat !== null && place.lon !== null;
  });
  const unlocated = view.places.filter((state) => !located.includes(state));
  return {
    type: 'FeatureCollection',
    properties: {
      unlocated: unlocated.map((state) => ({
        place: state.place,
        name: state.name,
        status: state.status,
        controller: state.controller,
        bloc: state.bloc,
        since: state.since,
      })),
    },
    features: located.map((state) => {
      const place = ledger.places.get(state.place);
      return {
        type: 'Feature',
        id: state.place,
        geometry: { type: 'Point', coordinates: [place?.lon, place?.lat] },
        properties: {
          place: state.place,
          name: state.name,
          status: state.status,
          controller: state.controller,
          bloc: state.bloc,
          disputed: state.disputed,
          since: state.since,
          lastReportedAt: state.lastReportedAt,
          inferred: state.inferred ?? false,
          basis: state.basis,
          pending: state.pending,
          precision: place?.precision ?? 'unknown',
          color: ledger.campaign.blocs.find((b) => b.id === state.bloc)?.color ?? null,
        },
      };
    }),
  };
}
