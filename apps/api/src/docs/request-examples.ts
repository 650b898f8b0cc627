import type { ParameterDoc } from './parameter-docs';

/**
 * What each request body is, with an example the route's schema accepts, by `METHOD /path`. A
 * body route missing here is documented without them, and the docs test names it.
 */
export const REQUEST_BODIES: Record<string, ParameterDoc> = {
  'POST /campaigns': {
    description: 'The campaign (CampaignRegistered): its window, time zone, blocs, factions and operations',
    example: {
      campaignId: 'syria-2024',
      title: '2024 Syrian opposition offensives',
      timeZone: 'Asia/Damascus',
      window: { from: '2024-11-27', to: '2024-12-31' },
      blocs: [{ id: 'opposition', name: 'Syrian opposition', color: '#4caf50' }],
      factions: [{ id: 'hts', name: "Hay'at Tahrir al-Sham", bloc: 'opposition' }],
      operations: [{ id: 'hama', title: '2024 Hama offensive' }],
    },
  },
  'PATCH /campaigns/{c}': {
    description: 'The fields to amend and why: window, claimWindow, area, adminAreas',
    example: { claimWindow: { from: '2019-01-01', to: '2025-02-02' }, reason: 'background claims from 2019 on' },
  },
  'POST /campaigns/{c}/places': {
    description: 'The place (PlaceRegistered); lat and lon may be null only when precision is "unknown"',
    example: {
      placeId: 'hama',
      name: 'Hama',
      aliases: ['Hamah'],
      kind: 'city',
      governorate: 'Hama',
      lat: 35.13,
      lon: 36.75,
      precision: 'approximate',
    },
  },
  'PATCH /campaigns/{c}/places/{p}': {
    description: 'The fields to change and why',
    example: { lat: 35.135, lon: 36.755, precision: 'exact', reason: 'position from the city centre' },
  },
  'POST /campaigns/{c}/sources': {
    description: 'The source (SourceRegistered); publisherName and publisherKind may be left out for a known publisher',
    example: {
      sourceId: 'sohr-2024-12-05-hama',
      publisher: 'sohr',
      publisherName: 'Syrian Observatory for Human Rights',
      publisherKind: 'monitor',
      title: 'Opposition factions enter Hama city',
      url: 'https://www.syriahr.com/en/',
      publishedAt: '2024-12-05',
      language: 'ar',
      citedIn: { article: '2024 Syrian opposition offensives', ref: 'dec524' },
    },
  },
  'PATCH /campaigns/{c}/sources/{s}': {
    description: 'The fields to change and why',
    example: { publishedAt: { date: '2024-12-05', part: 'evening' }, reason: 'the report gives the hour' },
  },
  'POST /publishers': {
    description: 'A publisher claims can be attributed to',
    example: { publisher: 'isw', name: 'Institute for the Study of War', kind: 'monitor' },
  },
  'POST /publishers/{publisher}/assessments': {
    description: 'The grade (A most reliable … F) and why',
    example: { reliability: 'B', reason: 'figures usually confirmed by later reports' },
  },
  'POST /campaigns/{c}/claims': {
    description:
      'One claim, or {claims: [...]} (at most 1,000, all-or-nothing). Without claimId the id is derived from the content',
    example: {
      claimId: 'homs-2024-12-06-rastan',
      type: 'control',
      operation: 'homs',
      time: { date: '2024-12-06' },
      sources: ['sohr-2024-12-06-rastan'],
      quote: 'On 6 December 2024, opposition forces captured Al-Rastan, Talbiseh …',
      place: 'al-rastan',
      status: 'controlled',
      controller: 'hts',
    },
  },
  'POST /campaigns/{c}/claims/{id}/corrections': {
    description: 'The revision read, the fields to change, the sources of the correction and why',
    example: {
      expectedRevision: 0,
      changes: { time: { date: '2024-12-06', part: 'evening' } },
      sources: ['sohr-2024-12-06-homs-withdrawal'],
      reason: 'the report gives the evening',
    },
  },
  'POST /campaigns/{c}/claims/{id}/retraction': {
    description: 'The revision read and why the claim is retracted',
    example: { expectedRevision: 1, reason: 'the report was withdrawn by its publisher' },
  },
  'POST /campaigns/{c}/claims/{id}/rank': {
    description: 'The rank and why',
    example: { rank: 'preferred', reason: 'confirmed by two independent monitors' },
  },
};
