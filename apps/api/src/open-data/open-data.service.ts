import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  OPEN_DATA_FORMATS,
  OPEN_DATA_MEDIA_TYPES,
  type OpenDataCatalogue,
  type OpenDataDataset,
  type OpenDataFormat,
  type OpenDataTable,
  type OpenDatasetId,
} from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { tableDownload, writeTable } from '../imports/table-file.util';
import { catalogueJsonLd } from './dcat';
import { LICENCE, OPEN_DATASETS, PUBLISHER, type OpenDatasetSpec } from './open-data.datasets';
import { OpenDataTablesService } from './open-data-tables.service';

/** A dataset's download, relative to the site (the catalogue makes it absolute with PUBLIC_URL). */
export const downloadPath = (id: string, format: OpenDataFormat) => `/api/v1/open-data/${id}/download?format=${format}`;

/**
 * The catalogue of the tracker's own open data, built from the declared list (open-data.datasets.ts):
 * the DCAT-AP JSON-LD, the list the open-data page shows, and each dataset as CSV, JSON or XLSX.
 * Absolute addresses come from PUBLIC_URL, never from the request's Host or X-Forwarded-* headers.
 */
@Injectable()
export class OpenDataService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: OpenDataTablesService,
  ) {}

  /** The DCAT-AP catalogue (JSON-LD). */
  async catalogue(): Promise<Record<string, unknown>> {
    return catalogueJsonLd({
      base: this.config.publicUrl,
      modified: await this.modified(),
      datasets: OPEN_DATASETS,
      formats: OPEN_DATA_FORMATS,
      mediaTypes: OPEN_DATA_MEDIA_TYPES,
      downloadPath,
    });
  }

  /** The same catalogue as the web app reads it. */
  async list(): Promise<OpenDataCatalogue> {
    const modified = await this.modified();
    const datasets = OPEN_DATASETS.map((spec) => this.describe(spec, modified[spec.id] ?? null));
    return {
      catalogUrl: `${this.config.publicUrl}/api/v1/catalog`,
      publisher: PUBLISHER.name,
      licence: LICENCE,
      modified: newestOf(Object.values(modified)),
      datasets,
    };
  }

  async dataset(id: string): Promise<OpenDataDataset> {
    const spec = specOf(id);
    return this.describe(spec, (await this.modified())[spec.id] ?? null);
  }

  /** A dataset as a file: CSV (UTF-8 with a byte-order mark, formulas neutralised), JSON or XLSX. */
  async download(id: string, format: OpenDataFormat): Promise<StreamableFile> {
    const spec = specOf(id);
    const modified = (await this.modified())[spec.id] ?? null;
    const rows = await this.tables.rows(spec.id, modified);
    const name = `marsad-${spec.id}`;
    if (format === 'json') {
      const table: OpenDataTable = {
        dataset: spec.id,
        title: spec.title,
        publisher: PUBLISHER.name,
        licence: LICENCE,
        modified,
        generatedAt: new Date().toISOString(),
        columns: spec.columns.map(({ key, label }) => ({ key, label })),
        rows: rows.map((row) => Object.fromEntries(spec.columns.map(({ key }) => [key, row[key] ?? null]))),
      };
      const bytes = Buffer.from(JSON.stringify(table));
      return new StreamableFile(bytes, {
        type: `${OPEN_DATA_MEDIA_TYPES.json}; charset=utf-8`,
        length: bytes.length,
        disposition: `attachment; filename="${name}.json"`,
      });
    }
    const cells = rows.map((row) => spec.columns.map(({ key }) => row[key] ?? null));
    const bytes = await writeTable(format, spec.id.slice(0, 31), spec.columns, cells);
    return tableDownload(bytes, format, name);
  }

  private describe(spec: OpenDatasetSpec, modified: string | null): OpenDataDataset {
    return {
      id: spec.id,
      title: spec.title,
      description: spec.description,
      modified,
      frequency: spec.frequency,
      theme: spec.theme,
      columns: spec.columns.map(({ key, label }) => ({ key, label })),
      distributions: OPEN_DATA_FORMATS.map((format) => ({
        format,
        mediaType: OPEN_DATA_MEDIA_TYPES[format],
        url: `${this.config.publicUrl}${downloadPath(spec.id, format)}`,
        path: downloadPath(spec.id, format),
      })),
    };
  }

  /** Each dataset's newest change (dct:modified), in one round trip. */
  private async modified(): Promise<Record<OpenDatasetId, string | null>> {
    const select = OPEN_DATASETS.map((spec, i) => `${spec.modifiedSql} AS m${i}`).join(',\n');
    const [row]: Record<string, Date | string | null>[] = await this.dataSource.query(`SELECT ${select}`);
    return Object.fromEntries(
      OPEN_DATASETS.map((spec, i) => {
        const value = row?.[`m${i}`];
        return [spec.id, value ? new Date(value).toISOString() : null];
      }),
    ) as Record<OpenDatasetId, string | null>;
  }
}

function specOf(id: string): OpenDatasetSpec {
  const spec = OPEN_DATASETS.find((s) => s.id === id);
  if (!spec) throw AppException.notFound('openDataset', id);
  return spec;
}

function newestOf(values: (string | null)[]): string | null {
  return values.reduce<string | null>((n, m) => (m && (!n || m > n) ? m : n), null);
}
