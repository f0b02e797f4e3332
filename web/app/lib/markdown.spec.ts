import { renderMarkdown } from './markdown.server';

describe('renderMarkdown', () => {
  it('keeps formatting, lists and links, and marks paragraphs dir="auto" for mixed-script answers', () => {
    const html = renderMarkdown('**السؤال** الأول\n\n- one\n- two\n\n[site](https://example.org)');
    expect(html).toContain('<strong>السؤال</strong>');
    expect(html).toContain('<p dir="auto">');
    expect(html).toContain('<li dir="auto">one</li>');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('lets headings and quotes take their own direction, so an English heading in an Arabic answer starts on the left', () => {
    const html = renderMarkdown('## Story of self\n\n> كلمة المدرب\n\n| a | b |\n|---|---|\n| ج | d |');
    expect(html).toContain('<h2 dir="auto">Story of self</h2>');
    expect(html).toContain('<blockquote dir="auto">');
    expect(html).toContain('<td dir="auto">ج</td>');
  });

  it('removes scripts, event handlers, images, styles and javascript: links from hostile text', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror="alert(2)"><p style="color:red" onclick="x()">hi</p>\n\n[x](javascript:alert(3))',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|style=|href="javascript:|<img/i);
    expect(html).toContain('hi');
  });
});
