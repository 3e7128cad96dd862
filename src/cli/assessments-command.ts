// `kakunin assessments`: every assessment in the database, so an operator can find the id that `report`
// and `export` take.
import { bootstrap } from '../app/bootstrap.ts';
import { formatDate } from '../i18n/answer-text.ts';
import { localize } from '../i18n/locale.ts';

export function listAssessments(log: (l: string) => void): number {
  const app = bootstrap();
  try {
    const { store, flows } = app;
    const locale = app.env.KAKUNIN_LOCALE;
    let count = 0;
    for (const org of store.organizations.list())
      for (const facility of store.facilities.list(org.id))
        for (const a of store.assessments.listForFacility(org.id, facility.id)) {
          const flow = flows.get(a.flowId);
          const title = flow ? localize(flow.title, locale) : a.flowId;
          log([a.id, a.status, formatDate(locale, a.createdAt.slice(0, 10)), `${org.name} / ${facility.name}`, title].join('\t'));
          count++;
        }
    if (count === 0) log(locale === 'ja' ? `点検はまだありません（${app.env.KAKUNIN_DB}）` : `No assessments yet (${app.env.KAKUNIN_DB})`);
    return 0;
  } finally {
    app.store.close();
  }
}
