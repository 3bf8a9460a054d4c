import { useState } from 'react';
import type { RecordFormProps } from '../components/form-modal';

/**
 * The add/edit dialog of a list's records: `add()` or `edit(record)` opens it, and `dialog` holds the
 * props of the record's form modal (null while it is closed): the record (null when adding), its reload
 * after a version conflict (`reload` fetches the list again, `same` finds the record in it; the dialog
 * then edits the fresh record) and close.
 */
export function useRecordDialog<R>(reload: () => Promise<readonly R[] | undefined>, same: (a: R, b: R) => boolean) {
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const dialog: RecordFormProps<R> | null =
    editing === null
      ? null
      : {
          record: editing === 'new' ? null : editing,
          onReload: async () => {
            const fresh = editing === 'new' ? undefined : (await reload())?.find((r) => same(r, editing));
            if (fresh) setEditing(fresh);
            return fresh;
          },
          onClose: () => setEditing(null),
        };
  return { dialog, add: () => setEditing('new'), edit: (record: R) => setEditing(record) };
}
