import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { startCkanFixtureServer, type CkanFixtureServer } from '@marsad/ckan-fixture-server';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Size of the catalogue demo mode serves when no PORTAL_URL is set. */
export const DEMO_CATALOGUE = { organizations: 40, datasets: 1200, seed: 2021 };

/**
 * Where the portal is: PORTAL_URL, or in demo mode a generated CKAN catalogue
 * served in-process on a loopback port, so a new installation shows metrics
 * without the internet. Null when neither: harvests are then refused.
 */
@Injectable()
export class PortalSource implements OnApplicationShutdown {
  private readonly logger = new Logger(PortalSource.name);
  private demo: Promise<CkanFixtureServer> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get isDemo(): boolean {
    return !this.config.portal.url && this.config.demoData;
  }

  async url(): Promise<string | null> {
    if (this.config.portal.url) return this.config.portal.url;
    if (!this.config.demoData) return null;
    this.demo ??= startCkanFixtureServer({ ...DEMO_CATALOGUE, now: new Date(), host: '127.0.0.1', port: 0 }).then(
      (server) => {
        this.logger.log(`Demo portal: a generated catalogue of ${DEMO_CATALOGUE.datasets} datasets at ${server.url}`);
        return server;
      },
    );
    return (await this.demo).url;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.demo) await (await this.demo).close();
  }
}
