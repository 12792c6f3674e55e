import { LOCALES, type LocalizedText, type OpenDataFormat } from '@marsad/contracts';
import { CATALOGUE_TEXT, EU_FREQUENCY, LICENCE, PUBLISHER, type OpenDatasetSpec } from './open-data.datasets';

/** The vocabularies the catalogue uses (DCAT-AP 3). */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority';
const IANA_MEDIA_TYPES = 'http://www.iana.org/assignments/media-types';
const EU_FILE_TYPE: Record<OpenDataFormat, string> = { csv: 'CSV', json: 'JSON', xlsx: 'XLSX' };
const EU_LANGUAGE: Record<(typeof LOCALES)[number], string> = { ar: 'ARA', fr: 'FRA', en: 'ENG' };

/** An IANA media type's IRI (dcat:mediaType), and the media type back from one. */
export const mediaTypeIri = (mediaType: string) => `${IANA_MEDIA_TYPES}/${mediaType}`;
export const mediaTypeOf = (iri: string) => iri.slice(IANA_MEDIA_TYPES.length + 1);

type Node = Record<string, unknown>;

/** One language-tagged literal per locale (ar, fr, en). */
export const tagged = (text: LocalizedText) => LOCALES.map((l) => ({ '@value': text[l], '@language': l }));
const dateTime = (value: string) => ({ '@value': value, '@type': 'xsd:dateTime' });
const ref = (iri: string) => ({ '@id': iri });

export interface CatalogueInput {
  /** PUBLIC_URL, without a trailing slash. */
  base: string;
  modified: Record<string, string | null>;
  datasets: OpenDatasetSpec[];
  formats: readonly OpenDataFormat[];
  mediaTypes: Record<OpenDataFormat, string>;
  downloadPath: (id: string, format: OpenDataFormat) => string;
}

/**
 * The DCAT-AP catalogue as JSON-LD: a dcat:Catalog published by ADD (a foaf:Agent), with one
 * dcat:Dataset per declared dataset (titles and descriptions in ar, fr and en, the newest change
 * of its data as dct:modified, an EU frequency) and one dcat:Distribution per format whose
 * dcat:downloadURL is an absolute address on this server.
 */
export function catalogueJsonLd(input: CatalogueInput): Node {
  const { base } = input;
  const publisherId = `${base}/api/v1/catalog#publisher`;
  const licence = {
    '@id': LICENCE.url,
    '@type': 'dct:LicenseDocument',
    'dct:identifier': LICENCE.id,
    'dct:title': LICENCE.title,
  };
  const newest = Object.values(input.modified).reduce<string | null>((n, m) => (m && (!n || m > n) ? m : n), null);
  const datasets = input.datasets.map((spec): Node => {
    const modified = input.modified[spec.id] ?? null;
    const datasetId = `${base}/api/v1/open-data/${spec.id}`;
    return {
      '@id': datasetId,
      '@type': 'dcat:Dataset',
      'dct:identifier': spec.id,
      'dct:title': tagged(spec.title),
      'dct:description': tagged(spec.description),
      'dct:publisher': ref(publisherId),
      'dcat:contactPoint': {
        '@type': 'vcard:Organization',
        'vcard:fn': PUBLISHER.name.fr,
        'vcard:hasURL': ref(PUBLISHER.homepage),
      },
      'dct:license': ref(LICENCE.url),
      ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
      'dct:accrualPeriodicity': ref(`${EU}/frequency/${EU_FREQUENCY[spec.frequency]}`),
      'dcat:theme': ref(`${EU}/data-theme/${spec.theme}`),
      'dcat:keyword': spec.keywords.flatMap(tagged),
      'dct:language': LOCALES.map((l) => ref(`${EU}/language/${EU_LANGUAGE[l]}`)),
      'dcat:distribution': input.formats.map((format): Node => {
        const url = `${base}${input.downloadPath(spec.id, format)}`;
        const label = format.toUpperCase();
        return {
          '@id': `${datasetId}#${format}`,
          '@type': 'dcat:Distribution',
          'dct:title': LOCALES.map((l) => ({ '@value': `${spec.title[l]} (${label})`, '@language': l })),
          'dcat:accessURL': ref(url),
          'dcat:downloadURL': ref(url),
          'dcat:mediaType': ref(mediaTypeIri(input.mediaTypes[format])),
          'dct:format': ref(`${EU}/file-type/${EU_FILE_TYPE[format]}`),
          'dct:license': ref(LICENCE.url),
          ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
        };
      }),
    };
  });
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${base}/api/v1/catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': tagged(CATALOGUE_TEXT.title),
    'dct:description': tagged(CATALOGUE_TEXT.description),
    'dct:publisher': {
      '@id': publisherId,
      '@type': 'foaf:Agent',
      'foaf:name': tagged(PUBLISHER.name),
      'foaf:homepage': ref(PUBLISHER.homepage),
      'dct:type': ref(PUBLISHER.type),
    },
    'dct:license': licence,
    'dct:language': LOCALES.map((l) => ref(`${EU}/language/${EU_LANGUAGE[l]}`)),
    ...(newest ? { 'dct:modified': dateTime(newest) } : {}),
    'foaf:homepage': ref(`${base}/fr/open-data`),
    'dcat:themeTaxonomy': ref(`${EU}/data-theme`),
    'dcat:dataset': datasets,
  };
}
