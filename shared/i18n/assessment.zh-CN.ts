/** Messages of 督查考核 assessment (spread into zh-CN.ts). */
export const assessmentZhCN = {
  'assessment.error.weightSum': '各项指标权重合计为 {sum}，应为 100；请调整权重后再保存（未保存任何内容）。',
  'assessment.error.unknownSource': '指标「{name}」的数据来源「{source}」不存在；请从数据来源列表中选择。',
  'assessment.error.sourceKind': '指标「{name}」的数据来源「{source}」不适用于该考核对象。',
  'assessment.error.duplicateCode': '编码「{code}」重复使用；指标、加分、扣分与否决项的编码须各不相同。',
  'assessment.error.schemeNotFound': '考核方案 {id} 不存在。',
  'assessment.error.runNotFound': '考核结果 {id} 不存在。',
  'assessment.error.unknownObject': '考核对象「{object}」不在该方案的考核范围内。',
  'assessment.error.unknownItem': '「{item}」不是该方案的手工评分指标、加分、扣分或否决项。',
  'assessment.error.vetoReason': '一票否决须写明理由。',
  'assessment.error.evidenceRequired': '请填写佐证材料（说明或链接）。',
  'assessment.error.valueRequired': '请填写分值。',
  'assessment.error.pointsRange': '分值须在 0 到 {max} 之间。',
} as const;
