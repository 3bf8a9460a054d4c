/** Messages of the long jobs (server/modules/jobs) and their progress in the web. */
export const jobsZhCN = {
  'jobs.error.notFound': '任务 {id} 不存在。',
  'jobs.error.interrupted': '任务在运行中被中断（服务重启），请重新发起。',
  'jobs.error.stale': '执行该任务的服务实例已 {seconds} 秒无响应（可能已崩溃），任务已终止，请重新发起。',
  'jobs.message.queued': '排队等待执行',
  'jobs.message.running': '正在执行',
  'jobs.message.importQueued': '排队中，前面还有 {ahead} 个导入',
  'jobs.message.importRead': '已读取 {done} 行',
  'jobs.message.importCheck': '正在校验 {total} 行',
  'jobs.message.importWrite': '正在写入 {done}/{total} 条',
  'jobs.message.publish': '正在生成发布快照',
  'jobs.message.brief': '正在生成简报',
  'jobs.message.succeeded': '已完成',
  'jobs.message.failed': '失败：{reason}',
  'jobs.syncLag': '数据同步延迟 {seconds} 秒',
} as const;
