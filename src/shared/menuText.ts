/**
 * The native application menu's words, in the interface's languages. Kept here rather than with the
 * renderer's i18next files because main builds the menu, and main never reads the renderer; the menu
 * writes its items in title case, as native menus do, where the in-window File menu does not.
 */
import type { InterfaceLanguage } from './language';
import type { MenuCommand } from './menu';

export const MENU_TEXT: Record<InterfaceLanguage, { file: string; items: Record<MenuCommand, string> }> = {
  en: {
    file: 'File',
    items: {
      'new-project': 'New Project…',
      'open-project': 'Open Project…',
      'import-files': 'Import Files…',
      'import-folder': 'Import Folder…',
      'merge-annotations': 'Merge Annotations…',
      'export-dataset': 'Export…',
      'export-jsonl': 'Export JSONL…',
      'export-csv': 'Export CSV…',
      labels: 'Labels…',
      'claim-board': 'Claim Board…',
      backups: 'Backups…',
      'save-copy': 'Save a Copy…',
    },
  },
  ar: {
    file: 'ملف',
    items: {
      'new-project': 'مشروع جديد…',
      'open-project': 'فتح مشروع…',
      'import-files': 'استيراد ملفات…',
      'import-folder': 'استيراد مجلد…',
      'merge-annotations': 'دمج التوسيمات…',
      'export-dataset': 'تصدير…',
      'export-jsonl': 'تصدير JSONL…',
      'export-csv': 'تصدير CSV…',
      labels: 'الوسوم…',
      'claim-board': 'لوحة الادعاءات…',
      backups: 'النسخ الاحتياطية…',
      'save-copy': 'حفظ نسخة…',
    },
  },
};
