import { formatRange } from '@/lib/format';

type PaginationProps = {
  page: number;
  size: number;
  total: number;
  onPageChange: (page: number) => void;
};

export function Pagination({ page, size, total, onPageChange }: PaginationProps) {
  const lastPage = Math.max(0, Math.ceil(total / size) - 1);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span className="pagination__range">{formatRange(page, size, total)}</span>
      <button type="button" className="button button--ghost" disabled={page <= 0} onClick={() => onPageChange(page - 1)}>
        Previous page
      </button>
      <button
        type="button"
        className="button button--ghost"
        disabled={page >= lastPage}
        onClick={() => onPageChange(page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
