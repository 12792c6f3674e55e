import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { OpenDataFormat, OpenDatasetId } from '@marsad/contracts';
import { apiResource, LocaleService, OpenDataApi } from '@marsad/web/data-access';
import { LoadingIndicator, LocaleDatePipe, LocalizedTextLangPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { FREQUENCY_KEYS } from '../shared/metrics-labels';

// Literal keys, so the translation check can see them.
const FORMAT_KEYS: Record<OpenDataFormat, string> = {
  csv: 'openData.formats.csv',
  json: 'openData.formats.json',
  xlsx: 'openData.formats.xlsx',
};

/**
 * The tracker's own open data (issue #16), public: each dataset of the DCAT-AP catalogue with its
 * description, last change and frequency, a download per format, and the catalogue itself.
 */
@Component({
  selector: 'msd-open-data-page',
  imports: [TranslatePipe, MatButton, LoadingIndicator, LocaleDatePipe, LocalizedTextPipe, LocalizedTextLangPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './open-data.page.html',
  styleUrls: ['../shared/metrics.scss', './open-data.page.scss'],
})
export class OpenDataPage {
  private readonly api = inject(OpenDataApi);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly frequencyKeys = FREQUENCY_KEYS;
  protected readonly formatKeys = FORMAT_KEYS;
  protected readonly catalogUrl = this.api.catalogUrl();

  protected readonly catalogue = apiResource({ stream: () => this.api.catalogue() });

  protected downloadUrl(id: OpenDatasetId, format: OpenDataFormat): string {
    return this.api.downloadUrl(id, format);
  }
}
