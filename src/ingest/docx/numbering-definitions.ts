import type { StyleDefinitions } from './style-definitions.js';
import {
  child,
  childValue,
  childrenNamed,
  isOn,
  parseInteger,
  parseXmlTree,
  type XmlElement,
} from './xml-scan.js';

/** One level (`w:lvl`) of a list definition, as far as it decides the number Word shows. */
export interface LevelDefinition {
  /** `w:start`; the schema default is 0, though Word always writes it. */
  start: number;
  numFmt: string;
  /** `w:format` of a Word 2010 custom format ("001, 002, 003, ..."). */
  customFormat?: string;
  /** `w:lvlText` such as "%1.%2" or "第%1条"; undefined when the level shows no text at all. */
  lvlText: string | undefined;
  /**
   * `w:lvlRestart` (1-based): the level restarts only after a paragraph of level < this value; 0 = never.
   * Undefined: the default, restart after any higher level.
   */
  restartAfter: number | undefined;
  /** `w:isLgl`: legal numbering shows every number of the lvlText as decimal ("1.1" under "Article I"). */
  isLegal: boolean;
  /** `w:pStyle`: the paragraph style bound to this level, which supplies the level for style numbering. */
  paragraphStyle: string | undefined;
}

/** A `w:num` resolved to its list definition, ready for counting. */
export interface ResolvedList {
  numId: string;
  /**
   * Counters are kept per abstract list definition: Word continues a list across `w:num` instances that share an
   * abstractNum (that is how a list interrupted by other text continues), and a `w:startOverride` is how Word
   * writes "restart numbering".
   */
  counterKey: string;
  /** Levels 0–8 with this num's `w:lvlOverride/w:lvl` replacements applied. */
  levels: Array<LevelDefinition | undefined>;
  /** `w:lvlOverride/w:startOverride` by level. */
  startOverrides: Map<number, number>;
}

interface AbstractList {
  id: string;
  levels: Array<LevelDefinition | undefined>;
  numStyleLink: string | undefined;
  styleLink: string | undefined;
}

interface ListInstance {
  abstractNumId: string;
  levelOverrides: Map<number, LevelDefinition>;
  startOverrides: Map<number, number>;
}

/** Numbering as a paragraph asks for it: direct `w:numPr` values, each possibly absent. */
export interface DirectNumbering {
  numId?: string;
  ilvl?: number;
}

export const LEVEL_COUNT = 9;

export class NumberingDefinitions {
  private readonly resolved = new Map<string, ResolvedList | null>();

  private constructor(
    private readonly abstracts: Map<string, AbstractList>,
    private readonly instances: Map<string, ListInstance>,
    private readonly styles: StyleDefinitions,
  ) {}

  static parse(xml: string | undefined, styles: StyleDefinitions): NumberingDefinitions {
    const abstracts = new Map<string, AbstractList>();
    const instances = new Map<string, ListInstance>();
    const root = xml === undefined ? null : parseXmlTree(xml);
    if (root) {
      for (const element of childrenNamed(root, 'w:abstractNum')) {
        const id = element.attributes['w:abstractNumId'];
        if (id !== undefined) abstracts.set(id, readAbstractList(id, element));
      }
      for (const element of childrenNamed(root, 'w:num')) {
        const numId = element.attributes['w:numId'];
        const abstractNumId = childValue(element, 'w:abstractNumId');
        if (numId !== undefined && abstractNumId !== undefined) {
          instances.set(numId, readListInstance(abstractNumId, element));
        }
      }
    }
    return new NumberingDefinitions(abstracts, instances, styles);
  }

  resolve(numId: string): ResolvedList | undefined {
    let result = this.resolved.get(numId);
    if (result === undefined) {
      result = this.resolveUncached(numId);
      this.resolved.set(numId, result);
    }
    return result ?? undefined;
  }

  /**
   * The list and level of a paragraph as Word decides it: direct `w:numPr` first, then the paragraph style and
   * the styles it is based on. A style that carries `w:numId` but no `w:ilvl` gets the level whose `w:pStyle`
   * names it (how Heading 1–9 are tied to the levels of an outline list), else level 0. `w:numId` 0 removes
   * numbering.
   */
  paragraphNumbering(direct: DirectNumbering, styleId: string | undefined): { numId: string; ilvl: number } | undefined {
    const chain = this.styles.chain(styleId ?? this.styles.defaultParagraphStyleId);
    const numId = direct.numId ?? chain.find((s) => s.numId !== undefined)?.numId;
    if (numId === undefined || numId === '0') return undefined;
    const list = this.resolve(numId);
    if (!list) return undefined;
    let ilvl = direct.ilvl ?? chain.find((s) => s.ilvl !== undefined)?.ilvl;
    if (ilvl === undefined) {
      // The nearest style wins: "Clause 2" based on "Clause 1" takes the level bound to "Clause 2".
      for (const style of chain) {
        const bound = list.levels.findIndex((level) => level?.paragraphStyle === style.id);
        if (bound >= 0) {
          ilvl = bound;
          break;
        }
      }
      ilvl ??= 0;
    }
    if (ilvl < 0 || ilvl >= LEVEL_COUNT || !list.levels[ilvl]) return undefined;
    return { numId, ilvl };
  }

  private resolveUncached(numId: string): ResolvedList | null {
    const instance = this.instances.get(numId);
    if (!instance) return null;
    const abstract = this.followStyleLinks(instance.abstractNumId);
    if (!abstract) return null;
    const levels = abstract.levels.map((level, i) => instance.levelOverrides.get(i) ?? level);
    return { numId, counterKey: abstract.id, levels, startOverrides: instance.startOverrides };
  }

  /**
   * An abstractNum with `w:numStyleLink` is only a reference to a numbering style; the real levels are in the
   * abstractNum that the style's own num points at (the one with the matching `w:styleLink`).
   */
  private followStyleLinks(abstractNumId: string): AbstractList | undefined {
    const seen = new Set<string>();
    let abstract = this.abstracts.get(abstractNumId);
    while (abstract?.numStyleLink !== undefined && !seen.has(abstract.id)) {
      seen.add(abstract.id);
      const link: string = abstract.numStyleLink;
      const styleNumId = this.styles.numberingStyle(link)?.numId;
      const viaStyle = styleNumId === undefined ? undefined : this.instances.get(styleNumId)?.abstractNumId;
      const next: AbstractList | undefined =
        (viaStyle === undefined ? undefined : this.abstracts.get(viaStyle)) ??
        [...this.abstracts.values()].find((a) => a.styleLink === link);
      if (!next || next === abstract) break;
      abstract = next;
    }
    return abstract;
  }
}

function readAbstractList(id: string, element: XmlElement): AbstractList {
  const levels: Array<LevelDefinition | undefined> = new Array(LEVEL_COUNT).fill(undefined);
  for (const lvl of childrenNamed(element, 'w:lvl')) {
    // Damaged files sometimes omit w:ilvl; Word (and mammoth) take that as level 0.
    const ilvl = parseInteger(lvl.attributes['w:ilvl']) ?? 0;
    if (ilvl >= 0 && ilvl < LEVEL_COUNT && !levels[ilvl]) levels[ilvl] = readLevel(lvl);
  }
  return {
    id,
    levels,
    numStyleLink: childValue(element, 'w:numStyleLink'),
    styleLink: childValue(element, 'w:styleLink'),
  };
}

function readListInstance(abstractNumId: string, element: XmlElement): ListInstance {
  const levelOverrides = new Map<number, LevelDefinition>();
  const startOverrides = new Map<number, number>();
  for (const override of childrenNamed(element, 'w:lvlOverride')) {
    const ilvl = parseInteger(override.attributes['w:ilvl']);
    if (ilvl === undefined || ilvl < 0 || ilvl >= LEVEL_COUNT) continue;
    const start = parseInteger(childValue(override, 'w:startOverride'));
    if (start !== undefined) startOverrides.set(ilvl, start);
    const lvl = child(override, 'w:lvl');
    if (lvl) levelOverrides.set(ilvl, readLevel(lvl));
  }
  return { abstractNumId, levelOverrides, startOverrides };
}

function readLevel(lvl: XmlElement): LevelDefinition {
  const { numFmt, customFormat } = readNumberFormat(lvl);
  const lvlText = child(lvl, 'w:lvlText');
  return {
    start: parseInteger(childValue(lvl, 'w:start')) ?? 0,
    numFmt,
    customFormat,
    lvlText: lvlText ? (lvlText.attributes['w:val'] ?? '') : undefined,
    restartAfter: parseInteger(childValue(lvl, 'w:lvlRestart')),
    isLegal: isOn(child(lvl, 'w:isLgl')),
    paragraphStyle: childValue(lvl, 'w:pStyle'),
  };
}

/**
 * Word 2010+ writes its custom formats ("001, 002, 003, ...") as an `mc:AlternateContent` whose Choice needs w14
 * and whose Fallback is a plain format for older readers. We understand the zero-padded custom formats, so take the
 * Choice when it is one of those, else the Fallback.
 */
function readNumberFormat(lvl: XmlElement): { numFmt: string; customFormat?: string } {
  const direct = child(lvl, 'w:numFmt');
  if (direct) return { numFmt: direct.attributes['w:val'] ?? 'decimal', customFormat: direct.attributes['w:format'] };
  const alternate = child(lvl, 'mc:AlternateContent');
  for (const choice of childrenNamed(alternate, 'mc:Choice')) {
    const numFmt = child(choice, 'w:numFmt');
    const format = numFmt?.attributes['w:format'];
    if (numFmt?.attributes['w:val'] === 'custom' && format && /^\s*0+1\s*,/.test(format)) {
      return { numFmt: 'custom', customFormat: format };
    }
  }
  const fallback = child(child(alternate, 'mc:Fallback'), 'w:numFmt');
  return { numFmt: fallback?.attributes['w:val'] ?? 'decimal' };
}
