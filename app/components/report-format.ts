/** Numbers as Vietnamese reports write them: 1.234 and 66,7. */
const count = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const formatNumber = (n: number) => count.format(n);
export const formatRate = (n: number | null) => (n === null ? '–' : percent.format(n));
