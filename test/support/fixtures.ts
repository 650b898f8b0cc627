import { asAdmin, asEditor, type TestApp } from './app';

export const CAMPAIGN = {
  campaignId: 'test-offensive',
  title: 'A test offensive',
  timeZone: 'Asia/Damascus',
  window: { from: '2024-11-27', to: '2024-12-31' },
  blocs: [
    { id: 'opposition', name: 'Opposition', color: '#4caf50' },
    { id: 'government', name: 'Government', color: '#e53935' },
  ],
  factions: [
    { id: 'hts', name: "Hay'at Tahrir al-Sham", bloc: 'opposition' },
    { id: 'saa', name: 'Syrian Arab Army', bloc: 'government' },
  ],
  operations: [{ id: 'homs', title: 'Homs offensive' }],
};

export const PLACES = [
  {
    placeId: 'homs',
    name: 'Homs',
    aliases: ['Hims'],
    kind: 'city',
    governorate: 'Homs',
    lat: 34.73,
    lon: 36.72,
    precision: 'approximate',
  },
  {
    placeId: 'al-rastan',
    name: 'Al-Rastan',
    aliases: ['Rastan'],
    kind: 'town',
    governorate: 'Homs',
    lat: 34.92,
    lon: 36.73,
    precision: 'approximate',
  },
];

export const SOURCES = [
  {
    sourceId: 'sohr-2024-12-06-rastan',
    publisher: 'sohr',
    publisherName: 'Syrian Observatory for Human Rights',
    publisherKind: 'monitor',
    title: 'Rastan captured',
    url: 'https://example.org/sohr/rastan',
    publishedAt: '2024-12-06',
    language: 'en',
    citedIn: { article: 'homs-offensive-2024', ref: '4' },
  },
  {
    sourceId: 'sana-2024-12-07-homs',
    publisher: 'sana',
    publisherName: 'SANA',
    publisherKind: 'government',
    title: 'Army holds Homs',
    url: null,
    publishedAt: '2024-12-07',
    language: 'ar',
  },
];

export const controlClaim = (overrides: Record<string, unknown> = {}) => ({
  claimId: 'homs-2024-12-06-rastan',
  type: 'control',
  operation: 'homs',
  time: { date: '2024-12-06' },
  sources: ['sohr-2024-12-06-rastan'],
  quote: 'On 6 December 2024, opposition forces captured Al-Rastan.',
  place: 'al-rastan',
  status: 'controlled',
  controller: 'hts',
  ...overrides,
});

/** Registers the test campaign with its places and sources through the API of a service. */
export async function seedCampaignAt(http: TestApp['http']): Promise<void> {
  await http.post('/campaigns').set(asAdmin).send(CAMPAIGN).expect(201);
  for (const place of PLACES) await http.post(`/campaigns/${CAMPAIGN.campaignId}/places`).set(asEditor).send(place).expect(201);
  for (const source of SOURCES)
    await http.post(`/campaigns/${CAMPAIGN.campaignId}/sources`).set(asEditor).send(source).expect(201);
}

export const seedCampaign = (app: TestApp): Promise<void> => seedCampaignAt(app.http);
