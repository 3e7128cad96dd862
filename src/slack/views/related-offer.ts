// Before a flow that draws on another assessment (the agency form's 「ガイドラインの遵守」 box comes from the
// organization's submitted checklist): says that assessment is missing and offers to start it first, or
// to go on without it.
import type { Localized } from '../../flow/schema.ts';
import { localize, type Locale } from '../../i18n/locale.ts';
import { t } from '../../i18n/messages.ts';
import type { MissingRelatedAssessment } from '../../service/related-assessments.ts';
import { ACTION, encodeValue } from '../action-values.ts';
import { actions, button, escapeMrkdwn, fallback, sections, type Block, type SlackMessage } from './block-kit.ts';

export interface RelatedOfferInput {
  /** The flow the person asked to start. */
  flow: { id: string; title: Localized };
  /** What it draws on that does not exist yet (service.missingRelated). */
  missing: MissingRelatedAssessment[];
  locale: Locale;
  /** The facility the person chose, carried by both buttons so the choice is not asked again. */
  facilityId?: string | undefined;
}

/** The notice, with buttons when one of the missing assessments can be started here. */
export function relatedOfferMessage({ flow, missing, locale, facilityId }: RelatedOfferInput): SlackMessage {
  const notes = missing.map((m) => localize(m.message, locale));
  const blocks: Block[] = [
    ...sections(`*${escapeMrkdwn(localize(flow.title, locale))}*`),
    ...notes.flatMap((note) => sections(`:information_source: ${escapeMrkdwn(note)}`)),
  ];
  const offer = missing.find((m) => m.canStart);
  const at = facilityId ? { fac: facilityId } : {};
  if (offer) {
    blocks.push(
      actions(`related.${flow.id}`, [
        button({
          text: t(locale, 'common.related.startFirst', { title: localize(offer.flowTitle ?? { ja: offer.flowId }, locale) }),
          actionId: ACTION.relatedFirst,
          value: encodeValue({ f: offer.flowId, ...at }),
          style: 'primary',
        }),
        button({ text: t(locale, 'common.related.continueWithout'), actionId: ACTION.relatedSkip, value: encodeValue({ f: flow.id, s: 1, ...at }) }),
      ]),
    );
  }
  return { text: fallback(notes.join(' ')), blocks };
}
