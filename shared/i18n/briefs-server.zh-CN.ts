/** Messages of the monthly brief's server (spread into zh-CN.ts). */
export const briefsServerZhCN = {
  'error.template_invalid': '模板有误，请检查占位符与大括号。',
  'briefs.error.templateBraces': '模板“{template}”（{key}）的大括号不配对（多余的“{placeholder}”）。',
  'briefs.error.templatePlaceholder': '模板“{template}”（{key}）使用了未知占位符 {{placeholder}}；可用的占位符：{allowed}。',
  'briefs.error.notPublished': '{period} 的数据尚未发布，不能生成正式月报；数据人员可生成“初步”月报。',
  'briefs.error.preliminaryStaffOnly': '只有数据人员（管理员、链办、统计审核员）可用未发布月份生成初步月报。',
  'briefs.error.notFound': '月报 {id} 不存在。',
  'briefs.error.chainNotFound': '产业链 {code} 不存在。',
  'briefs.error.regionNotFound': '县市区 {code} 不存在。',
  'briefs.error.notDraft': '月报当前为“{status}”，只有草稿可以修改。',
  'briefs.error.transition': '月报当前为“{status}”，不能执行“{action}”。',
  'briefs.error.onlyReviewer': '只有统计审核员或管理员可以审核、发布或退回月报。',
  'briefs.error.onlyAuthor': '只有可生成该月报的用户可以提交。',
  'briefs.error.preliminaryPublish': '初步月报不能发布：请在该月数据发布后重新生成。',
  'briefs.error.superseded': '该月报已有更新的版本（第{latest}版），旧版本只读。',
  'briefs.error.current': '该月报已发布且数据未重新发布，无需重新生成。',
  'briefs.error.returnReason': '退回时请填写原因。',
  'briefs.error.pdfUnavailable':
    '服务器未安装 LibreOffice，无法导出 PDF；请安装 libreoffice-writer-nogui 与 fonts-noto-cjk，或下载 Word 版。',
  'briefs.error.pdfFailed': 'PDF 转换失败：{reason}。',
} as const;
