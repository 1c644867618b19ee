/** One block of a contract's text: a paragraph, or a section heading written as `# Heading`. */
export interface DocumentBlock {
  heading: boolean;
  text: string;
}

/**
 * A contract's content as readable blocks: blank lines separate paragraphs, single line breaks
 * stay (numbered clauses), and a leading `#` marks a heading. The text is never parsed as HTML.
 */
export const documentBlocks = (content: string): DocumentBlock[] =>
  content
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => {
      const heading = /^#{1,6}\s/.test(block) && !block.includes('\n');
      return { heading, text: heading ? block.replace(/^#{1,6}\s+/, '') : block };
    });
