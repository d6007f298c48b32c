import { describe, expect, it } from 'vitest';
import { filenameFromContentDisposition } from '../download';

describe('file name from Content-Disposition', () => {
  it('should read the quoted filename the reports API sends', () => {
    expect(filenameFromContentDisposition('attachment; filename="monthly-kpis_2026-11-01_2026-11-30.pdf"')).toBe(
      'monthly-kpis_2026-11-01_2026-11-30.pdf',
    );
  });

  it('should read an unquoted token and ignore other parameters and case', () => {
    expect(filenameFromContentDisposition('attachment; size=123; FILENAME=report.csv')).toBe('report.csv');
  });

  it('should prefer filename* (RFC 8187) and decode its UTF-8', () => {
    expect(
      filenameFromContentDisposition(`attachment; filename="cafe.pdf"; filename*=UTF-8''caf%C3%A9%20r%C3%A9sum%C3%A9.pdf`),
    ).toBe('café résumé.pdf');
    expect(filenameFromContentDisposition(`attachment; filename*=iso-8859-1'en'na%EFve.csv`)).toBe('naïve.csv');
  });

  it('should fall back to filename when filename* cannot be decoded', () => {
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''bad%E0%A4.pdf; filename="ok.pdf"`)).toBe('ok.pdf');
  });

  it('should keep semicolons and escaped quotes inside a quoted name', () => {
    expect(filenameFromContentDisposition('attachment; filename="a;b \\"c\\".csv"')).toBe('a;b "c".csv');
  });

  it('should never let a name reach outside the downloads folder', () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromContentDisposition('attachment; filename="C:\\\\temp\\\\x.pdf"')).toBe('x.pdf');
    expect(filenameFromContentDisposition('attachment; filename=".."', 'report.pdf')).toBe('report.pdf');
  });

  it('should use the fallback without a header or a name', () => {
    expect(filenameFromContentDisposition(null, 'report.pdf')).toBe('report.pdf');
    expect(filenameFromContentDisposition('attachment', 'report.csv')).toBe('report.csv');
    expect(filenameFromContentDisposition('inline; filename=""')).toBe('download');
  });
});
