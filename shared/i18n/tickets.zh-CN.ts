/** Messages of the working-day calendar, tickets (问题交办), 督办 and notifications (spread into zh-CN.ts). */
export const ticketsZhCN = {
  'error.calendar_year_not_covered': '工作日历未收录该年份的节假日安排，无法计算工作日。',
  'calendar.error.notCovered':
    '工作日历尚未收录 {year} 年的节假日安排（日期 {date}），无法按工作日计算；请更新 chinese-days 数据包，或手工填写期限。',
  'calendar.warning.missingYears': '工作日历尚未收录 {years} 年的节假日安排：跨入该年的期限无法自动计算，请手工填写。',
} as const;
