import type { briefsServerZhCN } from './briefs-server.zh-CN.js';

/** English messages of the monthly brief's server (spread into en.ts). */
export const briefsServerEn: Record<keyof typeof briefsServerZhCN, string> = {
  'error.template_invalid': 'The template is invalid: check its placeholders and braces.',
  'briefs.error.templateBraces': 'Template “{template}” ({key}) has unbalanced braces (a stray “{placeholder}”).',
  'briefs.error.templatePlaceholder': 'Template “{template}” ({key}) uses the unknown placeholder {{placeholder}}; allowed: {allowed}.',
  'briefs.error.notPublished':
    'The figures of {period} are not published: no brief can be generated from them (data staff may generate a preliminary one).',
  'briefs.error.preliminaryStaffOnly':
    'Only data staff (administrator, chain offices, statistics reviewers) may generate a preliminary brief from an unpublished month.',
  'briefs.error.notFound': 'Brief {id} does not exist.',
  'briefs.error.chainNotFound': 'Chain {code} does not exist.',
  'briefs.error.regionNotFound': 'Region {code} does not exist.',
  'briefs.error.notDraft': 'The brief is {status}: only a draft can be edited.',
  'briefs.error.transition': 'The brief is {status}: “{action}” is not allowed.',
  'briefs.error.onlyReviewer': 'Only a statistics reviewer or the administrator may review, publish or return a brief.',
  'briefs.error.onlyAuthor': 'Only a user who may generate this brief may submit it.',
  'briefs.error.preliminaryPublish': 'A preliminary brief cannot be published: regenerate it once the month is published.',
  'briefs.error.superseded': 'A newer version ({latest}) of this brief exists; older versions are read-only.',
  'briefs.error.current': 'The brief is published and its month has not been republished since: there is nothing to regenerate.',
  'briefs.error.returnReason': 'Give a reason to return the brief.',
  'briefs.error.pdfUnavailable':
    'LibreOffice is not installed on the server: install libreoffice-writer-nogui and fonts-noto-cjk, or download the .docx.',
  'briefs.error.pdfFailed': 'Converting to PDF failed: {reason}.',
};
