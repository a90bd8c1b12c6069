import type { PartyRole } from '../../types.js';
import type { DocumentView, Unit } from '../document-view.js';
import type { MessageLanguage } from '../types.js';
import type { Match } from '../conditions.js';

/** What a rule kind found in one document. */
export interface KindResult {
  /** Places the rule objects to; a unit of null is the whole document (something missing). */
  hits: Array<{ unit: Unit | null; match?: Match; vars?: Record<string, string>; favours?: PartyRole }>;
  /** Units that address the rule's concern, for the concern overview. */
  addressing: Unit[];
  /** Whether the aspects the rule names are present in the contract. */
  present: boolean;
}

export interface KindContext {
  view: DocumentView;
  /** Units in the rule's scope. */
  units: Unit[];
  /** The side the reader is on. */
  party: PartyRole;
  language: MessageLanguage;
}

export type KindRunner = (ctx: KindContext) => KindResult;
