import { datasetPortalUrl } from './portal-url.util';

describe('datasetPortalUrl', () => {
  it('turns an Action API base into the dataset page', () => {
    expect(datasetPortalUrl('https://data.gov.ma/data/api/3/action', 'emploi-2024')).toBe(
      'https://data.gov.ma/data/dataset/emploi-2024',
    );
    expect(datasetPortalUrl('https://ckan.example.org/api/3/action/', 'x')).toBe('https://ckan.example.org/dataset/x');
    expect(datasetPortalUrl('http://127.0.0.1:5000', 'a b')).toBe('http://127.0.0.1:5000/dataset/a%20b');
  });

  it('defaults to data.gov.ma when no portal is configured', () => {
    expect(datasetPortalUrl(null, 'budget')).toBe('https://data.gov.ma/data/dataset/budget');
  });
});
