// Shared scaffolding for the admin list pages: the failure box and the scrolling table with its header row.
import type { ReactNode } from 'react';

/** An alert box for a failed action or load; renders nothing while there is no message. */
export function FailureBox({ message }: { message: string }) {
  if (!message) return null;
  return (
    <p className="admin-error-box" role="alert">
      {message}
    </p>
  );
}

type TableName =
  /** A visually hidden caption naming the table. */
  | { caption: string; labelledBy?: never }
  /** The id of a visible heading that names the table instead of a caption. */
  | { labelledBy: string; caption?: never };

type AdminTableProps = TableName & {
  /** The column headings, left to right. */
  columns: readonly string[];
  /** The body rows (`<tr>` elements). */
  children: ReactNode;
};

/** A data table in a horizontally scrolling wrapper, with one `<th scope="col">` per column heading. */
export function AdminTable({ caption, labelledBy, columns, children }: AdminTableProps) {
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" aria-labelledby={labelledBy}>
        {caption !== undefined && <caption className="admin-vh">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((heading, i) => (
              <th scope="col" key={i}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
