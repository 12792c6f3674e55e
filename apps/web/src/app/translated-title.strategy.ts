import { inject, Injectable } from '@angular/core';
import { TitleStrategy, type RouterStateSnapshot } from '@angular/router';
import { DocumentTitleService } from '@marsad/web/data-access';

/** Route `title`s are translation keys; pages refine the title once their data is in. */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly documentTitle = inject(DocumentTitleService);
  private lastPage: string | null = null;

  override updateTitle(snapshot: RouterStateSnapshot): void {
    // A language switch keeps the page (and its refined title, which re-translates itself).
    const page = snapshot.url.split(/[?#]/)[0].replace(/^\/[^/]*/, '');
    if (page === this.lastPage) return;
    this.lastPage = page;
    this.documentTitle.set(this.buildTitle(snapshot) ?? 'app.name');
  }
}
