/** Assignments written as sentences: "Sở X chủ trì, phối hợp với Y … hoàn thành trong quý IV năm 2026". */
import { foldAligned } from './fuzzy';
import { startsName } from './names';

/** The lead, support and timeline a sentence gives, each as written in the text. */
export interface ProseFields {
  lead?: string | undefined;
  support?: string | undefined;
  timeline?: string | undefined;
}

// Where the name before "chủ trì" starts: the sentence or clause, or after "Giao" / "giao cho".
const CLAUSE_START = /(?:^|[.;:!?(\n]\s*|\bgiao(?:\s+cho)?\s+|\bđề nghị\s+|\byêu cầu\s+)(?=[^.;:!?(\n]*$)/iu;
// Verbs that end the list of names after "phối hợp với".
const AFTER_NAMES =
  /\s(?:tổ chức|tham mưu|triển khai|thực hiện|xây dựng|rà soát|hướng dẫn|theo dõi|kiểm tra|báo cáo|trình|hoàn thành|nghiên cứu|đề xuất|ban hành|tuyên truyền|đôn đốc|tổng hợp|đánh giá|chỉ đạo|lựa chọn|bố trí|quản lý|phát triển|đẩy mạnh|tăng cường|khảo sát|lắp đặt|cải tạo|thẩm định|phê duyệt|xử lý|giải quyết|cung cấp|hỗ trợ|vận động|xong|để|nhằm|trong|theo)\s|[;(]/u;
const DEADLINE =
  /(?:(?:hoàn thành|xong)\s+(?:trong|trước|vào|chậm nhất|ngay trong|quý|tháng|năm)|thời gian thực hiện|thời gian hoàn thành|thời hạn|trước ngày|chậm nhất)[^;.\n]*?(?:\d{4}|thường xuyên|hằng năm|hàng năm|liên tục)(?:\s*[-–]\s*\d{4})?/iu;

/** Reads "X chủ trì, phối hợp với Y …" and "hoàn thành trong … / xong trong … / trước ngày …" from a task's text. */
export function readProse(text: string): ProseFields {
  const flat = text.replace(/\s+/g, ' ');
  const out: ProseFields = {};
  const lead = /\s+(?:chủ trì|làm đầu mối|chịu trách nhiệm chính)(?=[\s,.;:]|$)/iu.exec(flat);
  if (lead) {
    const before = flat.slice(0, lead.index);
    const start = CLAUSE_START.exec(before);
    const name = before
      .slice(start ? start.index + start[0].length : 0)
      .replace(/^(?:giao(?:\s+cho)?|đề nghị|yêu cầu)\s+/iu, '')
      .trim();
    if (name && name.length <= 160 && startsName(name) && !/\s(?:được|có trách nhiệm|sẽ)\s/u.test(name))
      out.lead = name;
    const after = flat.slice(lead.index + lead[0].length);
    const support = /^\s*,?\s*(?:và\s+)?phối hợp (?:chặt chẽ )?(?:với\s+)?(.+)$/iu.exec(after);
    if (support) out.support = cutNames(support[1]!);
  }
  // "…, thường xuyên." closing a duty; "… đánh giá cán bộ hàng năm." is a sentence, not a deadline.
  const deadline =
    DEADLINE.exec(flat) ?? /(?<=,\s*)(?:thường xuyên|hằng năm|hàng năm|liên tục)(?=[.;]?\s*$)/iu.exec(flat);
  if (deadline && hasTime(deadline[0])) out.timeline = deadline[0].trim();
  return out;
}

function cutNames(text: string): string | undefined {
  const end = AFTER_NAMES.exec(` ${text}`);
  const names = (end ? ` ${text}`.slice(0, end.index) : text).replace(/[\s,;.]+$/, '').trim();
  // "…, xong trong tháng 6": a list of names ends where a deadline starts.
  return names && names.length <= 300 ? names : undefined;
}

function hasTime(text: string): boolean {
  return /\d{4}|th[a-z]{1,3}ng xuy[a-z]{1,2}n|h[a-z]{1,2}ng n[a-z]{1,3}m|li[a-z]{1,2}n t[a-z]{1,2}c/.test(
    foldAligned(text),
  );
}
