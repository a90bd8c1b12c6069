/**
 * Types shared by every layer: ingest → structure → rules → findings → formatters.
 * Positions are always 1-based lines of the extracted text (and the PDF page where there is one).
 */

export type DocFormat = 'docx' | 'pdf' | 'markdown' | 'text';
export type Language = 'zh' | 'en';

export interface Position {
  line: number;
  page?: number;
}

/** Where a run of a block's text came from: text from `offset` on starts at `line` (and `page`). */
export interface Segment extends Position {
  offset: number;
}

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'table-cell' | 'footnote';

/**
 * One paragraph-like unit of a document as a reader sees it: a DOCX paragraph or table cell, a PDF paragraph
 * (wrapped lines joined), a Markdown heading or list item, a text paragraph.
 */
export interface Block {
  /** Text as extracted, wrapped lines joined; DOCX automatic numbers are prefixed as Word shows them. */
  text: string;
  kind: BlockKind;
  /** First line of the block in the extracted text. */
  line: number;
  /** Last line of the block in the extracted text. */
  endLine: number;
  page?: number;
  /** Heading level where the source marks one (DOCX heading style, Markdown `#`), 1 = top. */
  headingLevel?: number;
  /**
   * A number the source itself generated (Word automatic numbering, Markdown ordered lists): authoritative, so the
   * structure layer takes it as a clause number without guessing. It is also the start of `text`.
   */
  generatedNumber?: { text: string; level: number };
  /**
   * Table cells of one row share this number (unique in the document): a row such as "First instalment 70% |
   * 1,512,000 | within 7 days of signing" is read as one statement, and each row apart from the next.
   */
  row?: number;
  /** Nesting depth of a Markdown list item (0 = not indented): nested lists are children whatever their numbers. */
  listLevel?: number;
  /** Where each source line starts within `text`; absent when the block is one line. */
  segments?: Segment[];
  /** Set on markdown/text lines that are a suppression comment rather than contract text. */
  directive?: string;
}

export interface IngestedDocument {
  format: DocFormat;
  blocks: Block[];
  /** The extracted text, one line per `line` number (blocks may span several lines). */
  lines: string[];
  pageCount?: number;
  /** Things a user may want to know but that do not stop the lint (e.g. a text encoding that was guessed). */
  notes: string[];
}

export type ReadErrorCode =
  | 'empty'
  | 'corrupt'
  | 'truncated'
  | 'encrypted'
  | 'no-text-layer'
  | 'unsupported-format'
  | 'not-text'
  | 'too-large'
  | 'timeout'
  | 'not-found';

export type PartyRole = 'client' | 'provider';

export interface Party {
  role: PartyRole | null;
  /** How the contract refers to the party: 甲方, 乙方, "Client", "Company". */
  label: string;
  /** The party's name as written, where the contract gives one. */
  name?: string;
  /** Other words the contract uses for the same party (委托方, "Agency"). */
  aliases: string[];
  /** Why the role was given, for `--debug` and tests: 'label' (role word) or 'conduct' (who serves, who pays). */
  roleSource?: 'label' | 'conduct';
  location?: Position;
}

export interface DefinedTerm {
  term: string;
  location: Position;
}

export interface Clause {
  /** The clause number as the document shows it (第一条, 1.1, (a), Article 5, 附件一), or null. */
  number: string | null;
  heading: string | null;
  /** The clause's own text (its blocks, without children), number and heading included. */
  text: string;
  location: Position;
  endLine: number;
  /** The numbering scheme, e.g. 'zh-article', 'decimal-2', 'alpha-paren'; 'heading' for unnumbered headings. */
  scheme: string;
  blocks: Block[];
  children: Clause[];
}

export interface ClauseTree {
  children: Clause[];
}

export interface ContractDocument {
  format: DocFormat;
  language: Language;
  /** Set for a contract written in Traditional Chinese: its messages are given in Traditional characters too. */
  script?: 'traditional';
  /** Title, parties and recitals. */
  preamble: Block[];
  tree: ClauseTree;
  /** The signature block: not contract clauses. */
  signature: Block[];
  parties: Party[];
  definedTerms: DefinedTerm[];
  lines: string[];
  pageCount?: number;
  notes: string[];
  /** Inline comments addressed to contract-lint (Markdown and text): suppressions. */
  directives: Array<{ text: string; line: number }>;
}
