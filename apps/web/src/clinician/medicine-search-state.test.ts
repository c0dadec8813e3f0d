import { describe, expect, it } from 'vitest';
import type { FormularyMedicine } from '@confide/contract';
import { searchStatusText, searchTerm } from './medicine-search-state';

const medicine = { id: 'm' } as FormularyMedicine;

describe('searching the formulary as you type', () => {
  it('waits for 2 letters', () => {
    expect(searchTerm('a ')).toBeNull();
    expect(searchTerm('  am  ')).toBe('am');
    expect(searchTerm('co   amoxiclav')).toBe('co amoxiclav');
  });

  it('says nothing before 2 letters, then searching, then what it found', () => {
    expect(searchStatusText(null, null)).toEqual({ visible: '', hidden: '' });
    expect(searchStatusText('amo', null).visible).toBe('Searching…');
    expect(searchStatusText('amox', { term: 'amo', status: 'loaded', medicines: [medicine] }).visible).toBe('Searching…');
    expect(searchStatusText('zz', { term: 'zz', status: 'loaded', medicines: [] }).visible).toBe('No medicines match');
    expect(searchStatusText('amo', { term: 'amo', status: 'loaded', medicines: [medicine, medicine] })).toEqual({
      visible: '',
      hidden: '2 medicines match. Use the up and down arrows to choose.',
    });
    expect(searchStatusText('amo', { term: 'amo', status: 'failed', message: 'Try again later.' }).visible).toBe(
      'The search did not work. Try again later.',
    );
  });
});
