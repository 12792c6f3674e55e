import { inventoryQueryFrom, inventoryUrlParams, isInventoryNarrowed } from './inventory-query';

describe('inventory filters ↔ URL', () => {
  it('reads the URL into an API query, dropping what the API would refuse', () => {
    expect(
      inventoryQueryFrom({
        q: '  tourisme ',
        status: 'published',
        classification: 'restricted',
        match: 'suggested',
        page: '3',
      }),
    ).toEqual({
      q: 'tourisme',
      status: 'published',
      classification: 'restricted',
      match: 'suggested',
      page: 3,
      pageSize: 20,
    });
    expect(inventoryQueryFrom({ status: 'lost', classification: 'secret', match: 'maybe', page: '-2' })).toEqual({
      page: 1,
      pageSize: 20,
    });
    expect(inventoryQueryFrom({ page: 'abc' }).page).toBe(1);
  });

  it('writes a query back as a short URL: no empty values, no first page', () => {
    expect(inventoryUrlParams({ q: 'x', status: 'identified', page: 1, pageSize: 20 })).toEqual({
      q: 'x',
      status: 'identified',
      classification: null,
      match: null,
      page: null,
    });
    expect(inventoryUrlParams({ match: 'none', page: 4 })).toEqual({
      q: null,
      status: null,
      classification: null,
      match: 'none',
      page: '4',
    });
  });

  it('round-trips', () => {
    const query = inventoryQueryFrom({ q: 'eau', classification: 'open', page: '2' });
    const url = inventoryUrlParams(query);
    expect(
      inventoryQueryFrom({
        q: url['q'],
        status: url['status'],
        classification: url['classification'],
        match: url['match'],
        page: url['page'],
      }),
    ).toEqual(query);
  });

  it('says when the list is narrowed', () => {
    expect(isInventoryNarrowed({ page: 2 })).toBe(false);
    expect(isInventoryNarrowed({ match: 'none' })).toBe(true);
  });
});
