import type { JSONContent } from '@tiptap/core';
import type { RichText } from '../../../../shared/contracts/briefs';

type Block = RichText[number];
type Run = Block['runs'][number];

/** The Tiptap mark that flags a figure typed by hand (手填数字) in a narrative. */
export const MANUAL_FIGURE_MARK = 'manualFigure';

function textNode(run: Run): JSONContent {
  const marks = [
    ...(run.bold ? [{ type: 'bold' }] : []),
    ...(run.italic ? [{ type: 'italic' }] : []),
    ...(run.manualFigure ? [{ type: MANUAL_FIGURE_MARK }] : []),
  ];
  return marks.length === 0 ? { type: 'text', text: run.text } : { type: 'text', text: run.text, marks };
}

function paragraphOf(block: Block): JSONContent {
  const content = block.runs.filter((run) => run.text !== '').map(textNode);
  return content.length === 0 ? { type: 'paragraph' } : { type: 'paragraph', content };
}

/**
 * A narrative of the contract as an editor document: paragraphs, and each run of consecutive bullets as
 * one bullet list (one item per bullet).
 */
export function richTextToDoc(blocks: RichText | null): JSONContent {
  const content: JSONContent[] = [];
  for (const block of blocks ?? []) {
    if (block.kind === 'paragraph') {
      content.push(paragraphOf(block));
      continue;
    }
    const item = { type: 'listItem', content: [paragraphOf(block)] };
    const last = content.at(-1);
    if (last?.type === 'bulletList') last.content?.push(item);
    else content.push({ type: 'bulletList', content: [item] });
  }
  return { type: 'doc', content: content.length === 0 ? [{ type: 'paragraph' }] : content };
}

function runOf(node: JSONContent): Run {
  const marks = new Set((node.marks ?? []).map((mark) => mark.type));
  return {
    text: node.text ?? '',
    ...(marks.has('bold') ? { bold: true } : {}),
    ...(marks.has('italic') ? { italic: true } : {}),
    ...(marks.has(MANUAL_FIGURE_MARK) ? { manualFigure: true } : {}),
  };
}

function sameStyle(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.manualFigure === b.manualFigure;
}

/** The runs of a paragraph: text nodes with their marks, a hard break as a line feed, neighbours of one style joined. */
function runsOf(paragraph: JSONContent): Run[] {
  const runs: Run[] = [];
  for (const node of paragraph.content ?? []) {
    const run = node.type === 'hardBreak' ? { text: '\n' } : runOf(node);
    const last = runs.at(-1);
    if (last !== undefined && sameStyle(last, run)) last.text += run.text;
    else runs.push(run);
  }
  return runs;
}

/** Collects the blocks of a node: a paragraph is one block, every paragraph inside a list item a bullet. */
function collect(node: JSONContent, inList: boolean, out: Block[]): void {
  if (node.type === 'paragraph') {
    const runs = runsOf(node);
    // An empty line carries nothing into the document.
    if (runs.some((run) => run.text.trim() !== '')) out.push({ kind: inList ? 'bullet' : 'paragraph', runs });
    return;
  }
  const nested = inList || node.type === 'bulletList' || node.type === 'orderedList';
  for (const child of node.content ?? []) collect(child, nested, out);
}

/** The editor's document as the contract's narrative (paragraphs and bullets of styled runs). */
export function docToRichText(doc: JSONContent): RichText {
  const out: Block[] = [];
  collect(doc, false, out);
  return out;
}
