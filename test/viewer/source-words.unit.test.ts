import { describe, expect, it } from 'vitest';
import { newSourceId } from '../../apps/viewer/src/source-words';

describe('the id of a source registered from the viewer', () => {
  it('is the publisher, the date and the first words of the title, as a slug', () => {
    expect(newSourceId('sohr', '2024-12-06', 'Opposition forces capture Al-Rastan and Talbiseh')).toBe(
      'sohr-2024-12-06-opposition-forces-capture-al',
    );
    expect(newSourceId('Al Jazeera', '', 'Ḥamā falls')).toBe('al-jazeera-hama-falls');
  });
});
