import { child, childValue, childrenNamed, parseInteger, parseXmlTree, type XmlElement } from './xml-scan.js';

/** What we need of a `w:style` in styles.xml: its numbering, outline level and inheritance. */
export interface StyleDefinition {
  id: string;
  type: string;
  name: string | undefined;
  basedOn: string | undefined;
  /** `w:pPr/w:numPr/w:numId`: "0" explicitly switches numbering off for the style. */
  numId: string | undefined;
  ilvl: number | undefined;
  outlineLevel: number | undefined;
}

export class StyleDefinitions {
  private constructor(
    private readonly byId: Map<string, StyleDefinition>,
    /** Paragraphs without `w:pStyle` have this style (normally "Normal"). */
    readonly defaultParagraphStyleId: string | undefined,
  ) {}

  static empty(): StyleDefinitions {
    return new StyleDefinitions(new Map(), undefined);
  }

  static parse(xml: string | undefined): StyleDefinitions {
    const root = xml === undefined ? null : parseXmlTree(xml);
    if (!root) return StyleDefinitions.empty();
    const byId = new Map<string, StyleDefinition>();
    let defaultParagraphStyleId: string | undefined;
    for (const element of childrenNamed(root, 'w:style')) {
      const style = readStyle(element);
      if (!style) continue;
      byId.set(style.id, style);
      const isDefault = element.attributes['w:default'];
      if (style.type === 'paragraph' && (isDefault === '1' || isDefault === 'true')) defaultParagraphStyleId = style.id;
    }
    return new StyleDefinitions(byId, defaultParagraphStyleId);
  }

  get(id: string | undefined): StyleDefinition | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The style and the styles it is based on, nearest first; stops at a cycle, which damaged files can have. */
  chain(id: string | undefined): StyleDefinition[] {
    const result: StyleDefinition[] = [];
    const seen = new Set<string>();
    for (let style = this.get(id); style && !seen.has(style.id); style = this.get(style.basedOn)) {
      seen.add(style.id);
      result.push(style);
    }
    return result;
  }

  /** A numbering style (`w:type="numbering"`) as named by an abstractNum's `w:numStyleLink`. */
  numberingStyle(id: string): StyleDefinition | undefined {
    const style = this.byId.get(id);
    return style && style.type === 'numbering' ? style : undefined;
  }
}

function readStyle(element: XmlElement): StyleDefinition | undefined {
  const id = element.attributes['w:styleId'];
  if (id === undefined) return undefined;
  const pPr = child(element, 'w:pPr');
  const numPr = child(pPr, 'w:numPr');
  return {
    id,
    type: element.attributes['w:type'] ?? 'paragraph',
    name: childValue(element, 'w:name'),
    basedOn: childValue(element, 'w:basedOn'),
    numId: childValue(numPr, 'w:numId'),
    ilvl: parseInteger(childValue(numPr, 'w:ilvl')),
    outlineLevel: parseInteger(childValue(pPr, 'w:outlineLvl')),
  };
}
