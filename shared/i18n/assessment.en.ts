import type { assessmentZhCN } from './assessment.zh-CN.js';

/** Messages of 督查考核 assessment (spread into en.ts). */
export const assessmentEn: Record<keyof typeof assessmentZhCN, string> = {
  'assessment.error.weightSum': 'The indicator weights add up to {sum}, not 100: adjust the weights and save again (nothing was saved).',
  'assessment.error.unknownSource':
    'Indicator "{name}" names the source "{source}", which does not exist: pick one from the list of sources.',
  'assessment.error.sourceKind': 'Indicator "{name}": the source "{source}" cannot score this kind of object.',
  'assessment.error.duplicateCode': 'The code "{code}" is used twice: indicators, bonus, deduction and veto items need distinct codes.',
  'assessment.error.schemeNotFound': 'Assessment scheme {id} does not exist.',
  'assessment.error.runNotFound': 'Assessment run {id} does not exist.',
  'assessment.error.unknownObject': '"{object}" is not one of the objects this scheme scores.',
  'assessment.error.unknownItem': '"{item}" is not a manual indicator, bonus, deduction or veto item of this scheme.',
  'assessment.error.vetoReason': 'A veto (一票否决) needs its reason.',
  'assessment.error.evidenceRequired': 'Give the evidence (a note or a link).',
  'assessment.error.valueRequired': 'Give the value.',
  'assessment.error.pointsRange': 'The points must be between 0 and {max}.',
};
