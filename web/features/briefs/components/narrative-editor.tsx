import type { ReactNode } from 'react';
import { Mark } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Space } from 'antd';
import type { RichText } from '../../../../shared/contracts/briefs';
import { useT } from '../../../lib/i18n';
import { docToRichText, MANUAL_FIGURE_MARK, richTextToDoc } from '../utils/rich-text';

/** A figure typed by hand in a narrative: kept as a mark, shown highlighted, written marked into the document. */
const ManualFigure = Mark.create({
  name: MANUAL_FIGURE_MARK,
  parseHTML: () => [{ tag: 'span[data-manual-figure]' }],
  renderHTML: () => ['span', { 'data-manual-figure': '', style: 'background: #fff1b8; border-bottom: 1px solid #fa8c16' }, 0],
});

/**
 * Only what the brief's narrative holds: paragraphs, bullet lists, bold, italic and the 手填 mark
 * (anything else pasted in is dropped, so the document shows what the editor showed).
 */
const EXTENSIONS = [
  StarterKit.configure({
    heading: false,
    blockquote: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    orderedList: false,
    strike: false,
    underline: false,
    link: false,
  }),
  ManualFigure,
];

type Props = {
  value: RichText | null;
  onChange: (value: RichText) => void;
  /** The section's name: the editing area's accessible name. */
  label: string;
  testId?: string;
};

/** A toolbar button that turns a format on or off, shown pressed while the selection has it. */
function ToggleButton({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Button size="small" type={pressed ? 'primary' : 'default'} aria-pressed={pressed} onClick={onClick}>
      {children}
    </Button>
  );
}

/** The rich-text editor (Tiptap) of one narrative part of a draft brief, with its small toolbar. */
export function NarrativeEditor({ value, onChange, label, testId }: Props) {
  const t = useT();
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: richTextToDoc(value),
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        style: 'min-height: 80px; padding: 8px 12px; outline: none;',
      },
    },
    onUpdate: ({ editor: changed }) => onChange(docToRichText(changed.getJSON())),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      manual: e.isActive(MANUAL_FIGURE_MARK),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div data-testid={testId} style={{ border: '1px solid #d9d9d9', borderRadius: 6, fontFamily: 'inherit', marginBlock: 8 }}>
      <Space size={4} wrap style={{ padding: 4, borderBottom: '1px solid #f0f0f0', width: '100%', fontFamily: 'sans-serif' }}>
        <ToggleButton pressed={state.bold} onClick={() => chain().toggleBold().run()}>
          <b>{t('briefs.editor.bold')}</b>
        </ToggleButton>
        <ToggleButton pressed={state.italic} onClick={() => chain().toggleItalic().run()}>
          <i>{t('briefs.editor.italic')}</i>
        </ToggleButton>
        <ToggleButton pressed={state.bullet} onClick={() => chain().toggleBulletList().run()}>
          {t('briefs.editor.bullet')}
        </ToggleButton>
        <ToggleButton pressed={state.manual} onClick={() => chain().toggleMark(MANUAL_FIGURE_MARK).run()}>
          {t('briefs.editor.manualFigure')}
        </ToggleButton>
      </Space>
      <EditorContent editor={editor} />
    </div>
  );
}
