import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const allowedTags = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 's',
  'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'bdi', 'span',
];

/** Blocks that take their direction from their own first strong character (an English heading in an Arabic answer). */
const AUTO_DIRECTION = ['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'th', 'td'];

/**
 * Markdown written by a trainee or a coach, turned into HTML that is safe to put in the page: rendered by `marked`,
 * then everything but plain text formatting removed (no scripts, images, styles, event handlers or `javascript:`
 * links). Links open outside the app and carry no referrer. Blocks get `dir="auto"` so an Arabic answer reads
 * right-to-left on an English page and the other way round.
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown ?? '', { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes: { a: ['href', 'rel', 'target'], '*': ['dir'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
      ...Object.fromEntries(AUTO_DIRECTION.map((tag) => [tag, sanitizeHtml.simpleTransform(tag, { dir: 'auto' })])),
    },
  });
}
