import { Module } from '@nestjs/common';
import { PageMetaService } from './page-meta.service';

/** Each public page's title, description, language and Open Graph tags, written into index.html by the server. */
@Module({ providers: [PageMetaService], exports: [PageMetaService] })
export class PageMetaModule {}
