/** Positioned text as the layout steps see it. Coordinates are PDF points, origin top-left, y growing downwards. */

/** One run of text pdf.js reported, on a horizontal baseline. */
export interface PlacedText {
  /** Whitespace runs collapsed to one space (two spaces for an ideographic space); may be just ' '. */
  str: string;
  /** Left end of the run. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (the glyphs' vertical scale). */
  size: number;
}

export interface PageText {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  items: PlacedText[];
}

/** One visual line of a page. */
export interface TextLine {
  page: number;
  /** Trimmed; a gap much wider than a space is kept as two spaces. */
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
  /** A running header or footer was removed just above: the vertical gap to the previous line says nothing. */
  afterRemoved?: boolean;
  /** The column the line belongs to, where the page is set in two: its edges stand in for the page's margins. */
  column?: { left: number; right: number };
}
