import { useEffect, useRef } from 'react';

const DROPPED = 'script, iframe, frame, object, embed, link, meta, base, style, title, form, input, button, textarea, select';

/**
 * An e-mail's HTML part, shown in a shadow root of the page: scripts, frames, forms and remote images are dropped, and
 * style attributes are applied through the CSSOM, which the site's Content-Security-Policy (no inline styles) allows
 * where the same markup, in a frame of this page or parsed with its style attributes, would be refused.
 */
export function EmailHtml({ html, label }: { html: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    // Style attributes are renamed before parsing: parsing them at all counts as an inline style under the policy.
    const parsed = new DOMParser().parseFromString(html.replace(/(\s)style(\s*=)/gi, '$1data-inline-style$2'), 'text/html');
    parsed.querySelectorAll(DROPPED).forEach((node) => node.remove());
    parsed.querySelectorAll('img').forEach((img) => {
      if (!img.getAttribute('src')?.startsWith('data:image/')) img.replaceWith(parsed.createTextNode(img.getAttribute('alt') ?? ''));
    });
    const styles: string[] = [];
    parsed.querySelectorAll('*').forEach((node) => {
      for (const attribute of [...node.attributes]) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on') || (['href', 'src'].includes(name) && /^\s*javascript:/i.test(attribute.value)))
          node.removeAttribute(name);
      }
      const style = node.getAttribute('data-inline-style');
      if (style !== null) {
        node.removeAttribute('data-inline-style');
        node.setAttribute('data-style', String(styles.push(style) - 1));
      }
    });
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const body = document.createElement('div');
    const bodyStyle = parsed.body.getAttribute('data-style');
    if (bodyStyle !== null) body.style.cssText = styles[Number(bodyStyle)];
    body.append(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
    body.querySelectorAll<HTMLElement>('[data-style]').forEach((node) => {
      node.style.cssText = styles[Number(node.getAttribute('data-style'))];
      node.removeAttribute('data-style');
    });
    root.replaceChildren(body);
  }, [html]);
  return <div ref={host} className="mail-html" role="document" aria-label={label} />;
}
