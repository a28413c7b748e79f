// The types of @retorquere/bibtex-parser's first pass (dist/types/verbatim.d.ts, which the package does not
// export either), as far as lib/formats/bibtex-import.ts uses it. The alias is in wxt.config.ts.
declare module 'bibtex-parser-verbatim' {
  import type { ParseError } from '@retorquere/bibtex-parser';

  export interface Entry {
    input: string;
    type: string;
    key: string;
    /** Lower-case names (a repeated one as `name+duplicate-1`), the values as written, `@string`s resolved. */
    fields: Record<string, string>;
  }
  export function parse(
    input: string,
    options?: { strings?: string | Record<string, string> },
  ): { entries: Entry[]; errors: ParseError[]; strings: Record<string, string>; comments: string[]; preambles: string[] };
}
