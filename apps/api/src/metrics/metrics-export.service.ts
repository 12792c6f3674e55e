import { Injectable } from '@nestjs/common';
import { pickText, type RankingQuery } from '@marsad/contracts';
import { writeTable, type ColumnSpec, type TableFormat } from '../imports/table-file.util';
import { MetricsQueryService } from './metrics-query.service';

const COLUMNS: ColumnSpec[] = [
  { key: 'rank', label: { fr: 'Rang', ar: 'الرتبة' } },
  { key: 'code', label: { fr: 'Code', ar: 'الرمز' } },
  { key: 'name_fr', label: { fr: 'Administration', ar: 'الإدارة (بالفرنسية)' } },
  { key: 'name_ar', label: { fr: 'Administration (arabe)', ar: 'الإدارة' } },
  { key: 'type', label: { fr: 'Type', ar: 'النوع' } },
  { key: 'score', label: { fr: 'Score de publication', ar: 'نقطة النشر' } },
  { key: 'datasets', label: { fr: 'Jeux de données', ar: 'مجموعات المعطيات' } },
  { key: 'mean_stars', label: { fr: 'Étoiles (moyenne)', ar: 'النجوم (المتوسط)' } },
  { key: 'completeness', label: { fr: 'Complétude des métadonnées (%)', ar: 'اكتمال المعطيات الوصفية (%)' } },
  { key: 'up_to_date', label: { fr: 'À jour (%)', ar: 'محدثة (%)' } },
];

@Injectable()
export class MetricsExportService {
  constructor(private readonly query: MetricsQueryService) {}

  async rankings(format: TableFormat, query: RankingQuery): Promise<Buffer> {
    const page = await this.query.rankings({ ...query, page: 1, pageSize: 5000 });
    const rows = page.items.map((entry) => [
      entry.tied ? `${entry.rank}=` : entry.rank,
      entry.institution.code,
      pickText(entry.institution.name, 'fr')?.text ?? '',
      entry.institution.name.ar ?? '',
      entry.institution.type,
      entry.score,
      entry.datasets,
      entry.meanStars,
      entry.completeness,
      entry.upToDateShare,
    ]);
    return writeTable(format, 'scores', COLUMNS, rows);
  }
}
