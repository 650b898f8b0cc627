import { describe, it } from 'vitest';
import { deciderSpec } from '@timeline/testing';
import { DomainError } from '../common/domain-error';
import { decideRegistration } from './registration.decide';

type Place = Record<string, unknown>;
type PlaceRegistered = { type: 'PlaceRegistered'; data: Place };
type RegisterPlace = { type: 'RegisterPlace'; place: Place };

/** A registration stream as the catalog keeps one: its first event is what the id stands for. */
const { given } = deciderSpec({
  initialState: (): Place | undefined => undefined,
  evolve: (state: Place | undefined, event: PlaceRegistered) => state ?? event.data,
  decide: (command: RegisterPlace, state: Place | undefined): PlaceRegistered[] =>
    decideRegistration(state, command.place, 'placeId', 'place "homs"') === 'record'
      ? [{ type: 'PlaceRegistered', data: command.place }]
      : [],
});

const homs = {
  placeId: 'homs',
  name: 'Homs',
  aliases: ['Hims'],
  kind: 'city',
  governorate: 'Homs',
  lat: 34.73,
  lon: 36.72,
  precision: 'approximate',
};
const register = (place: Place): RegisterPlace => ({ type: 'RegisterPlace', place });
const registered = (place: Place): PlaceRegistered => ({ type: 'PlaceRegistered', data: place });

describe('decideRegistration', () => {
  it('given nothing registered under the id, when registered, then it is recorded', () => {
    given([])
      .when(register(homs))
      .then([registered(homs)]);
  });

  it('given a place registered, when the same content is registered again in another key order, then it is unchanged', () => {
    const reordered = Object.fromEntries(Object.entries(homs).reverse());
    given([registered(homs)])
      .when(register(reordered))
      .then([]);
  });

  it('given a place registered, when other content is registered under its id, then it is a conflict at the id field', () => {
    given([registered(homs)])
      .when(register({ ...homs, lat: 34.8 }))
      .thenThrows(DomainError, {
        kind: 'conflict',
        message: 'place "homs" already exists with different content',
        errors: [{ path: 'placeId', message: 'is already registered with different content' }],
      });
  });

  it('given aliases in another order, when registered again, then it is a conflict (array order is content)', () => {
    const first = { ...homs, aliases: ['Hims', 'Emesa'] };
    given([registered(first)])
      .when(register({ ...homs, aliases: ['Emesa', 'Hims'] }))
      .thenThrows(DomainError, { kind: 'conflict' });
  });
});
